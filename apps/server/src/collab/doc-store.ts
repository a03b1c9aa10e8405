import { type Database, type Db, schema } from '@yardstick/db'
import { and, asc, eq, type SQL, sql } from 'drizzle-orm'

/** What is stored of one document: its snapshot (if any) and the updates after it, by id. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Array<{ id: number; update: Uint8Array }>
}

interface Pending {
  docName: string
  update: Uint8Array
  resolve: (id: number) => void
  reject: (error: unknown) => void
}

/**
 * Durable storage of Yjs documents: an append-only update log per document, compacted into one
 * snapshot row. Appends arriving together are written by ONE multi-row insert (group commit,
 * flushed on `setImmediate`), and each caller learns its row id only after the commit.
 */
export class DocStore {
  private queue: Pending[] = []
  private scheduled = false
  /** The compaction under way, if any: compactions run one at a time (see `compact`). */
  private compacting: Promise<void> = Promise.resolve()

  private readonly db: Db

  constructor(private readonly database: Pick<Database, 'db' | 'appendDocUpdates'>) {
    this.db = database.db
  }

  /** The stored state of a document, in the order it must be applied. */
  async load(docName: string): Promise<StoredDoc> {
    const [snapshot] = await this.db
      .select({ state: schema.docSnapshots.state })
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, docName))
    const updates = await this.db
      .select({ id: schema.docUpdates.id, update: schema.docUpdates.update })
      .from(schema.docUpdates)
      .where(eq(schema.docUpdates.docName, docName))
      .orderBy(asc(schema.docUpdates.id))
    return { snapshot: snapshot?.state ?? null, updates }
  }

  /** Appends one update; resolves with its row id once it is committed. */
  append(docName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docName, update, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => void this.flush())
      }
    })
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    try {
      const ids = await this.database.appendDocUpdates(batch)
      for (const [i, pending] of batch.entries()) pending.resolve(ids[i] as number)
    } catch (error) {
      for (const pending of batch) pending.reject(error)
    }
  }

  /**
   * Folds updates into the snapshot, from the LOADED document (never by merging raw rows), under
   * a per-document advisory lock so one process at a time rewrites a document. `encode` gets the
   * snapshot stored now (another process may have compacted since this one loaded) to apply
   * before encoding. Only the update rows `foldedIds` — those this process knows are in its
   * document — are deleted; others stay in the log and are applied again at load (idempotent).
   *
   * A transaction holds PGlite's one connection, and every append waits behind it, so the
   * transaction does as little as it can: the snapshot is read and the document encoded
   * BEFORE it (encoding a large form takes milliseconds), and under the lock it only checks
   * that the stored snapshot is still the one read (else it folds that one in and encodes
   * again), writes, and deletes the folded rows in one statement. Compactions of this process
   * also run one at a time: a hundred documents unloading together queued a hundred
   * transactions ahead of every other document's appends (edits held for 0.3 s, BENCHMARKS.md).
   */
  compact(
    docName: string,
    foldedIds: readonly number[],
    encode: (storedSnapshot: Uint8Array | null) => Uint8Array,
  ): Promise<void> {
    // A task between compactions: with PGlite on the server's thread a compaction settles in
    // microtasks alone, and a hundred chained ones would hold the event loop for 0.4 s.
    const run = this.compacting
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => this.compactNow(docName, foldedIds, encode))
    this.compacting = run.catch(() => {})
    return run
  }

  private async compactNow(
    docName: string,
    foldedIds: readonly number[],
    encode: (storedSnapshot: Uint8Array | null) => Uint8Array,
  ): Promise<void> {
    const read = await this.storedSnapshot(this.db, docName)
    let state = encode(read?.state ?? null)
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`doc:${docName}`}))`)
      const [current] = await tx
        .select({ hash: snapshotHash, through: schema.docSnapshots.throughUpdateId })
        .from(schema.docSnapshots)
        .where(eq(schema.docSnapshots.docName, docName))
      if (current?.hash !== read?.hash) {
        // Another process compacted meanwhile: its snapshot may hold what this one lacks.
        state = encode((await this.storedSnapshot(tx, docName))?.state ?? null)
      }
      const through = Math.max(current?.through ?? 0, ...foldedIds)
      await tx
        .insert(schema.docSnapshots)
        .values({ docName, state, throughUpdateId: through, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: schema.docSnapshots.docName,
          set: { state, throughUpdateId: through, updatedAt: new Date() },
        })
      if (foldedIds.length > 0) {
        await tx
          .delete(schema.docUpdates)
          .where(
            and(
              eq(schema.docUpdates.docName, docName),
              sql`${schema.docUpdates.id} = any(${idArray(foldedIds)})`,
            ),
          )
      }
    })
  }

  private async storedSnapshot(db: Pick<Db, 'select'>, docName: string) {
    const [stored] = await db
      .select({ state: schema.docSnapshots.state, hash: snapshotHash })
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, docName))
    return stored
  }

  /**
   * Stores a first state for a document that has none, once, under the document's lock: a
   * template is seeded on the server, never by two clients (which would duplicate it).
   * @returns whether this call seeded it
   */
  async seedIfEmpty(docName: string, state: () => Promise<Uint8Array | null>): Promise<boolean> {
    if (!(await this.isEmpty(this.db, docName))) return false
    // Built outside the transaction: PGlite has one connection, which the transaction holds.
    const initial = await state()
    if (!initial) return false
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`doc:${docName}`}))`)
      // Another process may have seeded it meanwhile: checked again under the lock.
      if (!(await this.isEmpty(tx, docName))) return false
      await tx.insert(schema.docSnapshots).values({ docName, state: initial, throughUpdateId: 0 })
      return true
    })
  }

  private async isEmpty(db: Pick<Db, 'select'>, docName: string): Promise<boolean> {
    const [snapshot] = await db
      .select({ name: schema.docSnapshots.docName })
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, docName))
    const [update] = await db
      .select({ id: schema.docUpdates.id })
      .from(schema.docUpdates)
      .where(eq(schema.docUpdates.docName, docName))
      .limit(1)
    return !snapshot && !update
  }
}

/** What identifies a stored snapshot: the hash of its bytes, computed by the database. */
const snapshotHash = sql<string>`md5(${schema.docSnapshots.state})`

/**
 * Row ids as ONE array literal: a list of thousands of bound parameters costs PostgreSQL more
 * to parse and plan than deleting the rows (13 ms against 2 ms for 500 ids on PGlite).
 */
function idArray(ids: readonly number[]): SQL {
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new Error(`DocStore: row id ${id} is not an integer`)
  }
  return sql.raw(`'{${ids.join(',')}}'::bigint[]`)
}
