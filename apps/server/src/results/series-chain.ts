import { SERIES_MAX_PERIODS, type SeriesPeriod } from '@yardstick/contract'
import { type Db, queryRows, schema } from '@yardstick/db'
import { inArray, sql } from 'drizzle-orm'

/**
 * The periods of a campaign's series up to it, oldest first: the chain of `previousCampaignId`
 * walked back from the campaign, at most `max` long (this campaign included).
 *
 * @example
 * const periods = await seriesPeriods(db, 9) // [2024 (7), 2025 (8), 2026 (9)]
 */
export async function seriesPeriods(
  db: Db,
  campaignId: number,
  max = SERIES_MAX_PERIODS,
): Promise<SeriesPeriod[]> {
  const rows = await queryRows<{ id: number; depth: number }>(
    db,
    sql`
    with recursive chain(id, previous, depth) as (
      select id, previous_campaign_id, 0 from campaigns where id = ${campaignId}
      union all
      select c.id, c.previous_campaign_id, chain.depth + 1
      from campaigns c join chain on c.id = chain.previous
      where chain.depth + 1 < ${max}
    )
    select id, depth from chain`,
  )
  const depthOf = new Map(rows.map((row) => [Number(row.id), Number(row.depth)]))
  if (depthOf.size === 0) return []
  const { campaigns } = schema
  const found = await db
    .select({
      campaignId: campaigns.id,
      name: campaigns.name,
      cadence: campaigns.cadence,
      opensAt: campaigns.opensAt,
      closesAt: campaigns.closesAt,
      status: campaigns.status,
    })
    .from(campaigns)
    .where(inArray(campaigns.id, [...depthOf.keys()]))
  return found
    .sort((a, b) => (depthOf.get(b.campaignId) ?? 0) - (depthOf.get(a.campaignId) ?? 0))
    .map((period) => ({
      ...period,
      opensAt: period.opensAt.toISOString(),
      closesAt: period.closesAt.toISOString(),
    }))
}
