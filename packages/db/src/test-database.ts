// Test-only helpers: the `@yardstick/db/testing` entry, kept out of the package's main index.
import { randomBytes } from 'node:crypto'
import { availableOrSkip } from '@yardstick/testing'
import postgres from 'postgres'
import { type Database, type DatabaseKind, openDatabase } from './client'
import { migrate } from './migrate'

/** The PostgreSQL every machine of this project runs (trust auth), for tests. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let postgresAvailable: Promise<boolean> | undefined

/**
 * The stores tests run on: PGlite always; PostgreSQL when it answers. With `CI` set, a missing
 * PostgreSQL is an error; without, the tests say loudly that they skip it (availableOrSkip).
 *
 * @example
 * describe.each(await testStores())('the schema on %s', (kind) => { … })
 */
export async function testStores(): Promise<DatabaseKind[]> {
  postgresAvailable ??= probePostgres()
  const withPostgres = availableOrSkip({
    available: await postgresAvailable,
    missing: `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}`,
    skipped: 'these tests run on PGlite only',
  })
  return withPostgres ? ['pglite', 'postgres'] : ['pglite']
}

async function probePostgres(): Promise<boolean> {
  const client = postgres(TEST_POSTGRES_URL, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await client`select 1`
    return true
  } catch {
    return false
  } finally {
    await client.end({ timeout: 1 })
  }
}

/** Options of `createTestDatabase`. */
export interface TestDatabaseOptions {
  /** Apply the migrations (default true); false: an empty database, for migration tests. */
  migrated?: boolean
}

/**
 * A fresh, migrated database: PGlite in memory, or a new PostgreSQL database created for this
 * test run and dropped on close.
 *
 * @example
 * const database = await createTestDatabase('postgres')
 * afterAll(() => database.close())
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  { migrated = true }: TestDatabaseOptions = {},
): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    const database = await openDatabase()
    if (migrated) await migrate(database)
    return database
  }
  const name = `yardstick_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`)
  const database = await openDatabase({ url })
  if (migrated) await migrate(database)
  return {
    ...database,
    url,
    close: async () => {
      await database.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
