import type { Db } from '@yardstick/db'
import { sql } from 'drizzle-orm'

/**
 * How far behind the primary a hot standby is, in seconds, measured on the standby; null when it
 * cannot tell (nothing replayed since it started, and not caught up).
 *
 * PostgreSQL's docs time the lag on the primary (`replay_lag` in `pg_stat_replication`, "Monitoring
 * Database Activity"), which needs the primary and a monitoring role; a reader of the replica has
 * neither, so it is measured here, on the standby. `now() - pg_last_xact_replay_timestamp()` alone
 * is the age of the last replayed commit (its time on the primary, "System Administration
 * Functions"): on an idle primary it grows with no real lag. So, as the Prometheus
 * postgres_exporter does (`pg_replication_lag`), a standby that has replayed all the WAL it
 * received counts as 0. When it has not, the age is an upper bound on the lag: right after a long
 * idle spell the first new commit, received and not yet replayed, shows the whole idle time for
 * the moment it takes to replay it — reads then go to the primary for one measurement, the safe
 * side. A walreceiver cut off from the primary keeps its last receive position, so that case reads
 * as caught up (PostgreSQL offers no better on the standby); one that never streamed (receive
 * position null) falls to the age. Not a standby at all (a URL naming a primary): 0.
 *
 * @example
 * const seconds = await replicaLagSeconds(replica.db) // 0 when caught up
 */
export async function replicaLagSeconds(db: Db): Promise<number | null> {
  const rows = await db.execute<{ lag: string | number | null }>(sql`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))
    end as lag`)
  const lag = rows[0]?.lag
  return lag === null || lag === undefined ? null : Number(lag)
}

/**
 * `measure`, run at most once per `everyMs`: callers within `everyMs` of the last answer (or
 * failure) get it again, and callers while it runs share that one query.
 *
 * @example
 * const lag = throttled(() => replicaLagSeconds(replica.db), 1000)
 * await lag.get()
 */
export function throttled<T>(measure: () => Promise<T>, everyMs: number) {
  let last: { answer: Promise<T>; settledAt: number | null } | undefined
  return {
    get: (): Promise<T> => {
      if (last && (last.settledAt === null || Date.now() - last.settledAt < everyMs))
        return last.answer
      const entry: { answer: Promise<T>; settledAt: number | null } = {
        answer: measure(),
        settledAt: null,
      }
      const settle = () => {
        entry.settledAt = Date.now()
      }
      // The callers handle a failure; this branch only marks the time.
      entry.answer.then(settle, settle)
      last = entry
      return entry.answer
    },
    /** Forgets the last answer: the next `get` measures again. */
    reset: () => {
      last = undefined
    },
  }
}
