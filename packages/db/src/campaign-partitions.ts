import { sql } from 'drizzle-orm'
import type { Db } from './client'

/**
 * Takes, first in a transaction that inserts a campaign, the lock on `campaigns` that the
 * campaign's `responses` partition needs (migration 0010's trigger makes it, and its foreign key
 * to `campaigns` takes SHARE ROW EXCLUSIVE there). Taken only inside the trigger, it would be an
 * upgrade from the INSERT's own lock, and two campaigns inserted at the same moment would
 * deadlock; taken first, they are made one after the other. Readers and submissions are not held
 * up by it: only other writes of `campaigns`, until the transaction commits.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await lockCampaignsForInsert(tx)
 *   await tx.insert(schema.campaigns).values(campaign)
 * })
 */
export async function lockCampaignsForInsert(tx: Pick<Db, 'execute'>): Promise<void> {
  await tx.execute(sql`lock table campaigns in share row exclusive mode`)
}
