import { type Db, openDatabase } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { DEFAULT_REPLICA_MAX_LAG_SECONDS } from '../config'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { replicaLagSeconds, throttled } from './replica-lag'

/** Where lag-tolerant reads go at a moment: the replica, or the primary. */
export type ReadTarget = 'replica' | 'primary'

/** Why lag-tolerant reads moved (`ReplicaReadsOptions.onChange`). */
export type ReadMove =
  | { reason: 'unavailable'; error: unknown }
  | { reason: 'answering' }
  /** Over `maxLagSeconds`, or its lag could not be read (`error`, `lagSeconds` null). */
  | { reason: 'lagging'; lagSeconds: number | null; maxLagSeconds: number; error?: unknown }
  | { reason: 'caughtUp'; lagSeconds: number | null; maxLagSeconds: number }

/** The replica as `/api/health` shows it (docs/deploy.md, "The read replica"). */
export interface ReplicaState {
  /** Always true: a process without `DATABASE_REPLICA_URL` shows no replica at all. */
  configured: true
  /** It answered the last query or probe. */
  reachable: boolean
  /** Seconds behind the primary at the last measurement; null when unknown or unreachable. */
  lagSeconds: number | null
  /** Lag-tolerant reads go to it now: reachable and within `REPLICA_MAX_LAG_SECONDS`. */
  servingReads: boolean
}

/**
 * Where dashboards, reports and exports read (docs/deploy.md, "The read replica"): the replica of
 * `DATABASE_REPLICA_URL` while it answers, else the primary. Writes, sessions and whatever must
 * read its own writes never come here: they use `AppDeps.database`.
 */
export interface ReadDatabase {
  /**
   * Runs `read` on the replica; again on the primary when the replica cannot answer (down,
   * starting, a query cancelled by a conflict with replay) or answers `notFound` (a row made a
   * moment ago, not replayed yet). Without a replica, on the primary.
   */
  read: <T>(read: (db: Db) => Promise<T>) => Promise<T>
  /** Where the next read goes. */
  target: () => ReadTarget
  /** The replica's state, its lag measured afresh if older than a second; null: no replica. */
  replicaState: () => Promise<ReplicaState | null>
  close: () => Promise<void>
}

/** Options of `openReplicaReads`. */
export interface ReplicaReadsOptions {
  /** How often a replica found down is tried again, in ms (default 5000). */
  probeMs?: number
  /** Seconds to wait for a new connection to the replica (default 3). */
  connectTimeout?: number
  /** Pool size of the replica (default 10). */
  maxConnections?: number
  /**
   * The most the replica may lag, in seconds, for reads to go to it (default
   * `DEFAULT_REPLICA_MAX_LAG_SECONDS`, 30; `REPLICA_MAX_LAG_SECONDS`).
   */
  maxLagSeconds?: number
  /** How long a measured lag is trusted before it is read again, in ms (default 1000). */
  lagCheckMs?: number
  /** Told each time reads move (default: a line on stderr). */
  onChange?: (target: ReadTarget, move: ReadMove) => void
}

/**
 * Every read on the primary: no `DATABASE_REPLICA_URL`, and always on PGlite (which has no
 * replica).
 *
 * @example
 * const reads = primaryReads(database.db)
 */
export function primaryReads(primary: Db): ReadDatabase {
  return {
    read: (read) => read(primary),
    target: () => 'primary',
    replicaState: async () => null,
    close: async () => {},
  }
}

/**
 * The read database of an app: `deps.readDatabase`, else the primary.
 *
 * @example
 * const reads = readDatabaseOf(deps)
 * const view = await reads.read((db) => dimensionResults(db, context, filter, page))
 */
export function readDatabaseOf(deps: AppDeps): ReadDatabase {
  return deps.readDatabase ?? primaryReads(deps.database.db)
}

/**
 * Opens the replica of `url` for lag-tolerant reads, falling back to `primary` while it is down:
 * a read that fails for want of the replica is run again on the primary, reads go to the primary
 * from then on, and the replica is tried every `probeMs` until it answers. A replica down at
 * start is no error: reads start on the primary. A replica more than `maxLagSeconds` behind (or
 * whose lag cannot be read) is passed over the same way until it is back under; its lag is read
 * before a read when the last reading is older than `lagCheckMs`, one query for all callers.
 *
 * @example
 * const reads = await openReplicaReads(database.db, config.DATABASE_REPLICA_URL)
 * const figures = await reads.read((db) => gradeCampaign(db, campaign, units))
 */
