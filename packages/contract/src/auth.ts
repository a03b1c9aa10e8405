import { z } from '@hono/zod-openapi'

/** A role grant of the signed-in user on an organisation (its path `/1/4/`). */
export const GrantSchema = z.object({ role: z.string(), orgId: z.number(), path: z.string() })

/** The signed-in user and their grants (`GET /api/me`). */
export const UserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    grants: z.array(GrantSchema),
    onPanel: z.boolean().openapi({
      description:
        'Named on a panel source (述职评议) of a campaign not closed: rates its units at /assess, ' +
        'with or without a role',
    }),
    mustChangePassword: z.boolean().openapi({
      description:
        'True after a temporary password: every other route answers 403 passwordChangeRequired until POST /api/auth/password',
    }),
  })
  .openapi('User')

/** `POST /api/auth/login`. */
export const LoginBodySchema = z.object({
  email: z.string().email(),
  password: z.string().min(1).max(200),
})

/** What `POST /api/auth/login` answers: a bearer token (also set as an httpOnly cookie). */
export const LoginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: UserSchema,
})

/**
 * `GET /api/auth/session`: whom the request's session (cookie or bearer token) signs in, or
 * `null`. Never 401: a browser page asks before anyone signed in, and its session is an
 * `HttpOnly` cookie that no script can look at.
 */
export const SessionStateSchema = z.object({ user: UserSchema.nullable() }).openapi('SessionState')

/** `POST /api/auth/password`: the current password and the new one (checked by the policy). */
export const ChangePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  })
  .openapi('ChangePasswordBody')

export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>
export type Grant = z.infer<typeof GrantSchema>
export type User = z.infer<typeof UserSchema>
export type LoginBody = z.input<typeof LoginBodySchema>
export type LoginResult = z.infer<typeof LoginResultSchema>
export type SessionState = z.infer<typeof SessionStateSchema>
