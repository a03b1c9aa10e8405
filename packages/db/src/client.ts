import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

/** Which store a database runs on. */
export type DatabaseKind = 'pglite' | 'postgres'

/** One drizzle type for both drivers: the code above never branches on the store. */
export type Db = ReturnType<typeof drizzlePostgres<typeof schema>>

/** An open database: the drizzle handle, which store it is, and how to close it. */
export interface Database {
  db: Db
  kind: DatabaseKind
  close: () => Promise<void>
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** `postgres://…`: PostgreSQL. Absent: embedded PGlite. */
  url?: string
  /** PGlite's data folder; absent: in memory (tests). */
  dataDir?: string
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number
}

/**
 * Opens the database: PostgreSQL when `url` is given, else embedded PGlite (in `dataDir`, or in
 * memory). Migrations are not applied here; call `migrate`.
 *
 * @example
 * const { db, kind, close } = await openDatabase({ dataDir: './.data/pglite' })
 */
export async function openDatabase({
  url,
  dataDir,
  maxConnections = 10,
}: OpenDatabaseOptions = {}): Promise<Database> {
  if (url) {
    const client = postgres(url, { max: maxConnections, onnotice: () => {} })
    const db = drizzlePostgres(client, { schema })
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) }
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite()
  await client.waitReady
  // drizzle's PGlite and postgres-js databases share the query builder; one type serves both.
  const db = drizzlePglite(client, { schema }) as unknown as Db
  return { db, kind: 'pglite', close: () => client.close() }
}
