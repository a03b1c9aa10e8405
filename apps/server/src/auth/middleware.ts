import type { Db } from '@yardstick/db'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
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
  const header = c.req.header('authorization')
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim()
  return getCookie(c, SESSION_COOKIE)
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
