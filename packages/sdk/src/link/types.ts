import type { FormJson, ScoreResult } from '../types'

/** What `GET /api/links/:slug` answers: the form one respondent sees and what the link needs. */
export interface LinkView {
  campaign: {
    id: number
    name: string
    status: 'draft' | 'open' | 'closed'
    opensAt: string
    closesAt: string
    /** Open and within [opensAt, closesAt]. */
    accepting: boolean
  }
  unit: { id: number; name: string }
  source: 'self' | 'members' | 'superior'
  anonymous: boolean
  needsToken: boolean
  needsSignIn: boolean
  /** Whether the respondent is shown their score after submitting. */
  showScore: boolean
  /** The form version, with only this respondent's drawn questions of each bank. */
  form: FormJson
}

/** A response the server stored (or, `replayed`, had stored for the same `Idempotency-Key`). */
export interface LinkSubmitted {
  id: number
  score: ScoreResult
  replayed: boolean
}

/** One answer the server refused, as `invalidAnswers` details list them. */
export interface LinkAnswerError {
  question: string
  code: string
  message: string
}

/**
 * Why a link request failed: the server's `{ error: { code, message, details } }` with the HTTP
 * status, or a code of the client's own: `network` (no answer; status 0), `badResponse` (an
 * answer that is not the API's JSON), `aborted`.
 */
export interface LinkError {
  code: string
  status: number
  message: string
  details: unknown
}

/** A link request's outcome: a value or an error, never a throw. */
export type LinkResult<T> = { ok: true; value: T } | { ok: false; error: LinkError }

/** A response saved on this device until the server has acknowledged it. */
export interface PendingResponse {
  /** The `Idempotency-Key` it is sent with, every time, so it is stored at most once. */
  key: string
  answers: Record<string, unknown>
  savedAt: string
}

/** Why a submission is waiting: no network (kept on this device), or a server busy or failing. */
export type LinkWaitReason = 'offline' | 'retrying'

/** The few methods of `Storage` the client uses (`localStorage` in a browser). */
export interface PendingStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}
