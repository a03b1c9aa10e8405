import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SQL, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { lockCampaignsForInsert, withNewCampaignId } from './campaign-partitions'
import type { DatabaseKind, Db } from './client'
import { MIGRATIONS_FOLDER, migrate } from './migrate'
import {
  campaigns,
  forms,
  formVersions,
  orgs,
  rectifications,
  responses,
  selfChecks,
} from './schema'
import { createTestDatabase, testStores } from './test-database'

const PARTITIONING = '0010_responses_by_campaign'

/** The committed migrations up to, not including, `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'ys-migrations-')), 'drizzle')
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((entry) => entry.tag === tag)
  expect(at).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(journalPath, JSON.stringify(journal))
  return folder
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** The database's error code (SQLSTATE) of a refused statement; drizzle wraps it as the cause. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? String(error)
  }
  return 'not refused'
}

const totals = (db: Db) =>
  rows<Record<string, unknown>>(
    db,
    sql`select campaign_id, unit_id, source_key, n::int, percent_micros::text
      from unit_source_totals order by 1, 2, 3`,
  )

const partitions = (db: Db) =>
  rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'responses'::regclass order by c.relname`,
  )

describe.each(await testStores())('migration 0010 (responses by campaign) on %s', (kind) => {
  it('moves every response into its campaign’s partition, keeping ids, references and totals', async () => {
    const database = await createTestDatabase(kind, { migrated: false })
    try {
      const { db } = database
      await migrate(database, migrationsBefore(PARTITIONING))
      const [org] = await db
        .insert(orgs)
        .values({ kind: 'committee', name: '机关工委', path: '/1/' })
        .returning()
      const [form] = await db
        .insert(forms)
        .values({ orgId: org?.id ?? 0, title: 'f', json: {} })
        .returning()
      const [version] = await db
        .insert(formVersions)
        .values({ formId: form?.id ?? 0, version: 1, json: {}, hash: 'h' })
        .returning()
      const campaign = {
        orgId: org?.id ?? 0,
        cadence: 'yearly' as const,
        opensAt: new Date(),
        closesAt: new Date(),
        bands: [],
      }
      const [a, b] = await db
        .insert(campaigns)
        .values([
          { ...campaign, name: 'a' },
          { ...campaign, name: 'b' },
        ])
        .returning()
      const response = (campaignId: number, i: number) => ({
        campaignId,
        unitId: org?.id ?? 0,
        sourceKey: 'members' as const,
        formVersionId: version?.id ?? 0,
        answers: {},
        score: {},
        percent: i * 10,
        idempotencyKey: `slug-${campaignId}:${i}`,
      })
      const ids = [a?.id ?? 0, b?.id ?? 0]
      const stored = await db
        .insert(responses)
        .values([1, 2, 3, 4, 5].map((i) => response(ids[i % 2] ?? 0, i)))
        .returning({ id: responses.id, campaignId: responses.campaignId })
      const inA = stored.find((r) => r.campaignId === a?.id)?.id ?? 0
      const inB = stored.find((r) => r.campaignId === b?.id)?.id ?? 0
      await db
        .insert(selfChecks)
        .values({ campaignId: a?.id ?? 0, unitId: org?.id ?? 0, responseId: inA })
      await db.insert(rectifications).values({
        campaignId: b?.id ?? 0,
        unitId: org?.id ?? 0,
        origin: 'deduction',
        responseId: inB,
        question: 'q',
        title: 't',
      })
      const totalsBefore = await totals(db)
      expect(totalsBefore.map((t) => t.n)).toEqual([2, 3])

      await migrate(database)

      expect(await partitions(db)).toEqual([
        { name: `responses_campaign_${a?.id}` },
        { name: `responses_campaign_${b?.id}` },
      ])
      const [parent] = await rows<{ kind: string }>(
        db,
        sql`select relkind::text as kind from pg_class where oid = 'responses'::regclass`,
      )
      expect(parent?.kind).toBe('p')
      const moved = await rows<{ id: number; campaign_id: number; partition: string }>(
        db,
        sql`select id::int, campaign_id, tableoid::regclass::text as partition
          from responses order by id`,
      )
      expect(moved.map((r) => [r.id, r.campaign_id])).toEqual(
        stored.map((r) => [r.id, r.campaignId]),
      )
      expect(moved.every((r) => r.partition === `responses_campaign_${r.campaign_id}`)).toBe(true)
      // The copy is not counted again: 0009 counted these rows.
      expect(await totals(db)).toEqual(totalsBefore)

      // The id sequence goes on; 0009's triggers count inserts and deletes on the new parent.
      const [next] = await db
        .insert(responses)
        .values(response(a?.id ?? 0, 9))
        .returning({ id: responses.id })
      expect(next?.id).toBe(Math.max(...stored.map((r) => r.id)) + 1)
      expect((await totals(db)).map((t) => t.n)).toEqual([3, 3])
      await db.execute(sql`delete from responses where id = ${next?.id}`)
      expect(await totals(db)).toEqual(totalsBefore)

      // An idempotency key is unique in its campaign; a reference to a response names it.
      expect(await refusal(db.insert(responses).values(response(a?.id ?? 0, 2)))).toBe('23505')
      expect(await refusal(db.execute(sql`update self_checks set response_id = ${inB}`))).toBe(
        '23503',
      )

      // A campaign made after the migration gets its partition as it is inserted.
      const [c] = await db
        .insert(campaigns)
        .values({ ...campaign, name: 'c' })
        .returning()
      await db.insert(responses).values(response(c?.id ?? 0, 1))
      expect((await partitions(db)).map((p) => p.name)).toContain(`responses_campaign_${c?.id}`)
    } finally {
      await database.close()
    }
  })
})

// PGlite is one session: its transactions never run at the same time.
const concurrentStores = (await testStores()).filter((kind) => kind === 'postgres')

describe.each(concurrentStores)('campaigns created at once on %s', (kind) => {
  it('makes the partitions of campaigns created at the same moment one after the other', async () => {
    await withCommittee(kind, async (db, orgId) => {
      // A submission in flight: a new partition waits for it (ACCESS EXCLUSIVE on responses).
      let finish = () => {}
      let began = () => {}
      const beganSubmission = new Promise<void>((resolve) => {
        began = resolve
      })
      const submission = db.transaction(async (tx) => {
        await tx.execute(sql`lock table responses in row exclusive mode`)
        began()
        await new Promise<void>((resolve) => {
          finish = resolve
        })
      })
      await beganSubmission
      const create = (name: string) =>
        db.transaction(async (tx) => {
          await lockCampaignsForInsert(tx)
          await tx.insert(campaigns).values({
            orgId,
            name,
            cadence: 'yearly',
            opensAt: new Date(),
            closesAt: new Date(),
            bands: [],
          })
        })
      const first = create('a')
      await waitingLocks(db, 1)
      const second = create('b')
      await waitingLocks(db, 2)
      finish()
      await Promise.all([submission, first, second])
      expect(await partitions(db)).toHaveLength(2)
    })
  })
})

/** A fresh migrated database with one committee, handed to `work`, closed after it. */
async function withCommittee(
  kind: DatabaseKind,
  work: (db: Db, orgId: number) => Promise<void>,
): Promise<void> {
  const database = await createTestDatabase(kind)
  try {
    const [org] = await database.db
      .insert(orgs)
      .values({ kind: 'committee', name: '机关工委', path: '/1/' })
      .returning()
    await work(database.db, org?.id ?? 0)
  } finally {
    await database.close()
  }
}

