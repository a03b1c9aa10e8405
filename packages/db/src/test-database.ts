// Test-only helpers: the `@yardstick/db/testing` entry, kept out of the package's main index.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { availableOrSkip } from '@yardstick/testing'
import postgres from 'postgres'
import { type Database, type DatabaseKind, openDatabase } from './client'
import { MIGRATIONS_FOLDER, migrate } from './migrate'

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
    return migrated ? openDatabase({ loadDataDir: await migratedPglite() }) : openDatabase()
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

// Where the migrated cluster is kept between test files (each file imports this module afresh).
const CACHE = join(import.meta.dirname, '../../../node_modules/.cache/yardstick-pglite')

let template: Promise<Uint8Array> | undefined

/**
 * A migrated, empty PGlite cluster as a gzipped tar: starting from it takes a quarter of a
 * second where `initdb` and the migrations take two. Built once for each set of migrations and
 * PGlite version, and kept in node_modules/.cache, so only the first test file of a run builds it.
 */
function migratedPglite(): Promise<Uint8Array> {
  template ??= readOrBuildTemplate()
  return template
}

async function readOrBuildTemplate(): Promise<Uint8Array> {
  const file = join(CACHE, `migrated-${migrationsFingerprint()}.tar.gz`)
  try {
    return new Uint8Array(readFileSync(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const database = await openDatabase({ worker: false })
  try {
    await migrate(database)
    const dump = await (database.dumpDataDir as () => Promise<Uint8Array>)()
    // Written aside and renamed: a file running beside this one reads a whole tar or none.
    mkdirSync(CACHE, { recursive: true })
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    writeFileSync(partial, dump)
    renameSync(partial, file)
    return dump
  } finally {
    await database.close()
  }
}

/** The migrations' contents and the PGlite build (its resolved path names its version). */
function migrationsFingerprint(): string {
  const hash = createHash('sha256')
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else hash.update(`${entry.name}\0`).update(readFileSync(path))
    }
  }
  walk(MIGRATIONS_FOLDER)
  return hash.digest('hex').slice(0, 16)
}
