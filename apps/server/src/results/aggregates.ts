import type { Db } from '@yardstick/db'
import type { SourceTotals } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { queryRows } from './sql-rows'

/** One (unit, source) aggregate of a campaign's responses, as SQL computes it. */
export interface UnitSourceTotals extends SourceTotals {
  unitId: number
  sourceKey: string
  veto: boolean
}

/**
 * Aggregates a campaign's responses per (unit, source) in the database — count, sum of percent,
 * satisfied and answered, any veto — so results never load responses into JavaScript: one row per
 * unit and source comes back. `sum(percent order by id)` adds in submission order, the order
 * `evaluate` adds responses given in id order, so the mean is bit-identical to the SDK's.
 *
 * @example
 * const totals = await loadSourceTotals(db, 7)
 * totals[0] // { unitId: 17, sourceKey: 'members', n: 30, percentSum: 2712.5, satisfied: 270, answered: 300, veto: false }
 */
export async function loadSourceTotals(db: Db, campaignId: number): Promise<UnitSourceTotals[]> {
  return queryRows<UnitSourceTotals>(
    db,
    sql`select unit_id as "unitId", source_key as "sourceKey", count(*)::int as n,
      sum(percent order by id) as "percentSum", sum(satisfied)::float8 as satisfied,
      sum(answered)::float8 as answered, bool_or(veto) as veto
    from responses where campaign_id = ${campaignId}
    group by unit_id, source_key`,
  )
}