const newCampaign = (orgId: number, name: string) => ({
  orgId,
  name,
  cadence: 'yearly' as const,
  opensAt: new Date(),
  closesAt: new Date(),
  bands: [],
})

describe.each(await testStores())('withNewCampaignId on %s', (kind) => {
  it('inserts the campaign with its partition made, and drops the partition when the insert fails', async () => {
    await withCommittee(kind, async (db, orgId) => {
      const made = await withNewCampaignId(db, async (tx, id) => {
        await tx.insert(campaigns).values({ id, ...newCampaign(orgId, 'a') })
        return id
      })
      expect((await partitions(db)).map((p) => p.name)).toEqual([`responses_campaign_${made}`])
      const failed = withNewCampaignId(db, async (tx, id) => {
        await tx.insert(campaigns).values({ id, ...newCampaign(orgId, 'b') })
        throw new Error(`no links for campaign ${id}`)
      })
      await expect(failed).rejects.toThrow(`no links for campaign ${made + 1}`)
      expect((await partitions(db)).map((p) => p.name)).toEqual([`responses_campaign_${made}`])
      // The next campaign, made the old way, does not reuse the id.
      const [next] = await db
        .insert(campaigns)
        .values(newCampaign(orgId, 'c'))
        .returning({ id: campaigns.id })
      expect(next?.id).toBe(made + 2)
    })
  })
})

describe.each(concurrentStores)('submissions while a campaign is inserted on %s', (kind) => {
  it('leaves responses unlocked for as long as the campaign’s transaction runs; the trigger alone locks it', async () => {
    await withCommittee(kind, async (db, orgId) => {
      // What a submission takes on `responses`, asked from another connection without waiting.
      const submissionLock = () =>
        refusal(
          db.transaction((tx) =>
            tx.execute(sql`lock table responses in row exclusive mode nowait`),
          ),
        )
      await withNewCampaignId(db, async (tx, id) => {
        await tx.insert(campaigns).values({ id, ...newCampaign(orgId, 'reserved') })
        // Its units and links would be written here, for seconds at 100,000 units.
        expect(await submissionLock()).toBe('not refused')
      })
      // The trigger making the partition inside the transaction: submissions wait (55P03).
      await db.transaction(async (tx) => {
        await lockCampaignsForInsert(tx)
        await tx.insert(campaigns).values(newCampaign(orgId, 'by the trigger'))
        expect(await submissionLock()).toBe('55P03')
      })
      expect(await partitions(db)).toHaveLength(2)
    })
  })
})

/** Resolves once `n` lock requests of this database wait. */
async function waitingLocks(db: Db, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
        where not l.granted and d.datname = current_database()`,
    )
    if ((row?.n ?? 0) >= n) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`waitingLocks: fewer than ${n} lock requests waited`)
}
