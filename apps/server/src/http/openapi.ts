import { OpenAPIHono } from '@hono/zod-openapi'
import { ErrorBodySchema, INT4_MAX } from '@yardstick/contract'
import type { Env } from 'hono'
import { AppError } from './errors'
import { requestIssues } from './issues'

/**
 * A Hono app whose routes are described in OpenAPI, and whose request validation failures
 * become the one error shape: 400 `invalidBody` with each issue's path, code, figures and message
 * (`RequestIssue`), so a client can say it in its reader's language.
 *
 * @example
 * const forms = createRouter<AuthEnv>()
 * forms.openapi(createFormRoute, handler)
 */
export function createRouter<E extends Env = Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (result.success) return
      const issues = requestIssues(result.error)
      const where = issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')
      throw new AppError('invalidBody', `The request is not valid: ${where}`, { issues })
    },
  })
}

/** The error responses most routes can give, for `createRoute({ responses })`. */
export function errorResponses(
  ...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503>
) {
  const descriptions: Record<number, string> = {
    400: 'The request is not valid',
    401: 'Not signed in, or the token is invalid',
    403: 'Your roles do not reach this',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'The body is too large',
    422: 'The content is not valid',
    429: 'Too many attempts: wait as `Retry-After` says',
    503: 'Busy: retry as `Retry-After` says',
  }
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorBodySchema } },
      },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ErrorBodySchema } } }
  >
}

/**
 * Parses a numeric path id, or answers 404: an id that is not a positive integer within the
 * database's `integer` (`INT4_MAX`) names nothing.
 */
export function idParam(value: string, what: string): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0 || id > INT4_MAX) {
    throw new AppError('notFound', `No ${what} ${value}`)
  }
  return id
}
