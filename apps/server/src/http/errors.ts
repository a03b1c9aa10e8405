import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every error code the API answers with, and its HTTP status: one table (STYLE.md). */
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
  /** A timed quiz answered after its limit plus the stated grace. */
  timeLimitExceeded: 409,
  /** A timed quiz submitted without its countdown started (`POST /links/:slug/attempts`). */
  attemptNotStarted: 409,
  invalidTransition: 409,
  /** A closed campaign's settings no longer change (reopen it first). */
  campaignClosed: 409,
  /** What answers were given against (form versions, source weights) cannot change once any exist. */
  responsesExist: 409,
  payloadTooLarge: 413,
  originNotAllowed: 403,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>
export type ErrorCode = keyof typeof ERROR_STATUS

/** The one error the API throws: a code from `ERROR_STATUS`, a message, and details. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message)
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code]
  }
}

/** The JSON every error response has: `{ error: { code, message, details } }`. */
export function errorBody(code: ErrorCode, message: string, details: unknown = null) {
  return { error: { code, message, details } }
}

/** `app.onError`: formats every error once; unexpected ones are logged and hidden. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status)
  }
  const status = (error as { status?: number }).status
  if (status === 413)
    return c.json(errorBody('payloadTooLarge', 'The request body is too large'), 413)
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('badRequest', error.message), status as ContentfulStatusCode)
  }
  console.error(error)
  return c.json(errorBody('internal', 'Internal server error'), 500)
}
