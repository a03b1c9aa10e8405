import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../audit/record'

/**
 * Keeps a closing campaign's units where they are now: copies each unit's path, name and branch
 * type into `campaign_units.path_at_close`, `name_at_close`, `unit_type_at_close` in one
 * UPDATE … FROM. Results, participation and exports read the snapshot when there is one
 * (`loadCampaignUnits`), so a later move, rename or retype leaves a closed campaign's results as
 * they were. Called in the transaction that closes the campaign.
 *
 * @example
 * await snapshotUnitsAtClose(tx, campaign.id)
 */
export async function snapshotUnitsAtClose(db: DbOrTx, campaignId: number): Promise<void> {
  await db.execute(sql`update campaign_units cu
    set path_at_close = o.path, name_at_close = o.name, unit_type_at_close = o.unit_type
    from orgs o
    where o.id = cu.unit_id and cu.campaign_id = ${campaignId}`)
}

/**
 * Drops a campaign's snapshot when it opens again: an open campaign follows the live tree, and
 * closing it again takes a new snapshot.
 *
 * @example
 * await clearUnitSnapshot(tx, campaign.id)
 */
export async function clearUnitSnapshot(db: DbOrTx, campaignId: number): Promise<void> {
  await db.execute(sql`update campaign_units
    set path_at_close = null, name_at_close = null, unit_type_at_close = null
    where campaign_id = ${campaignId} and path_at_close is not null`)
}