export async function openReplicaReads(
  primary: Db,
  url: string,
  {
    probeMs = 5000,
    connectTimeout = 3,
    maxConnections = 10,
    maxLagSeconds = DEFAULT_REPLICA_MAX_LAG_SECONDS,
    lagCheckMs = 1000,
    onChange = logChange,
  }: ReplicaReadsOptions = {},
): Promise<ReadDatabase> {
  const replica = await openDatabase({ url, connectTimeout, maxConnections })
  let up = true
  // Over the bound (or unmeasurable) at the last reading; forgotten while the replica is down.
  let behind = false
  let lagSeconds: number | null = null
  const lag = throttled(() => replicaLagSeconds(replica.db), lagCheckMs)
  let timer: ReturnType<typeof setInterval> | undefined
  let probing = false
  const markDown = (error: unknown) => {
    if (!up) return
    up = false
    behind = false
    lagSeconds = null
    lag.reset()
    onChange('primary', { reason: 'unavailable', error })
    timer = setInterval(() => void probe(), probeMs)
    timer.unref()
  }
  const probe = async () => {
    if (probing) return
    probing = true
    try {
      await replica.db.execute(sql`select 1`)
      if (!up) {
        up = true
        clearInterval(timer)
        onChange('replica', { reason: 'answering' })
      }
    } catch (error) {
      markDown(error)
    } finally {
      probing = false
    }
  }
  const checkLag = async () => {
    let over: boolean
    let error: unknown
    try {
      lagSeconds = await lag.get()
      // Unknown (nothing replayed since the standby started, not caught up): no sign of old data.
      over = lagSeconds !== null && lagSeconds > maxLagSeconds
    } catch (failure) {
      if (replicaFailure(failure) === 'down') return markDown(failure)
      lagSeconds = null
      over = true
      error = failure
    }
    if (!up || over === behind) return
    behind = over
    onChange(
      over ? 'primary' : 'replica',
      over
        ? { reason: 'lagging', lagSeconds, maxLagSeconds, error }
        : { reason: 'caughtUp', lagSeconds, maxLagSeconds },
    )
  }
  await probe()
  return {
    read: async (read) => {
      if (up) await checkLag()
      if (!up || behind) return read(primary)
      try {
        return await read(replica.db)
      } catch (error) {
        const failure = replicaFailure(error)
        if (failure === null) throw error
        if (failure === 'down') markDown(error)
        return read(primary)
      }
    },
    target: () => (up && !behind ? 'replica' : 'primary'),
    replicaState: async () => {
      // Health answers even when the replica hangs: a slow reading is shown at the next call.
      if (up) await withinMs(checkLag(), lagCheckMs)
      return { configured: true, reachable: up, lagSeconds, servingReads: up && !behind }
    },
    close: async () => {
      clearInterval(timer)
      await replica.close()
    },
  }
}

// Node's socket errors and postgres-js's own connection errors.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
])
// SQLSTATEs of a server that cannot serve: admin or crash shutdown, still starting, full.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300'])

/**
 * Why a read on the replica should run on the primary instead, from the error anywhere in its
 * cause chain (drizzle wraps the driver's): `down` (no connection, class 08, shutting down,
 * starting up, full), `retry` (cancelled by a conflict with replay, 40001; or `notFound`: not
 * replayed yet), or null (a real error, answered as it is).
 *
 * @example
 * replicaFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })) // 'down'
 */
export function replicaFailure(error: unknown): 'down' | 'retry' | null {
  if (error instanceof AppError) return error.code === 'notFound' ? 'retry' : null
  for (let cause = error, hops = 0; cause && hops < 5; hops++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08/.test(code))
        return 'down'
      if (code === '40001') return 'retry'
    }
    cause = (cause as { cause?: unknown }).cause
  }
  return null
}

function logChange(_target: ReadTarget, move: ReadMove) {
  switch (move.reason) {
    case 'unavailable':
      return console.error(
        `replica: unavailable (${(move.error as Error | undefined)?.message ?? 'no answer'}); dashboards and exports read the primary until it answers`,
      )
    case 'answering':
      return console.error('replica: answering again; dashboards and exports read it')
    case 'lagging':
      return console.error(
        move.error === undefined
          ? `replica: ${move.lagSeconds?.toFixed(1)} s behind the primary, more than REPLICA_MAX_LAG_SECONDS (${move.maxLagSeconds}); dashboards and exports read the primary until it catches up`
          : `replica: its lag cannot be read (${(move.error as Error).message}); dashboards and exports read the primary until it can`,
      )
    case 'caughtUp':
      return console.error(
        `replica: ${move.lagSeconds?.toFixed(1) ?? 'no'} s behind, within REPLICA_MAX_LAG_SECONDS (${move.maxLagSeconds}) again; dashboards and exports read it`,
      )
  }
}

/** Waits for `work` at most `ms`; `work` goes on either way. */
async function withinMs(work: Promise<unknown>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  try {
    await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
