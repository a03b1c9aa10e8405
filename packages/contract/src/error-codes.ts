// No zod here: clients (the designer, the embed) import this module at run time through
// `@yardstick/contract/errors` without bundling the schemas.
import type { ErrorBody } from './errors'

/**
 * Every error code the API answers with, and its HTTP status: the one table (docs/ARCHITECTURE.md).
 * The server's `AppError` takes a code from it; clients name each code in words.
 *
 * @example
 * ERROR_STATUS.notFound // 404
 */
export const ERROR_STATUS = {
  badRequest: 400,
  invalidBody: 400,
  invalidForm: 422,
  invalidAnswers: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  campaignNotOpen: 409,
  tokenUsed: 409,
  tokenRequired: 401,
  tokenInvalid: 401,
  /**
   * An `Idempotency-Key` used again with another request (other answers, another respondent or
   * token): nothing is stored or replayed (IETF Idempotency-Key draft).
   */
  idempotencyKeyReused: 422,
  /** A timed quiz answered after its limit plus the stated grace. */
  timeLimitExceeded: 409,
  /** A timed quiz submitted without its countdown started (`POST /links/:slug/attempts`). */
  attemptNotStarted: 409,
  invalidTransition: 409,
  /** A closed campaign's settings no longer change (reopen it first). */
  campaignClosed: 409,
  /** What answers were given against (form versions, source weights) cannot change once any exist. */
  responsesExist: 409,
  /** A change the organisation tree refuses (`details.rule`: a cycle, a retired parent, …). */
  treeRule: 409,
  /** The campaign already has its next period (a campaign has at most one follower). */
  nextPeriodExists: 409,
  /** A 转化 plan is only for a unit graded in the lowest band. */
  notLowestGrade: 409,
  /** That follow-up (a 转化 plan, a deduction's rectification) was already raised. */
  rectificationExists: 409,
  /** A panel member (述职评议) rates each unit once: they already rated this one. */
  alreadyRated: 409,
  payloadTooLarge: 413,
  originNotAllowed: 403,
  /** A password the policy refuses (details `{ reasons, minLength }`, apps/server/src/auth/password-policy.ts). */
  weakPassword: 422,
  /** Signed in with a temporary password: change it first (POST /api/auth/password). */
  passwordChangeRequired: 403,
  /** Too many failed sign-ins from this address or on this account: wait (`Retry-After`, details `{ retryAfterSeconds }`). */
  tooManyAttempts: 429,
  /** A state-changing request from another site's page (its `Origin` is not this server's). */
  crossSiteRequest: 403,
  /** Panels (or JSON) nested past `FORM_LIMITS` (@yardstick/sdk): details `{ path, limit, measure }`. */
  formTooDeep: 422,
  /** More pages, panels and questions than `FORM_LIMITS.maxElements`: details `{ path, limit }`. */
  formTooLarge: 422,
  /**
   * Checking the form did not finish in time (the validation workers are busy or the check ran
   * past its limit and was stopped): nothing was published; retry later (`Retry-After`).
   */
  validationUnavailable: 503,
  /**
   * The server has no CJK font to print a PDF with (`REPORT_FONT`, default Debian's
   * fonts-wqy-microhei): no PDF is made rather than one with empty boxes. details `{ path }`.
   */
  reportFontMissing: 503,
  internal: 500,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503>

/** A code of `ERROR_STATUS`. */
export type ErrorCode = keyof typeof ERROR_STATUS

/**
 * The codes of `ERROR_STATUS`, in its order: the closed set an error's `code` is, end to end.
 *
 * @example
 * ERROR_CODES.includes('notFound') // true
 */
// `Object.keys` types its answer as `string[]`; the table above is the one list of codes.
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]

/**
 * Whether a parsed response body is the API's error JSON with a code of the closed set. A
 * plain check rather than `ErrorBodySchema.safeParse`: clients use it without bundling zod.
 *
 * @example
 * isErrorBody({ error: { code: 'notFound', message: 'No form 7', details: null } }) // true
 * isErrorBody({ error: { code: 'teapot', message: '' } }) // false
 */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (!isRecord(body) || !isRecord(body.error)) return false
  const { code, message } = body.error
  return (
    typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code) && typeof message === 'string'
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
