import { createRoute } from '@hono/zod-openapi'
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  LoginResultSchema,
  SessionStateSchema,
  UserSchema,
} from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { deleteCookie, setCookie } from 'hono/cookie'
import { type AuthEnv, requireUser, SESSION_COOKIE, tokenOf } from '../auth/middleware'
import { verifyAgainstDummy, verifyPassword } from '../auth/password'
import { changeOwnPassword } from '../auth/password-change'
import { createSession, grantsOf, revokeSession, userForToken } from '../auth/sessions'
import { createSignInLimits } from '../auth/sign-in-limits'
import { userView } from '../auth/user-view'
import type { Config } from '../config'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { createRouter, errorResponses } from '../http/openapi'
import { clientAddress, isHttps } from '../http/trusted-proxy'

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  tags: ['auth'],
  summary: 'Sign in: a bearer token (also set as an httpOnly cookie)',
  description:
    'After `SIGN_IN_ATTEMPTS` (default 10) failures on one account from one address, that pair ' +
    'is locked for `SIGN_IN_LOCK_MINUTES` (default 15): 429 tooManyAttempts with `Retry-After` ' +
    'and `details.retryAfterSeconds`, even for the right password. A success clears the count. ' +
    'Browsers are signed in by the httpOnly cookie alone (the designer never reads the token); ' +
    'other programs send the token as `Authorization: Bearer`, on the co-editing socket’s ' +
    'upgrade too (never in a URL).',
  // Public: this is how a token is obtained.
  security: [],
  request: {
    body: {
      content: {
        'application/json': {
          schema: LoginBodySchema,
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in',
      content: {
        'application/json': {
          schema: LoginResultSchema,
        },
      },
    },
    ...errorResponses(400, 401, 429),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  operationId: 'logout',
  tags: ['auth'],
  summary: 'Sign out: revokes the session token',
  security: [{ bearer: [] }],
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
})

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/auth/password',
  operationId: 'changePassword',
  tags: ['auth'],
  summary: 'Change your own password · 修改密码',
  description:
    'The current password and a new one the policy accepts (at least 10 characters, not a ' +
    'common password, not guessable from your name or e-mail: 422 weakPassword with the ' +
    'reasons). Clears a temporary password’s must-change; your other sessions end.',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: ChangePasswordBodySchema } },
    },
  },
  responses: {
    200: {
      description: 'Changed: you, as GET /me answers',
      content: { 'application/json': { schema: UserSchema } },
    },
    ...errorResponses(400, 401, 403, 422),
  },
})

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getCurrentUser',
  tags: ['auth'],
  summary: 'The signed-in user and their roles',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...errorResponses(401),
  },
})

const sessionRoute = createRoute({
  method: 'get',
  path: '/auth/session',
  operationId: 'getSession',
  tags: ['auth'],
  summary: 'Whom this request’s session signs in, or null (never 401)',
  description:
    'What a browser page asks on load: its session is the httpOnly cookie, which no script can ' +
    'read. Answers `{ user: null }` without a valid session instead of 401.',
  // Sign-in optional: it answers for no session too.
  security: [{}, { bearer: [] }],
  responses: {
    200: {
      description: 'The session’s user, or null',
      content: { 'application/json': { schema: SessionStateSchema } },
    },
    ...errorResponses(400),
  },
})

/**
 * Sign-in, sign-out, `GET /api/me` and the password change. Sign-in attempts are limited by
 * `signInLimits` (default: counted in this process's memory).
 */
export function authRoutes(
  db: Db,
  config: Config,
  {
    sockets,
    signInLimits = createSignInLimits({ ...config, REDIS_URL: undefined }),
  }: Pick<AppDeps, 'sockets' | 'signInLimits'> = {},
) {
  const router = createRouter<AuthEnv>()
  router.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    const address = clientAddress(c, config)
    try {
      await signInLimits.admit(email, address)
    } catch (error) {
      if (error instanceof AppError && error.code === 'tooManyAttempts') {
        c.header(
          'Retry-After',
          String((error.details as { retryAfterSeconds: number }).retryAfterSeconds),
        )
      }
      throw error
    }
    const [user] = await db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, email.toLowerCase()))
    // The same answer, after the same work (one scrypt), for an unknown email, a wrong password
    // and a deactivated account: neither the words nor the time tell whether an account exists.
    const matches = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstDummy(password)
    if (!user || !matches || user.deactivatedAt) {
      await signInLimits.failed(email, address)
      throw new AppError('unauthenticated', 'Wrong email or password')
    }
    await signInLimits.succeeded(email, address)
    const { token, expiresAt } = await createSession(db, user.id, config.SESSION_HOURS)
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      expires: expiresAt,
      secure: isHttps(c, config),
    })
    const grants = await grantsOf(db, user.id)
    return c.json(
      {
        token,
        expiresAt: expiresAt.toISOString(),
        user: await userView(db, {
          id: user.id,
          email: user.email,
          name: user.name,
          grants,
          mustChangePassword: user.mustChangePassword,
        }),
      },
      200,
    )
  })
  router.use('/auth/logout', requireUser(db))
  router.openapi(logoutRoute, async (c) => {
    await revokeSession(db, c.var.token)
    // Its sockets end now: revalidation alone would leave them writing for up to 10 s.
    sockets?.closeSessionConnections(c.var.token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })
  router.openapi(sessionRoute, async (c) => {
    const token = tokenOf(c)
    const user = token ? await userForToken(db, token) : null
    return c.json({ user: user ? await userView(db, user) : null }, 200)
  })
  router.use('/me', requireUser(db))
  router.openapi(meRoute, async (c) => c.json(await userView(db, c.var.user), 200))
  router.use('/auth/password', requireUser(db))
  router.openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    await changeOwnPassword(db, c.var.user, c.var.token, { currentPassword, newPassword, sockets })
    return c.json(await userView(db, { ...c.var.user, mustChangePassword: false }), 200)
  })
  return router
}
