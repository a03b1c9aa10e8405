import { Worker } from 'node:worker_threads'
import type { QueryOptions, Results } from '@electric-sql/pglite'

const ENTRY = new URL('./pglite-worker-entry.js', import.meta.url)

type Request =
  | { type: 'ready' | 'close' | 'dump' }
  | { type: 'begin' | 'commit' | 'rollback'; tx: number }
  | {
      type: 'query' | 'exec'
      tx?: number
      sql: string
      params?: unknown[]
      rowMode?: 'array' | 'object'
      textTypes?: number[]
    }

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } }

/** What drizzle's PGlite session calls on a client, and on a transaction. */
interface Queryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>
  exec(sql: string, options?: QueryOptions): Promise<Results[]>
}

/**
 * PGlite in a `worker_threads` worker: the WebAssembly Postgres (its queries, its result
 * parsing, its file writes) runs on its own thread, so the server's thread is free for HTTP,
 * validation and scoring meanwhile. It offers what drizzle's PGlite session uses — `query`,
 * `exec`, `transaction` — with PGlite's semantics (PGlite itself, in the worker, runs one
 * transaction at a time and queues plain queries behind it). A query has returned only after
 * PGlite executed it, so a committed transaction is as durable as on the main thread.
 *
 * Parsers cannot cross threads: only pass-through parsers (drizzle's, which keep dates as text)
 * are accepted.
 *
 * @example
 * const client = await PGliteWorker.open('./.data/pglite')
 * const db = drizzle(client as unknown as PGlite, { schema })
 */
export class PGliteWorker implements Queryable {
  readonly #worker: Worker
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >()
  #nextId = 0
  #nextTx = 0
  #closed = false

  private constructor(dataDir: string | undefined, loadDataDir: Uint8Array | undefined) {
    this.#worker = new Worker(ENTRY, { workerData: { dataDir, loadDataDir } })
    // Referenced only while a request waits, so an idle database never keeps a process alive.
    this.#worker.unref()
    this.#worker.on('message', (reply: Reply) => this.#settle(reply))
    this.#worker.on('error', (error) => this.#failAll(error))
    this.#worker.on('exit', (code) =>
      this.#failAll(new Error(`The PGlite worker exited (${code})`)),
    )
  }

  /**
   * Starts the worker on a data folder (absent: in memory, from `loadDataDir`'s gzipped tar when
   * given) and waits until PGlite is ready.
   */
  static async open(dataDir?: string, loadDataDir?: Uint8Array): Promise<PGliteWorker> {
    const client = new PGliteWorker(dataDir, loadDataDir)
    try {
      await client.#call({ type: 'ready' })
    } catch (error) {
      await client.#worker.terminate()
      throw error
    }
    return client
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, sql, params, options)
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#call({ type: 'exec', sql, ...optionsOf(options) }) as Promise<Results[]>
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = ++this.#nextTx
    await this.#call({ type: 'begin', tx })
    let open = true
    const ensureOpen = () => {
      if (!open) throw new Error('Transaction is closed')
    }
    const queryable: Queryable = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        ensureOpen()
        return this.#query<R>(tx, sql, params, options)
      },
      exec: async (sql: string, options?: QueryOptions) => {
        ensureOpen()
        return this.#call({ type: 'exec', tx, sql, ...optionsOf(options) }) as Promise<Results[]>
      },
    }
    let result: T
    try {
      result = await callback(queryable)
    } catch (error) {
      open = false
      await this.#call({ type: 'rollback', tx })
      throw error
    }
    open = false
    await this.#call({ type: 'commit', tx })
    return result
  }

  /** The data folder as a gzipped tar (PGlite's `dumpDataDir`), taken between two queries. */
  async dumpDataDir(): Promise<Uint8Array> {
    return this.#call({ type: 'dump' }) as Promise<Uint8Array>
  }

  /** Closes PGlite (flushing its files) and stops the worker. */
  async close(): Promise<void> {
    if (this.#closed) return
    await this.#call({ type: 'close' })
    this.#closed = true
    await this.#worker.terminate()
  }

  #query<T>(tx: number | undefined, sql: string, params?: unknown[], options?: QueryOptions) {
    return this.#call({ type: 'query', tx, sql, params, ...optionsOf(options) }) as Promise<
      Results<T>
    >
  }

  #call(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('The PGlite worker is closed'))
    const id = ++this.#nextId
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref()
      this.#pending.set(id, { resolve, reject })
      this.#worker.postMessage({ ...request, id })
    })
  }

  #settle({ id, result, error }: Reply): void {
    const pending = this.#pending.get(id)
    if (!pending) return
    this.#pending.delete(id)
    if (this.#pending.size === 0) this.#worker.unref()
    if (error) pending.reject(Object.assign(new Error(error.message), error))
    else pending.resolve(result)
  }

  #failAll(error: Error): void {
    this.#closed = true
    for (const { reject } of this.#pending.values()) reject(error)
    this.#pending.clear()
  }
}

/** Only pass-through parsers survive the thread: they become the list of types kept as text. */
function optionsOf(options: QueryOptions | undefined) {
  const parsers = options?.parsers ?? {}
  const textTypes = Object.entries(parsers).map(([oid, parse]) => {
    if (parse('\u0000probe', Number(oid)) !== '\u0000probe') {
      throw new Error(`PGliteWorker: the parser of type ${oid} is not a pass-through`)
    }
    return Number(oid)
  })
  return { rowMode: options?.rowMode, textTypes: textTypes.length > 0 ? textTypes : undefined }
}
