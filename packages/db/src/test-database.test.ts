// createTestDatabase('pglite') starts from a kept, migrated cluster instead of initdb and the
// migrations: what it opens must be what migrating an empty cluster gives.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Database, openDatabase } from './client'
import { migrate } from './migrate'
import { createTestDatabase } from './test-database'

/** Tables, their columns, the triggers and the migrations recorded: the schema as it stands. */
async function shape({ db }: Database) {
  const columns = await db.execute(sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`)
  const triggers = await db.execute(sql`
    select tgname from pg_trigger where not tgisinternal order by tgname`)
  const migrations = await db.execute(sql`
    select hash from drizzle.__drizzle_migrations order by id`)
  return { columns: rowsOf(columns), triggers: rowsOf(triggers), migrations: rowsOf(migrations) }
}

const rowsOf = (result: unknown) =>
  Array.isArray(result) ? result : (result as { rows: unknown[] }).rows

describe('createTestDatabase on PGlite', () => {
  it('opens the schema an empty cluster migrated from scratch has, twice, independently', async () => {
    const scratch = await openDatabase()
    await migrate(scratch)
    const first = await createTestDatabase('pglite')
    const second = await createTestDatabase('pglite')
    try {
      const expected = await shape(scratch)
      expect(expected.columns.length).toBeGreaterThan(100)
      expect(expected.migrations.length).toBeGreaterThan(10)
      expect(await shape(first)).toEqual(expected)
      expect(await shape(second)).toEqual(expected)
      // Each is its own cluster: a row written in one is not in the other.
      await first.db.execute(
        sql`insert into orgs (kind, name, path) values ('committee', '甲', '1')`,
      )
      const count = async ({ db }: Database) =>
        rowsOf(await db.execute(sql`select count(*)::int as n from orgs`))[0]
      expect(await count(first)).toEqual({ n: 1 })
      expect(await count(second)).toEqual({ n: 0 })
    } finally {
      await Promise.all([scratch.close(), first.close(), second.close()])
    }
  })
})
