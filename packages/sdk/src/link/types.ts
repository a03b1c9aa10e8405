import type { QuizReviewItem } from '../quiz-review'
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
  /** The source's key: `self`, `members`, `superior` or the campaign's own (`debriefing`). */
  source: string
  /** Who answers it: a `selfCheck` source is filled in its workflow, not through the link. */
  answeredBy: 'selfCheck' | 'members' | 'assessors' | 'panel'
  anonymous: boolean
  needsToken: boolean
  needsSignIn: boolean
  /** Whether the respondent is shown their score after submitting. */
  showScore: boolean
  /**
   * Whether the request carried a valid session: read for links that are not anonymous (an
   * assessor's scorecard is answered signed in); always false on an anonymous link, which never
   * looks at the session.
   */
  signedIn: boolean
  /** A timed quiz's countdown (the campaign's `timeLimitMinutes`); null when the link has none. */
  timeLimit: LinkTimeLimit | null
  /**
   * The form version, with only this respondent's drawn questions of each bank, without what
   * only scoring reads (a quiz's `correctAnswer`…). A timed quiz not yet started has no pages.
   */
  form: FormJson
}

/** A timed link's countdown for one respondent, as `GET /api/links/:slug` states it. */
export interface LinkTimeLimit {
  /** Minutes each respondent has from the start of their attempt. */
  minutes: number
  /** Seconds after `endsAt` during which the server still accepts the answers (network delays). */
  graceSeconds: number
  /** When this respondent started (`startAttempt`); null until then. */
  startedAt: string | null
  /** `startedAt` + `minutes`; null until started. */
  endsAt: string | null
  /** The server's clock when it answered, so a page counts down on the server's time. */
  serverTime: string
  /** How many questions the respondent answers once started. */
  questionCount: number
}

/** A response the server stored (or, `replayed`, had stored for the same `Idempotency-Key`). */
export interface LinkSubmitted {
  id: number
  /** The score, where the campaign shows respondents theirs (`showScore`); else null. */
  score: ScoreResult | null
  /** A quiz's correct answers for the drawn questions, where `showScore` allows; else null. */
  review: QuizReviewItem[] | null
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
