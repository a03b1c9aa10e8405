import {
  type EvaluationPolicy,
  evaluate,
  roundForDisplay,
  type ScoreResult,
  scoreResponse,
  summarizeSatisfaction,
  type UnitEvaluation,
  validateResponse,
} from '@yardstick/sdk'
import { memberSurvey } from './form'
import type { RespondentRow } from './read-answers'

/** Members' satisfaction rate decides the grade; a branch needs at least 3 respondents. */
export const POLICY: EvaluationPolicy = {
  sources: [{ key: 'members', weight: 1, minResponses: 3, measure: 'satisfactionRate' }],
  bands: [
    { min: 90, grade: '先进', stars: 5 },
    { min: 60, grade: '达标', stars: 3 },
    { min: 0, grade: '后进', stars: 1 },
  ],
}

/** What the example computes from the CSV. */
export interface Report {
  overallRate: number
  evaluation: UnitEvaluation[]
  rejected: Array<{ respondent: string; reasons: string[] }>
}

/** Validates and scores every row, pools satisfaction, and evaluates each branch. */
export function buildReport(rows: RespondentRow[]): Report {
  const byBranch = new Map<string, ScoreResult[]>()
  const rejected: Report['rejected'] = []
  const accepted: RespondentRow[] = []
  for (const row of rows) {
    const check = validateResponse(memberSurvey, row.answers)
    if (!check.valid) {
      rejected.push({ respondent: row.respondent, reasons: check.errors.map((e) => e.message) })
      continue
    }
    accepted.push(row)
    const scores = byBranch.get(row.branch) ?? []
    scores.push(scoreResponse(memberSurvey, row.answers))
    byBranch.set(row.branch, scores)
  }
  const units = [...byBranch].map(([unitId, members]) => ({ unitId, sources: { members } }))
  const overall = summarizeSatisfaction(
    memberSurvey,
    accepted.map((row) => row.answers),
  ).overall
  return { overallRate: overall.rate, evaluation: evaluate(POLICY, units), rejected }
}

/** The report as the plain-text table the command prints. */
export function formatReport({ overallRate, evaluation, rejected }: Report): string {
  const lines = [`总体满意率 Overall satisfaction: ${roundForDisplay(overallRate * 100, 1)}%`, '']
  lines.push(
    ['支部 Branch', 'n', '满意率 Rate', '综合 Composite', '等次 Grade', '名次 Rank'].join('\t'),
  )
  for (const unit of evaluation) {
    const members = unit.sources.members
    lines.push(
      [
        unit.unitId,
        members?.n ?? 0,
        members?.value === null || members?.value === undefined
          ? '—'
          : `${roundForDisplay(members.value, 1)}%`,
        roundForDisplay(unit.composite, 1) ?? '—',
        unit.grade ?? `未评定 (${unit.incomplete?.message['zh-CN']})`,
        unit.rank ?? '—',
      ].join('\t'),
    )
  }
  for (const { respondent, reasons } of rejected)
    lines.push(`已拒收 Rejected ${respondent}: ${reasons.join('; ')}`)
  return lines.join('\n')
}
