import { createHash } from 'node:crypto'
import type { SelfCheckStatus } from '@yardstick/db'
import type { Answers } from '@yardstick/sdk'
import * as Y from 'yjs'

/**
 * The layout of a co-filled response document (`response:<selfCheckId>`), the same the SDK's
 * co-fill transport uses (`CO_FILL_LAYOUT` in `@yardstick/sdk/react`): `answers` maps a
 * question's value name to its answer exactly as `survey.data` holds it (a comment under
 * `<name>-Comment`), so it IS the `self_checks.answers` object; `meta` holds `status` (the
 * self-check's status: anything but `draft` is frozen) and `savedHash` (the hash of the
 * answers last written to the row).
 */
export const RESPONSE_DOC = { answers: 'answers', meta: 'meta' } as const

/** The answers a response document holds now, as a plain object. */
export function readAnswers(doc: Y.Doc): Answers {
  return doc.getMap(RESPONSE_DOC.answers).toJSON() as Answers
}

/** The status a response document records (`draft` until the server freezes it). */
export function readStatus(doc: Y.Doc): SelfCheckStatus {
  return (doc.getMap(RESPONSE_DOC.meta).get('status') as SelfCheckStatus | undefined) ?? 'draft'
}

/** What `writeResponse` changes; omitted fields stay. */
export interface ResponseChange {
  answers?: Answers
  status?: SelfCheckStatus
  savedHash?: string
}

/**
 * Makes a response document hold `answers` (only the keys that differ are set, the missing
 * ones deleted), `status` and `savedHash`, in one transaction with `origin`.
 *
 * @example
 * writeResponse(doc, { answers: row.answers, status: 'approved' }, SERVER_EDIT)
 */
export function writeResponse(doc: Y.Doc, change: ResponseChange, origin: unknown): void {
  const answers = doc.getMap(RESPONSE_DOC.answers)
  const meta = doc.getMap(RESPONSE_DOC.meta)
  doc.transact(() => {
    if (change.answers) {
      const next = change.answers
      for (const key of [...answers.keys()]) if (!(key in next)) answers.delete(key)
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === null) answers.delete(key)
        else if (canonical(answers.get(key)) !== canonical(value)) answers.set(key, value)
      }
    }
    if (change.status && meta.get('status') !== change.status) meta.set('status', change.status)
    if (change.savedHash && meta.get('savedHash') !== change.savedHash)
      meta.set('savedHash', change.savedHash)
  }, origin)
}

/**
 * The first state of a response document: the stored draft's answers and status, with the
 * hash of those answers as `savedHash` (they are what the row holds).
 *
 * @example
 * const state = seedResponseState(row.answers as Answers, row.status)
 */
export function seedResponseState(answers: Answers, status: SelfCheckStatus): Uint8Array {
  const doc = new Y.Doc()
  writeResponse(doc, { answers, status, savedHash: answersHash(answers) }, null)
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/**
 * A short hash of answers that does not depend on key order.
 *
 * @example
 * answersHash({ a: 1, b: 2 }) === answersHash({ b: 2, a: 1 }) // true
 */
export function answersHash(answers: Answers): string {
  return createHash('sha256').update(canonical(answers)).digest('base64url').slice(0, 22)
}

/** JSON with object keys sorted, so that equal values give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
