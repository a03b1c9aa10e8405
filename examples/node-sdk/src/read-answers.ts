import type { Answers } from '@yardstick/sdk'
import { parse } from 'csv-parse/sync'

/** One CSV row: which branch the respondent belongs to, and their answers. */
export interface RespondentRow {
  branch: string
  respondent: string
  answers: Answers
}

/**
 * Reads a CSV with a header row: `branch`, `respondent`, then one column per question name.
 * Empty cells are unanswered questions.
 */
export function readAnswers(csv: string): RespondentRow[] {
  const records: Array<Record<string, string>> = parse(csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  })
  return records.map(({ branch = '', respondent = '', ...cells }, i) => {
    if (!branch) throw new Error(`CSV row ${i + 2}: the branch column is empty`)
    const answers = Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== ''))
    return { branch, respondent, answers }
  })
}
