import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { appendDocUpdates, type DocUpdateRow, preparedDocLog, type SimpleQuery } from './doc-log'
import { pgliteTypeOptions } from './pglite-types.js'
import { PGliteWorker } from './pglite-worker'
import * as schema from './schema'

/** Which store a database runs on. */
export type DatabaseKind = 'pglite' | 'postgres'

/** One drizzle type for both drivers: the code above never branches on the store. */
export type Db = ReturnType<typeof drizzlePostgres<typeof schema>>

/** An open database: the drizzle handle, which store it is, and how to close it. */
export interface Database {
  db: Db
  kind: DatabaseKind
  /**
   * Appends Yjs updates to `doc_updates` in one commit, bypassing drizzle: the co-editing
   * endpoint's hot path (see doc-log.ts). Resolves with the row ids in input order.
   */
  appendDocUpdates: (rows: readonly DocUpdateRow[]) => Promise<number[]>
  /**
   * PGlite only: its data folder as a gzipped tar, taken while the server runs (see
   * `restorePgliteArchive`). PostgreSQL is backed up with its own `pg_dump`.
   */
  dumpDataDir?: () => Promise<Uint8Array>
  close: () => Promise<void>
}

function withDocLog(
  database: Omit<Database, 'appendDocUpdates'>,
  simpleQuery: SimpleQuery,
): Database {
  // PGlite is one session, so one prepared statement serves every append; PostgreSQL's pool
  // would need it on each connection, and its network hop dwarfs the planning saved.
  const append =
    database.kind === 'pglite'
      ? preparedDocLog(simpleQuery)
      : (rows: readonly DocUpdateRow[]) => appendDocUpdates(simpleQuery, rows)
  return { ...database, appendDocUpdates: append }
}

/** PGlite's `exec` (simple protocol); the insert is its only statement. */
const pgliteSimpleQuery =
  (client: Pick<PGlite, 'exec'>): SimpleQuery =>
  async (text) =>
    ((await client.exec(text))[0]?.rows ?? []) as Array<Record<string, unknown>>

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** `postgres://…`: PostgreSQL. Absent: embedded PGlite. */
  url?: string
  /** PGlite's data folder; absent: in memory (tests). */
  dataDir?: string
  /**
   * PGlite in memory only: start from this data folder, a gzipped tar as `dumpDataDir` gives,
   * instead of an empty cluster (tests start from a migrated one: no `initdb`, no migrations).
   */
  loadDataDir?: Uint8Array
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number
  /**
   * PostgreSQL: seconds to wait for a new connection before failing (default: postgres-js's, the
   * URL's `connect_timeout` or `PGCONNECT_TIMEOUT`, else 30); a read replica uses a short one so
   * a lost replica is noticed quickly.
   */
  connectTimeout?: number
  /**
   * Run PGlite in a worker thread (default true), so its WebAssembly work runs beside the
   * server's thread instead of on it; false keeps it on the calling thread.
   */
  worker?: boolean
}

/**
 * Opens the database: PostgreSQL when `url` is given, else embedded PGlite (in `dataDir`, or in
 * memory; in a worker thread unless `worker: false`). Migrations are not applied here; call
 * `migrate`.
 *
 * @example
 * const { db, kind, close } = await openDatabase({ dataDir: './.data/pglite' })
 */
export async function openDatabase({
  url,
  dataDir,
  loadDataDir,
  maxConnections = 10,
  connectTimeout,
  worker = true,
}: OpenDatabaseOptions = {}): Promise<Database> {
  if (url) {
    const client = postgres(url, {
      max: maxConnections,
      ...(connectTimeout ? { connect_timeout: connectTimeout } : {}),
      onnotice: () => {},
    })
    const db = drizzlePostgres(client, { schema })
    return withDocLog({ db, kind: 'postgres', close: () => client.end({ timeout: 5 }) }, (text) =>
      client.unsafe(text).simple(),
    )
  }
  if (dataDir && loadDataDir) throw new Error('openDatabase: loadDataDir is for PGlite in memory')
  if (worker) {
    const client = await PGliteWorker.open(dataDir, loadDataDir)
    // It offers what drizzle's PGlite session calls (`query`, `exec`, `transaction`).
    const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db
    return withDocLog(
      {
        db,
        kind: 'pglite',
        dumpDataDir: () => client.dumpDataDir(),
        close: () => client.close(),
      },
      pgliteSimpleQuery(client),
    )
  }
  const client = new PGlite({
    dataDir,
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    ...pgliteTypeOptions,
  })
  await client.waitReady
  // drizzle's PGlite and postgres-js databases share the query builder; one type serves both.
  const db = drizzlePglite(client, { schema }) as unknown as Db
  const dumpDataDir = async () =>
    new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer())
  return withDocLog(
    { db, kind: 'pglite', dumpDataDir, close: () => client.close() },
    pgliteSimpleQuery(client),
  )
}
