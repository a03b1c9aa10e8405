import { createRoute } from '@hono/zod-openapi'
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  LoginResultSchema,
  UserSchema,
} from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { deleteCookie, setCookie } from 'hono/cookie'
import { type AuthEnv, requireUser, SESSION_COOKIE } from '../auth/middleware'
import { verifyPassword } from '../auth/password'
import { changeOwnPassword } from '../auth/password-change'
import { createSession, grantsOf, revokeSession } from '../auth/sessions'
import type { Config } from '../config'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { createRouter, errorResponses } from '../http/openapi'

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  tags: ['auth'],
  summary: 'Sign in: a bearer token (also set as an httpOnly cookie)',
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
    ...errorResponses(400, 401),
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

/** Sign-in, sign-out, `GET /api/me` and the password change. */
export function authRoutes(db: Db, config: Config, { sockets }: Pick<AppDeps, 'sockets'> = {}) {
  const router = createRouter<AuthEnv>()
  router.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    const [user] = await db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, email.toLowerCase()))
    // The same answer for an unknown email, a wrong password and a deactivated account: no
    // account probing.
    const matches = user ? await verifyPassword(password, user.passwordHash) : false
    if (!user || !matches || user.deactivatedAt) {
      throw new AppError('unauthenticated', 'Wrong email or password')
    }
    const { token, expiresAt } = await createSession(db, user.id, config.SESSION_HOURS)
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      expires: expiresAt,
      secure: new URL(c.req.url).protocol === 'https:',
    })
    const grants = await grantsOf(db, user.id)
    return c.json(
      {
        token,
        expiresAt: expiresAt.toISOString(),
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          grants,
          mustChangePassword: user.mustChangePassword,
        },
      },
      200,
    )
  })
  router.use('/auth/logout', requireUser(db))
  router.openapi(logoutRoute, async (c) => {
    await revokeSession(db, c.var.token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })
  router.use('/me', requireUser(db))
  router.openapi(meRoute, (c) => c.json(c.var.user, 200))
  router.use('/auth/password', requireUser(db))
  router.openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    await changeOwnPassword(db, c.var.user, c.var.token, { currentPassword, newPassword, sockets })
    return c.json({ ...c.var.user, mustChangePassword: false }, 200)
  })
  return router
}
