import type { Db, SourceKey } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { newSlug } from './secrets'

// Each list goes in as ONE array parameter that `unnest` spreads into rows (as the organisation
// import's writes): drizzle's multi-row insert makes a parameter of every value, which took
// seconds of the server's thread at 100,000 units (BENCHMARKS.md "Campaign creation under load").

/**
 * Makes the units of a new campaign and one link per unit and source (`insertLinks`).
 *
 * @example
 * await insertUnitsAndLinks(tx, campaignId, [12, 13], ['self', 'members'])
 */
export async function insertUnitsAndLinks(
  tx: Pick<Db, 'execute'>,
  campaignId: number,
  unitIds: readonly number[],
  sourceKeys: readonly SourceKey[],
): Promise<void> {
  await insertCampaignUnits(tx, campaignId, unitIds)
  await insertLinks(tx, campaignId, unitIds, sourceKeys)
}

/** The units of a campaign, in one statement. */
async function insertCampaignUnits(
  tx: Pick<Db, 'execute'>,
  campaignId: number,
  unitIds: readonly number[],
): Promise<void> {
  if (unitIds.length === 0) return
  await tx.execute(sql`insert into campaign_units (campaign_id, unit_id)
    select ${campaignId}::int, unnest(${sql.param([...unitIds])}::int[])`)
}

/**
 * Makes one respondent link, with a new unguessable slug (`newSlug`), per unit and source: one
 * statement per source.
 *
 * @example
 * await insertLinks(tx, campaignId, [12, 13], ['self', 'members'])
 */
export async function insertLinks(
  tx: Pick<Db, 'execute'>,
  campaignId: number,
  unitIds: readonly number[],
  sourceKeys: readonly SourceKey[],
): Promise<void> {
  if (unitIds.length === 0) return
  const units = sql.param([...unitIds])
  for (const key of sourceKeys) {
    const slugs = sql.param(unitIds.map(() => newSlug()))
    await tx.execute(sql`insert into links (slug, campaign_id, unit_id, source_key)
      select slug, ${campaignId}::int, unit_id, ${key}::text
      from unnest(${slugs}::text[], ${units}::int[]) as given (slug, unit_id)`)
  }
}
