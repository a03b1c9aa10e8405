import { REPORT_RANKING, type ReportRankingRow } from '@yardstick/contract'
import { lowestGrade } from '@yardstick/contract/periods'
import type { EvaluationPolicy } from '@yardstick/sdk'
import type { GradedUnit } from '../results/grade'
import { sortResults } from '../results/view'

/**
 * The report's ranking of the units in scope: all of them when they are few (below
 * `REPORT_RANKING.allBelow`), else the first `REPORT_RANKING.top` by rank and every unit of the
 * lowest band — the two lists an office reads out (先进 and 后进) — by rank.
 *
 * @example
 * reportRanking(policy, shown).rows[0]?.rank // 1
 */
export function reportRanking(policy: EvaluationPolicy, shown: readonly GradedUnit[]) {
  const sorted = sortResults(shown, 'rank')
  const lowest = lowestGrade(policy.bands) ?? null
  const complete = sorted.length < REPORT_RANKING.allBelow
  const listed = complete
    ? sorted
    : sorted.filter(
        (unit, i) => i < REPORT_RANKING.top || (unit.grade !== null && unit.grade === lowest),
      )
  return { units: sorted.length, complete, lowestGrade: lowest, rows: listed.map(rankingRow) }
}

function rankingRow(unit: GradedUnit): ReportRankingRow {
  const { unitId, name, unitType, composite, grade, stars, rank, demoted, vetoed } = unit
  return { unitId, name, unitType, composite, grade, stars, rank, demoted, vetoed }
}
