import { type Db, type SelfCheckStatus, schema } from '@yardstick/db'
import { type Answers, type FormJson, validateResponse } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import type * as Y from 'yjs'
import { unitFormVersionSql } from '../campaigns/unit-form'
import type { DocBinding } from './doc-kinds'
import { answersHash, RESPONSE_DOC, readAnswers, writeResponse } from './response-doc'
import type { SharedDoc } from './shared-doc'

/** Origin of the server's own edits to a response document (reconciling, freezing, hashes). */
export const WRITE_BACK_ORIGIN = Symbol('write-back')

/** Options of `bindWriteBack`. */
export interface WriteBackOptions {
  /** How long after a change the answers are written to the row (default 200 ms). */
  delayMs?: number
  /** Told about a failed write; the write is retried with backoff. */
  onError?: (selfCheckId: number, error: unknown) => void
}

interface StoredCheck {
  answers: Answers
  status: SelfCheckStatus
  form: FormJson | null
}

/**
 * Binds a loaded response document to its `self_checks` row (COL24–COL26). First it reconciles
 * the two: a frozen row wins and freezes the document; a draft row that still holds what was
 * last written back (its hash is the document's `savedHash`) loses to the document, which may
 * be newer; a draft row changed elsewhere since (a REST save) wins, as one server edit. Then
 * every change of the answers is written back within `delayMs`, guarded by `status = 'draft'`; a
 * write (or a `refresh`) that finds the row frozen freezes the document to the row's answers
 * and status, and closes its writers with 4403 once they have heard it.
 *
 * @param options `delayMs` (default 200), `onError` (default: log)
 * @example
 * const binding = await bindWriteBack(db, shared, 7, { delayMs: 200 })
 */
export async function bindWriteBack(
  db: Db,
  shared: SharedDoc,
  selfCheckId: number,
  options: WriteBackOptions = {},
): Promise<DocBinding> {
  const writeBack = new ResponseWriteBack(db, shared, selfCheckId, options)
  await writeBack.start()
  return writeBack
}

class ResponseWriteBack implements DocBinding {
  private readonly delayMs: number
  private readonly onError: (selfCheckId: number, error: unknown) => void
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private failures = 0
  private savedHash = ''
  private editor: number | undefined
  private frozen = false
  private form: FormJson | null = null
  private readonly answers: Y.Map<unknown>

  constructor(
    private readonly db: Db,
    private readonly shared: SharedDoc,
    private readonly selfCheckId: number,
    { delayMs = 200, onError = logError }: WriteBackOptions,
  ) {
    this.delayMs = delayMs
    this.onError = onError
    this.answers = shared.doc.getMap(RESPONSE_DOC.answers)
  }

  private readonly observer = (_events: unknown, transaction: Y.Transaction) => {
    if (transaction.origin === WRITE_BACK_ORIGIN) return
    const user = (transaction.origin as { user?: { id?: unknown } } | null)?.user
    if (typeof user?.id === 'number') this.editor = user.id
    this.schedule(this.delayMs)
  }

  async start(): Promise<void> {
    const row = await this.read()
    if (!row) throw new Error(`collab: no self-check ${this.selfCheckId}`)
    this.form = row.form
    const doc = this.shared.doc
    const rowHash = answersHash(row.answers)
    if (row.status !== 'draft') this.freezeTo(row)
    else if (rowHash === doc.getMap(RESPONSE_DOC.meta).get('savedHash')) {
      // The row holds what was written back last; the document may be newer (a server that
      // died between a durable update and its write-back): write it now.
      this.savedHash = rowHash
      if (answersHash(this.checked(readAnswers(doc))) !== rowHash) this.schedule(0)
    } else {
      writeResponse(doc, { answers: row.answers, savedHash: rowHash }, WRITE_BACK_ORIGIN)
      this.savedHash = rowHash
    }
    this.answers.observeDeep(this.observer)
  }

