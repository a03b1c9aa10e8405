import { readFileSync } from 'node:fs'
import { readAnswers } from './read-answers'
import { buildReport, formatReport } from './report'

const file = process.argv[2]
if (!file) {
  console.error('usage: tsx src/main.ts <answers.csv>')
  process.exit(2)
}
console.log(formatReport(buildReport(readAnswers(readFileSync(file, 'utf8')))))
