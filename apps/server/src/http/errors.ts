import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@yardstick/contract'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * The one error the API throws: a code from the contract's `ERROR_STATUS` (whose status it
 * answers with), a message, and details.
 */
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
export function errorBody(code: ErrorCode, message: string, details: unknown = null): ErrorBody {
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
  const sqlState = dataException(error)
  if (sqlState !== null) {
    return c.json(
      errorBody('badRequest', 'A value in the request cannot be stored or compared', { sqlState }),
      400,
    )
  }
  console.error(error)
  return c.json(errorBody('internal', 'Internal server error'), 500)
}

/**
 * The SQLSTATE of a PostgreSQL data exception (class 22: a number out of range, text with a NUL,
 * a malformed value) anywhere in an error's cause chain (drizzle wraps the driver's error), or
 * null. The request carried a value the database refuses: the last line that makes it a 400
 * rather than a 500 when no check before the query caught it (issue 16, item 8).
 *
 * @example
 * dataException(new DrizzleQueryError(sql, params, postgresError)) // '22003'
 */
export function dataException(error: unknown): string | null {
  for (let cause = error, hops = 0; cause && hops < 5; hops++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return code
    cause = (cause as { cause?: unknown }).cause
  }
  return null
}
