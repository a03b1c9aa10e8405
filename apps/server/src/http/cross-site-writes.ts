import type { MiddlewareHandler } from 'hono'
import { AppError } from './errors'
import { isOwnOrigin, publicOrigin } from './public-origin'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Refuses a state-changing request that a page of another site made (cross-site request
 * forgery): `POST`/`PUT`/`PATCH`/`DELETE` whose `Origin` is not this server's own answers 403
 * `crossSiteRequest` before any handler runs. A browser always sends `Origin` on such requests,
 * and it would send the session cookie along (SameSite=Lax still sends it from a sibling
 * subdomain), so the cookie alone never authorises a write from elsewhere. Passed untouched:
 * - requests without `Origin` (servers, scripts, `curl`: no browser, no ambient cookie);
 * - requests with `Authorization: Bearer` (a header another site's page cannot set without a
 *   CORS preflight, which the API does not grant);
 * - the respondent link routes (`/api/links/*`), which portals call cross-origin by design under
 *   each campaign's own CORS (apps/server/src/submissions/link-cors.ts).
 * A cookieless request from another site is refused too: a forged sign-in would sign the
 * victim into the attacker's account.
 *
 * Hono's `csrf` middleware was not used: it checks form content types only, refuses requests
 * that carry no `Origin` (servers, scripts) and answers plain text instead of the error shape.
 *
 * @example
 * app.use('/api/*', refuseCrossSiteWrites())
 */
export function refuseCrossSiteWrites(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (
      !WRITES.has(c.req.method) ||
      origin === undefined ||
      c.req.path.startsWith('/api/links/') ||
      c.req.header('authorization')?.toLowerCase().startsWith('bearer ') ||
      isOwnOrigin(origin, publicOrigin(c))
    ) {
      return next()
    }
    throw new AppError(
      'crossSiteRequest',
      `A page of ${origin} may not change anything here: open this server's own pages`,
      { origin },
    )
  }
}
