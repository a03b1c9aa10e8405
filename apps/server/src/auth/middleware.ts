import type { Db } from '@yardstick/db'
import type { Context, MiddlewareHandler } from 'hono'
import { parse } from 'hono/utils/cookie'
import { AppError } from '../http/errors'
import { type SessionUser, userForToken } from './sessions'

/** The cookie that carries the session token for browsers (httpOnly). */
export const SESSION_COOKIE = 'yardstick_session'

export type AuthEnv = { Variables: { user: SessionUser; token: string } }

/**
 * What a user signed in with a temporary password may still call: who they are, sign-out and
 * the password change. Everything else answers 403 `passwordChangeRequired`.
 */
export const BEFORE_PASSWORD_CHANGE = ['/api/me', '/api/auth/logout', '/api/auth/password']

/** The token of a request: `Authorization: Bearer …`, else the session cookie. */
export function tokenOf(c: Context): string | undefined {
  return tokenOfHeaders((name) => c.req.header(name))
}

/**
 * `tokenOf` from a request's headers, for requests that are no Hono context (the co-editing
 * endpoint's WebSocket upgrades: a browser's carries the cookie, another program may send
 * either). Never the URL: a token there lands in proxy logs and browser history.
 *
 * @example
 * tokenOfHeaders((name) => headerOf(request, name)) // 'q8Xr…' or undefined
 */
export function tokenOfHeaders(header: (name: string) => string | undefined): string | undefined {
  const authorization = header('authorization')
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim()
  const cookie = header('cookie')
  return cookie ? parse(cookie, SESSION_COOKIE)[SESSION_COOKIE] || undefined : undefined
}

/**
 * Requires a signed-in user: sets `c.var.user`, or answers 401 `unauthenticated`; a user who
 * must change their password first gets 403 `passwordChangeRequired` outside
 * `BEFORE_PASSWORD_CHANGE`.
 *
 * @example
 * app.use('/api/forms/*', requireUser(db))
 */
export function requireUser(db: Db): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = tokenOf(c)
    const user = token ? await userForToken(db, token) : null
    if (!user || !token) {
      throw new AppError('unauthenticated', 'Sign in first: no valid, unexpired session token')
    }
    if (user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.includes(c.req.path)) {
      throw new AppError(
        'passwordChangeRequired',
        'Change the temporary password first: POST /api/auth/password',
      )
    }
    c.set('user', user)
    c.set('token', token)
    await next()
  }
}
