import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readAnswers } from './read-answers'
import { buildReport, formatReport } from './report'

const csv = readFileSync(new URL('../data/answers.csv', import.meta.url), 'utf8')

describe('the node-sdk example', () => {
  it('grades the sample branches by pooled member satisfaction', () => {
    const { overallRate, evaluation, rejected } = buildReport(readAnswers(csv))
    // Satisfied votes: 15 + 12 + 6 + 6 = 39 of 17 respondents × 3 aspects = 51.
    expect(overallRate).toBeCloseTo(39 / 51, 12)
    expect(rejected).toEqual([])
    expect(evaluation.map((u) => [u.unitId, u.composite, u.grade, u.stars, u.rank])).toEqual([
      ['第一党支部', 100, '先进', 5, 1],
      ['第二党支部', 80, '达标', 3, 2],
      ['第三党支部', 40, '后进', 1, 3],
      ['第四党支部', null, null, null, null],
    ])
    expect(evaluation[3]?.incomplete?.reason).toBe('belowMinResponses')
  })

  it('rejects a row whose answer is not on the scale, and says why', () => {
    const bad = `${csv.trim()}\n第一党支部,m99,great,satisfied,satisfied,\n`
    const { rejected, evaluation } = buildReport(readAnswers(bad))
    expect(rejected).toEqual([{ respondent: 'm99', reasons: ['“great”不是题目“study”的选项'] }])
    expect(evaluation[0]?.sources.members?.n).toBe(5)
  })

  it('prints one line per branch under a header', () => {
    const text = formatReport(buildReport(readAnswers(csv)))
    expect(text).toContain('总体满意率 Overall satisfaction: 76.5%')
    expect(text).toContain('第二党支部\t5\t80%\t80\t达标\t2')
    expect(text.split('\n')).toHaveLength(7)
  })

  it('refuses a CSV row without a branch', () => {
    expect(() => readAnswers('branch,respondent,study\n,m1,satisfied\n')).toThrow('CSV row 2')
  })
})
