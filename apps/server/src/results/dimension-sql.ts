import type { Db } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { textList, unitScopeSql } from './scope-sql'
import { queryRows } from './sql-rows'

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
 * Sums each unit's responses per source and dimension in SQL (`jsonb_each` over the stored
 * `score->'dimensions'`): one row per (unit, source, dimension), never one per response. A unit's
 * dimension percent is Σ score / Σ maxScore × 100 of its responses — the SDK's per-response
 * dimension scores summed, in submission order (`order by id`), then divided. Only the given
 * sources are read: those whose forms score any question on a dimension (the others' responses
 * have none, and skipping them spares reading every member's score).
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
  return queryRows<UnitDimensionTotals>(
    db,
    sql`select unit_id as "unitId", "sourceKey", dimension, score, "maxScore",
      case when "maxScore" > 0 then score / "maxScore" * 100 end as percent
    from (
      select r.unit_id, r.source_key as "sourceKey", d.key as dimension,
        sum((d.value->>'score')::float8 order by r.id) as score,
        sum((d.value->>'maxScore')::float8 order by r.id) as "maxScore"
      from responses r cross join lateral jsonb_each(
        case when jsonb_typeof(r.score->'dimensions') = 'object' then r.score->'dimensions' else '{}' end
      ) d
      where ${unitScopeSql(campaignId, scope)} and r.source_key in ${sources}
      group by r.unit_id, r.source_key, d.key
    ) t`,
  )
}
