import { sql } from 'drizzle-orm'
import type { Db } from './client'
import { queryRows } from './query-rows'

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

/** A transaction of `db`, as `db.transaction` hands it to its callback. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0]

/**
 * Inserts a campaign in `insert`'s transaction with an id whose `responses` partition is made
 * beforehand, in a transaction of its own that commits at once. Making a partition locks
 * `responses` (ACCESS EXCLUSIVE), which holds up the submissions of every campaign: made by the
 * insert's trigger, it would hold them for as long as the campaign's units and links take to
 * write (seconds at 100,000 units). Finding its partition made, the trigger takes no lock
 * (`CREATE TABLE IF NOT EXISTS` of an existing table takes none), and `insert` needs no
 * `lockCampaignsForInsert`. `insert` must insert the campaign with the id it is given. If it
 * fails, the empty partition is detached and dropped again.
 *
 * @example
 * const campaignId = await withNewCampaignId(db, async (tx, id) => {
 *   await tx.insert(schema.campaigns).values({ id, ...campaign })
 *   await tx.insert(schema.links).values(links(id))
 *   return id
 * })
 */
export async function withNewCampaignId<T>(
  db: Db,
  insert: (tx: Transaction, id: number) => Promise<T>,
): Promise<T> {
  const id = await db.transaction(async (tx) => {
    // `campaigns` before `responses`: the partition's foreign key needs it, and waiting for it
    // (another campaign being inserted) while holding `responses` would hold up submissions.
    await lockCampaignsForInsert(tx)
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('campaigns', 'id'))::int as id`,
    )
    if (!row) throw new Error('withNewCampaignId: no id from the campaigns sequence')
    await tx.execute(sql`select ys_create_responses_partition(${row.id}::int)`)
    return row.id
  })
  try {
    return await db.transaction((tx) => insert(tx, id))
  } catch (error) {
    try {
      await dropEmptyPartition(db, id)
    } catch (cleanup) {
      throw new AggregateError(
        [error, cleanup],
        `Campaign ${id} was not inserted, and its empty partition could not be dropped`,
      )
    }
    throw error
  }
}

/** Detached first: the foreign keys that name `responses` refuse a partition's plain drop. */
async function dropEmptyPartition(db: Db, id: number): Promise<void> {
  const partition = sql.identifier(`responses_campaign_${id}`)
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table responses detach partition ${partition}`)
    await tx.execute(sql`drop table ${partition}`)
  })
}
