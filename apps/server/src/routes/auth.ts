import { createRoute, z } from '@hono/zod-openapi'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { deleteCookie, setCookie } from 'hono/cookie'
import { type AuthEnv, requireUser, SESSION_COOKIE } from '../auth/middleware'
import { verifyPassword } from '../auth/password'
import { createSession, grantsOf, revokeSession } from '../auth/sessions'
import type { Config } from '../config'
import { AppError } from '../http/errors'
import { createRouter, errorResponses } from '../http/openapi'

const UserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    grants: z.array(z.object({ role: z.string(), orgId: z.number(), path: z.string() })),
  })
  .openapi('User')

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in: a bearer token (also set as an httpOnly cookie)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ email: z.string().email(), password: z.string().min(1).max(200) }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in',
      content: {
        'application/json': {
          schema: z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: revokes the session token',
  security: [{ bearer: [] }],
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
})

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user and their roles',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } },
    ...errorResponses(401),
  },
})

/** Sign-in, sign-out and `GET /api/me`. */
export function authRoutes(db: Db, config: Config) {
  const router = createRouter<AuthEnv>()
  router.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json')
    const [user] = await db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, email.toLowerCase()))
    // The same answer for an unknown email and a wrong password: no account probing.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
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
        user: { id: user.id, email: user.email, name: user.name, grants },
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
  return router
}