  private schedule(delayMs: number): void {
    if (this.frozen || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.flush()
    }, delayMs)
    this.timer.unref()
  }

  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.writing = this.writing.then(() =>
      this.write().then(
        () => {
          this.failures = 0
        },
        (error) => {
          this.failures++
          this.onError(this.selfCheckId, error)
          this.schedule(Math.min(5000, this.delayMs * 2 ** this.failures))
        },
      ),
    )
    return this.writing
  }

  private async write(): Promise<void> {
    if (this.frozen) return
    const answers = this.checked(readAnswers(this.shared.doc))
    const hash = answersHash(answers)
    if (hash === this.savedHash) return
    const { selfChecks } = schema
    const [row] = await this.db
      .update(selfChecks)
      .set({ answers, updatedBy: this.editor, updatedAt: new Date() })
      .where(and(eq(selfChecks.id, this.selfCheckId), eq(selfChecks.status, 'draft')))
      .returning({ id: selfChecks.id })
    if (!row) {
      // Approved (or further) meanwhile: what was approved is what everybody sees now.
      const current = await this.read()
      if (current && !this.frozen) this.freezeTo(current)
      return
    }
    this.savedHash = hash
    writeResponse(this.shared.doc, { savedHash: hash }, WRITE_BACK_ORIGIN)
  }

  async refresh(): Promise<void> {
    if (this.frozen) return
    const row = await this.read()
    // Disposed meanwhile (the document unloaded): nothing to freeze.
    if (row && row.status !== 'draft' && !this.frozen) this.freezeTo(row)
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.frozen = true
    this.answers.unobserveDeep(this.observer)
  }

  /** Sets the document to the frozen row; its writers, once they have heard it, are closed. */
  private freezeTo(row: StoredCheck): void {
    this.frozen = true
    clearTimeout(this.timer)
    this.timer = undefined
    const writers = [...this.shared.conns.values()].filter((conn) => conn.canWrite)
    // From here on nothing a writer sends is applied.
    for (const conn of writers) conn.canWrite = false
    const savedHash = answersHash(row.answers)
    writeResponse(
      this.shared.doc,
      { answers: row.answers, status: row.status, savedHash },
      WRITE_BACK_ORIGIN,
    )
    void this.shared.idle().then(() => {
      for (const conn of writers) this.shared.close(conn, 'forbidden')
    })
  }

  /** The answers the row may hold: those of a wrong type, unknown or not a choice are left out. */
  private checked(answers: Answers): Answers {
    if (!this.form) return answers
    const wrong = new Set(
      validateResponse(this.form, answers)
        .errors.filter((e) => e.code !== 'required')
        .map((e) => e.question),
    )
    if (wrong.size === 0) return answers
    return Object.fromEntries(Object.entries(answers).filter(([name]) => !wrong.has(name)))
  }

  private async read(): Promise<StoredCheck | null> {
    const { selfChecks, campaignSources, formVersions, orgs } = schema
    const [row] = await this.db
      .select({ answers: selfChecks.answers, status: selfChecks.status, form: formVersions.json })
      .from(selfChecks)
      .leftJoin(orgs, eq(orgs.id, selfChecks.unitId))
      .leftJoin(
        campaignSources,
        and(
          eq(campaignSources.campaignId, selfChecks.campaignId),
          eq(campaignSources.answeredBy, 'selfCheck'),
        ),
      )
      .leftJoin(formVersions, eq(formVersions.id, unitFormVersionSql(orgs.unitType)))
      .where(eq(selfChecks.id, this.selfCheckId))
    if (!row) return null
    return {
      answers: (row.answers ?? {}) as Answers,
      status: row.status,
      form: row.form ?? null,
    }
  }
}

function logError(selfCheckId: number, error: unknown): void {
  console.error(
    `collab: writing back self-check ${selfCheckId} failed, retrying: ${(error as Error).message}`,
  )
}
