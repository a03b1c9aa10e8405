import type { Db } from '@yardstick/db'
import type { SQLWrapper } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import {
  ConcurrentInsertError,
  commitBatch,
  type SubmissionItem,
  type SubmissionResult,
} from './commit-batch'

/** Options of `SubmissionWriter`. */
export interface SubmissionWriterOptions {
  /** Most submissions in one transaction (default 500; PostgreSQL allows 65,535 parameters). */
  maxBatch?: number
  /**
   * Batches in flight at once (default 2): while one is written, the next is already formed and
   * sent, so the database (PostgreSQL, or PGlite in its worker thread) never waits for the
   * server's thread to notice a commit and send the next batch. A third bought nothing here.
   */
  maxInFlight?: number
}

interface Waiter {
  item: SubmissionItem
  resolve: (result: SubmissionResult) => void
  reject: (error: unknown) => void
}

/**
 * GROUP COMMIT for submissions. `submit` queues an item; on the next `setImmediate` everything
 * queued is written as ONE transaction (`commitBatch`), and each caller is answered only after
 * that transaction committed. Up to `maxInFlight` batches are in flight at a time; what arrives
 * meanwhile forms the next batch, so batches grow with the load and a lone request waits one
 * tick. With one batch in flight the server alternates between HTTP work and waiting for the
 * database; with two, the next batch is written while the last commits.
 *
 * Resolution is deterministic in arrival order:
 * - the same idempotency key again, while its first is queued or in flight: it waits for the
 *   first and gets the first's outcome (`replayed` when the first was `created`), storing nothing
 *   — unless it is another request (answers, respondent, token), which is refused
 *   (`idempotencyKeyReused`) once the first is stored;
 * - the same token with another key: it waits in the queue until the first's batch is done, then
 *   finds the token used (409) — or free again if the first failed.
 *
 * A batch whose transaction fails (a constraint, a lost connection) is retried item by item,
 * each in its own transaction, so one bad item fails alone and nothing is half-written.
 *
 * @example
 * const writer = new SubmissionWriter(db)
 * const result = await writer.submit(item) // { status: 'created', id, score }
 * await writer.close()
 */
export class SubmissionWriter {
  /** The database, its batch statement prepared (`preparedBatches`). */
  readonly #db: Pick<Db, 'execute' | 'select'>
  readonly #maxBatch: number
  readonly #maxInFlight: number
  #queue: Waiter[] = []
  #scheduled = false
  #inFlight = 0
  #closed = false
  #drained: Array<() => void> = []
  /** The key of every leader queued in a batch or in flight → the waiters with the same key. */
  readonly #sameKey = new Map<string, Waiter[]>()
  /** The token of every leader in a batch being written: a second use waits in the queue. */
  readonly #tokens = new Set<string>()

  constructor(db: Db, { maxBatch = 500, maxInFlight = 2 }: SubmissionWriterOptions = {}) {
    this.#db = preparedBatches(db)
    this.#maxBatch = maxBatch
    this.#maxInFlight = maxInFlight
  }

