import type { Db } from '@yardstick/db'
import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../http/errors'
import { linkContexts } from './link-context'

const ALLOW_METHODS = 'GET, POST, OPTIONS'
const ALLOW_HEADERS = 'content-type, idempotency-key, accept-language'
const EXPOSE_HEADERS = 'idempotent-replayed'

/** Whether an `Origin` is this server itself (the designer's preview, the `/s/` page). */
function isSameOrigin(c: Context, origin: string): boolean {
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  const served = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host
  return host === served
}

/**
 * `frame-ancestors` for a campaign: the server itself and the portals in its `allowedOrigins`
 * may frame what a link answers; no one else (clickjacking). Origins were validated when the
 * campaign was saved, so each is a bare scheme://host[:port].
 *
 * @example
 * frameAncestors(['https://portal.example.gov.cn']) // "frame-ancestors 'self' https://portal.example.gov.cn"
 */
export function frameAncestors(origins: readonly string[]): string {
  return ["frame-ancestors 'self'", ...origins].join(' ')
}

/**
 * CORS and framing for the public link routes (`/links/:slug…`): a cross-origin request is
 * answered only for an origin in the campaign's `allowedOrigins` (a portal embedding the
 * survey), preflight `OPTIONS` included. Any other `Origin` gets 403 `originNotAllowed` and no
 * CORS headers. Requests without `Origin`, or from this server itself, pass untouched. No
 * credentials are allowed cross-origin: an embedded survey is answered anonymously or with a
 * token. Every answer of a known link carries `Content-Security-Policy: frame-ancestors` for
 * the same origins.
 *
 * @example
 * router.use('/links/:slug/*', linkCors(db))
 */
export function linkCors(db: Db): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    const slug = c.req.param('slug') ?? ''
    if (!origin || isSameOrigin(c, origin)) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204, { allow: ALLOW_METHODS })
      await next()
      // Cached: the route itself has just read the same context.
      const context = await linkContexts(db).get(slug)
      if (context) {
        c.res.headers.set(
          'content-security-policy',
          frameAncestors(context.campaign.allowedOrigins),
        )
      }
      return
    }
    const context = await linkContexts(db).get(slug)
    if (!context) throw new AppError('notFound', `No respondent link ${slug}`)
    if (!context.campaign.allowedOrigins.includes(origin)) {
      throw new AppError('originNotAllowed', `The origin ${origin} may not use this link`, {
        origin,
      })
    }
    const headers = { 'access-control-allow-origin': origin, vary: 'Origin' }
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...headers,
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': '600',
      })
    }
    await next()
    c.res.headers.set('access-control-allow-origin', origin)
    c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS)
    c.res.headers.append('vary', 'Origin')
    c.res.headers.set('content-security-policy', frameAncestors(context.campaign.allowedOrigins))
  }
}
