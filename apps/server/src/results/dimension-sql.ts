import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { fromMicros } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { textList, unitScopeSql } from './scope-sql'

/** One unit's figures on one dimension of one source, summed over its responses. */
export interface UnitDimensionTotals {
  unitId: number
  sourceKey: string
  dimension: string
  /** Σ of the responses' dimension `score` (each as the SDK gives it: never below 0). */
  score: number
  /** Σ of the responses' dimension `maxScore`. */
  maxScore: number
  /** score / maxScore × 100; null when maxScore is 0 (only bonus or deduction items). */
  percent: number | null
}

/**
 * Each unit's figures per source and dimension, read from the running aggregates
 * (`unit_dimension_totals`, kept by the database as responses arrive, summed over form versions):
 * one row per (unit, source, dimension), never one per response. A unit's dimension percent is
 * Σ score / Σ maxScore × 100 of its responses — the SDK's per-response dimension scores, each
 * kept in millionths, so the sums are exact whatever order responses arrived in. Only the given
 * sources are read: those whose forms score any question on a dimension.
 *
 * @example
 * await loadDimensionTotals(db, 7, 'all', ['self', 'superior'])
 * // [{ unitId: 17, sourceKey: 'self', dimension: 'politicalFunction', score: 4, maxScore: 5, percent: 80 }, …]
 */
export async function loadDimensionTotals(
  db: Db,
  campaignId: number,
  scope: number[] | 'all',
  sourceKeys: readonly string[],
): Promise<UnitDimensionTotals[]> {
  const sources = textList(sourceKeys)
  if ((scope !== 'all' && scope.length === 0) || !sources) return []
  const rows = await queryRows<{
    unitId: number
    sourceKey: string
    dimension: string
    scoreMicros: number
    maxScoreMicros: number
  }>(
    db,
    sql`select r.unit_id as "unitId", r.source_key as "sourceKey", r.dimension,
      sum(r.score_micros)::float8 as "scoreMicros", sum(r.max_score_micros)::float8 as "maxScoreMicros"
    from unit_dimension_totals r
    where ${unitScopeSql(campaignId, scope)} and r.source_key in ${sources}
    group by r.unit_id, r.source_key, r.dimension`,
  )
  // Each field named: a rest-and-spread per row cost more than the query at 100,000 units.
  return rows.map((row) => {
    const score = fromMicros(row.scoreMicros)
    const maxScore = fromMicros(row.maxScoreMicros)
    return {
      unitId: row.unitId,
      sourceKey: row.sourceKey,
      dimension: row.dimension,
      score,
      maxScore,
      percent: maxScore > 0 ? (score / maxScore) * 100 : null,
    }
  })
}