  /** Queues one submission; resolves after the transaction that stored (or refused) it. */
  submit(item: SubmissionItem): Promise<SubmissionResult> {
    if (this.#closed) return Promise.reject(new Error('The submission writer is closed'))
    return new Promise((resolve, reject) => {
      const waiter = { item, resolve, reject }
      const same = this.#sameKey.get(item.idempotencyKey)
      if (same) same.push(waiter)
      else {
        this.#queue.push(waiter)
        this.#schedule()
      }
    })
  }

  /** Stops taking submissions and resolves once every queued one is written. */
  close(): Promise<void> {
    this.#closed = true
    if (this.#idle()) return Promise.resolve()
    return new Promise((resolve) => this.#drained.push(resolve))
  }

  #idle(): boolean {
    return this.#queue.length === 0 && this.#inFlight === 0 && !this.#scheduled
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#maxInFlight) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  async #flush(): Promise<void> {
    const leaders = this.#takeBatch()
    if (leaders.length > 0) {
      this.#inFlight++
      // More than a batch was queued: the next one goes out beside this one.
      if (this.#queue.length > 0) this.#schedule()
      try {
        await this.#write(leaders)
      } finally {
        this.#inFlight--
      }
      // What waited on a token of this batch, or arrived while every slot was taken.
      if (this.#queue.length > 0) this.#schedule()
    }
    if (this.#closed && this.#idle()) for (const done of this.#drained.splice(0)) done()
  }

  /** Takes up to `maxBatch` distinct keys; same-key items follow their first, same-token wait. */
  #takeBatch(): Waiter[] {
    const leaders: Waiter[] = []
    const waiting: Waiter[] = []
    let taken = 0
    for (const waiter of this.#queue) {
      const { idempotencyKey: key, tokenHash } = waiter.item
      const same = this.#sameKey.get(key)
      if (same) same.push(waiter)
      else if (leaders.length >= this.#maxBatch) break
      else if (tokenHash !== null && this.#tokens.has(tokenHash)) waiting.push(waiter)
      else {
        leaders.push(waiter)
        this.#sameKey.set(key, [])
        if (tokenHash !== null) this.#tokens.add(tokenHash)
      }
      taken++
    }
    this.#queue = [...waiting, ...this.#queue.slice(taken)]
    return leaders
  }

  async #write(leaders: Waiter[]): Promise<void> {
    const answer = (waiter: Waiter, outcome: Outcome) => {
      const { idempotencyKey: key, tokenHash } = waiter.item
      const same = this.#sameKey.get(key) ?? []
      this.#sameKey.delete(key)
      if (tokenHash !== null) this.#tokens.delete(tokenHash)
      if ('error' in outcome) {
        for (const w of [waiter, ...same]) w.reject(outcome.error)
        return
      }
      waiter.resolve(outcome.result)
      const { result } = outcome
      const replay: SubmissionResult =
        result.status === 'created' ? { ...result, status: 'replayed' } : result
      for (const w of same) {
        if (sameRequest(w.item, waiter.item)) w.resolve(replay)
        // Another request under a key now stored: refused. Under a key the first did not store
        // (refused): decided on its own, as if the first had never come.
        else if (result.status !== 'refused') {
          w.resolve({ status: 'refused', code: 'idempotencyKeyReused' })
        } else {
          this.#queue.push(w)
          this.#schedule()
        }
      }
    }
    try {
      const results = await this.#commit(leaders.map((w) => w.item))
      for (const [i, waiter] of leaders.entries()) {
        answer(waiter, { result: results[i] as SubmissionResult })
      }
    } catch (error) {
      if (leaders.length === 1) {
        answer(leaders[0] as Waiter, { error })
        return
      }
      // Find the bad item: each alone, in its own transaction, in arrival order.
      for (const waiter of leaders) {
        try {
          const [result] = await this.#commit([waiter.item])
          answer(waiter, { result: result as SubmissionResult })
        } catch (itemError) {
          answer(waiter, { error: itemError })
        }
      }
    }
  }

  /** One transaction; once more when another process stored one of the keys meanwhile. */
  async #commit(items: SubmissionItem[]): Promise<SubmissionResult[]> {
    try {
      return await commitBatch(this.#db, items)
    } catch (error) {
      if (!(error instanceof ConcurrentInsertError)) throw error
      return commitBatch(this.#db, items)
    }
  }
}

type Outcome = { result: SubmissionResult } | { error: unknown }

const dialect = new PgDialect()

/**
 * `db` whose `execute` runs its statement as a named prepared statement (the batch's text never
 * changes: its items are one jsonb parameter). drizzle's `execute` sends an unnamed statement,
 * which postgres-js first describes and only then binds — two round trips, and the statement
 * parsed and planned again for every batch; prepared, postgres-js keeps it per connection and a
 * batch is one Bind/Execute. PGlite's driver ignores the name (unchanged there).
 */
function preparedBatches(db: Db): Pick<Db, 'execute' | 'select'> {
  const execute = (query: SQLWrapper) =>
    db._.session
      .prepareQuery(dialect.sqlToQuery(query.getSQL()), undefined, 'submission_batch', false)
      .execute()
  return { execute: execute as unknown as Db['execute'], select: db.select.bind(db) }
}

/** Whether a retry sent while its key's first was in flight is that request again. */
function sameRequest(retry: SubmissionItem, first: SubmissionItem): boolean {
  return retry.requestHash === first.requestHash && retry.tokenHash === first.tokenHash
}

const writers = new WeakMap<Db, SubmissionWriter>()

/**
 * The one submission writer of a database, so every route of the process shares its batches.
 *
 * @example
 * await submissionWriter(db).close() // on shutdown
 */
export function submissionWriter(db: Db): SubmissionWriter {
  let writer = writers.get(db)
  if (!writer) {
    writer = new SubmissionWriter(db)
    writers.set(db, writer)
  }
  return writer
}
