import type { Db } from '@yardstick/db'
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
}

interface Waiter {
  item: SubmissionItem
  resolve: (result: SubmissionResult) => void
  reject: (error: unknown) => void
}

/**
 * GROUP COMMIT for submissions. `submit` queues an item; on the next `setImmediate` everything
 * queued is written as ONE transaction (`commitBatch`), and each caller is answered only after
 * that transaction committed. One batch is in flight at a time; what arrives meanwhile forms
 * the next batch, so batches grow with the load and a lone request waits one tick.
 *
 * Within a batch, resolution is deterministic in arrival order:
 * - the same idempotency key again: it waits for the first and gets the first's outcome
 *   (`replayed` when the first was `created`), storing nothing;
 * - the same token with another key: it moves to the next batch, where the token is used (409)
 *   — or free again if the first failed.
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
  readonly #db: Db
  readonly #maxBatch: number
  #queue: Waiter[] = []
  #scheduled = false
  #flushing = false
  #closed = false
  #drained: Array<() => void> = []

  constructor(db: Db, { maxBatch = 500 }: SubmissionWriterOptions = {}) {
    this.#db = db
    this.#maxBatch = maxBatch
  }

  /** Queues one submission; resolves after the transaction that stored (or refused) it. */
  submit(item: SubmissionItem): Promise<SubmissionResult> {
    if (this.#closed) return Promise.reject(new Error('The submission writer is closed'))
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject })
      this.#schedule()
    })
  }

  /** Stops taking submissions and resolves once every queued one is written. */
  close(): Promise<void> {
    this.#closed = true
    if (this.#idle()) return Promise.resolve()
    return new Promise((resolve) => this.#drained.push(resolve))
  }

  #idle(): boolean {
    return this.#queue.length === 0 && !this.#flushing && !this.#scheduled
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  async #flush(): Promise<void> {
    this.#flushing = true
    const { leaders, followers, deferred } = this.#takeBatch()
    try {
      await this.#write(leaders, followers)
    } finally {
      this.#queue = [...deferred, ...this.#queue]
      this.#flushing = false
      if (this.#queue.length > 0) this.#schedule()
      else if (this.#closed) for (const done of this.#drained.splice(0)) done()
    }
  }

  /** Takes up to `maxBatch` distinct keys; same-key items follow their first, same-token wait. */
  #takeBatch() {
    const leaders: Waiter[] = []
    const followers = new Map<string, Waiter[]>()
    const deferred: Waiter[] = []
    const tokens = new Set<string>()
    let taken = 0
    for (const waiter of this.#queue) {
      const { idempotencyKey: key, tokenHash } = waiter.item
      const sameKey = followers.get(key)
      if (sameKey) sameKey.push(waiter)
      else if (leaders.length >= this.#maxBatch) break
      else if (tokenHash !== null && tokens.has(tokenHash)) deferred.push(waiter)
      else {
        leaders.push(waiter)
        followers.set(key, [])
        if (tokenHash !== null) tokens.add(tokenHash)
      }
      taken++
    }
    this.#queue = this.#queue.slice(taken)
    return { leaders, followers, deferred }
  }

  async #write(leaders: Waiter[], followers: Map<string, Waiter[]>): Promise<void> {
    const answer = (waiter: Waiter, outcome: Outcome) => {
      const same = followers.get(waiter.item.idempotencyKey) ?? []
      if ('error' in outcome) {
        for (const w of [waiter, ...same]) w.reject(outcome.error)
        return
      }
      waiter.resolve(outcome.result)
      const { result } = outcome
      const replay: SubmissionResult =
        result.status === 'created' ? { ...result, status: 'replayed' } : result
      for (const w of same) w.resolve(replay)
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
