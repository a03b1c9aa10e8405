import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Db, queryRows, schema } from '@yardstick/db'
import { createTestDatabase, testStores } from '@yardstick/db/testing'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pgDump, pgRestore } from './postgres-tools'

/** A committee with a form version and `campaigns` campaigns of `responses` responses each. */
async function seed(db: Db, campaigns: number, responses: number): Promise<void> {
  const [org] = await db
    .insert(schema.orgs)
    .values({ kind: 'committee', name: '机关工委', path: '/1/' })
    .returning()
  const orgId = org?.id ?? 0
  const [form] = await db.insert(schema.forms).values({ orgId, title: 'f', json: {} }).returning()
  const [version] = await db
    .insert(schema.formVersions)
    .values({ formId: form?.id ?? 0, version: 1, json: {}, hash: 'h' })
    .returning()
  for (let c = 0; c < campaigns; c++) {
    const [campaign] = await db
      .insert(schema.campaigns)
      .values({
        orgId,
        name: `c${c}`,
        cadence: 'yearly',
        opensAt: new Date(),
        closesAt: new Date(),
        bands: [],
      })
      .returning()
    await db.insert(schema.responses).values(
      Array.from({ length: responses }, (_, i) => ({
        campaignId: campaign?.id ?? 0,
        unitId: orgId,
        sourceKey: 'members' as const,
        formVersionId: version?.id ?? 0,
        answers: {},
        score: {},
        percent: 10 * i + c,
      })),
    )
  }
}

/** What a restore must bring back: the responses, their partitions, the running totals. */
const contents = async (db: Db) => ({
  responses: await queryRows(
    db,
    sql`select id::int, campaign_id, tableoid::regclass::text as partition from responses
      order by id`,
  ),
  partitions: await queryRows(
    db,
    sql`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'responses'::regclass order by 1`,
  ),
  totals: await queryRows(
    db,
    sql`select campaign_id, n, percent_micros::text from unit_source_totals order by 1`,
  ),
})

// pg_dump and pg_restore are PostgreSQL's; PGlite's backup is its data folder's archive.
const stores = (await testStores()).filter((kind) => kind === 'postgres')

describe.each(stores)('pg_dump / pg_restore of partitioned responses on %s', (kind) => {
  it('restores over a database with partitions of its own, and a backup cut short changes nothing', async () => {
    const source = await createTestDatabase(kind)
    const target = await createTestDatabase(kind)
    try {
      await seed(source.db, 2, 3)
      await seed(target.db, 3, 1)
      const file = join(mkdtempSync(join(tmpdir(), 'ys-pg-backup-')), 'backup.dump')
      await pgDump(source.url ?? '', file)

      const truncated = `${file}.cut`
      const bytes = readFileSync(file)
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)))
      const before = await contents(target.db)
      await expect(pgRestore(target.url ?? '', truncated)).rejects.toThrow(/pg_restore exited/)
      expect(await contents(target.db)).toEqual(before)

      await pgRestore(target.url ?? '', file)
      const restored = await contents(target.db)
      expect(restored).toEqual(await contents(source.db))
      expect(restored.partitions).toHaveLength(2)

      // The restored database makes partitions and counts responses as the source did.
      await seed(target.db, 1, 1)
      const after = await contents(target.db)
      expect(after.partitions).toHaveLength(3)
      expect(after.totals.map((t) => (t as { n: number }).n)).toEqual([3, 3, 1])
    } finally {
      await source.close()
      await target.close()
    }
  })
})
