import { createHash, randomBytes } from 'node:crypto'
import { type Db, type Role, schema } from '@yardstick/db'
import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import type { DbOrTx } from '../audit/record'

/** A signed-in user with the roles they hold, each on an organisation subtree (its path). */
export interface AuthUser {
  id: number
  email: string
  name: string
  grants: Grant[]
}

/** The user a session token signs in: `AuthUser` and whether a password change comes first. */
export interface SessionUser extends AuthUser {
  /** Signed in with a temporary password: only me, sign-out and the password change answer. */
  mustChangePassword: boolean
}

export interface Grant {
  role: Role
  orgId: number
  path: string
}

/** SHA-256 of a token: what the database keeps, so a leaked table signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Starts a session: a random 256-bit token, stored only as its hash.
 *
 * @example
 * const { token } = await createSession(db, user.id, 12)
 */
export async function createSession(db: Db, userId: number, hours: number) {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + hours * 3_600_000)
  await db.insert(schema.sessions).values({ tokenHash: hashToken(token), userId, expiresAt })
  return { token, expiresAt }
}

/**
 * The user a token signs in, or null when it is unknown, expired or revoked, or its user is
 * deactivated.
 */
export async function userForToken(db: Db, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      mustChangePassword: schema.users.mustChangePassword,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        eq(schema.sessions.tokenHash, hashToken(token)),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, new Date()),
        isNull(schema.users.deactivatedAt),
      ),
    )
  if (!row) return null
  return { ...row, grants: await grantsOf(db, row.id) }
}

/** Every role a user holds, with the path of the organisation it is held on. */
export async function grantsOf(db: Db, userId: number): Promise<Grant[]> {
  return db
    .select({
      role: schema.roleGrants.role,
      orgId: schema.roleGrants.orgId,
      path: schema.orgs.path,
    })
    .from(schema.roleGrants)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.roleGrants.orgId))
    .where(eq(schema.roleGrants.userId, userId))
}

/** Ends a session; its token signs nobody in from now on. */
export async function revokeSession(db: Db, token: string): Promise<void> {
  await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(eq(schema.sessions.tokenHash, hashToken(token)))
}

/**
 * Ends every open session of a user (deactivation, a password reset), or every one but `keep`
 * (the session that changed its own password). Returns how many ended.
 *
 * @example
 * await revokeUserSessions(tx, userId)
 */
export async function revokeUserSessions(
  db: DbOrTx,
  userId: number,
  keep?: string,
): Promise<number> {
  const ended = await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(schema.sessions.userId, userId),
        isNull(schema.sessions.revokedAt),
        keep === undefined ? undefined : ne(schema.sessions.tokenHash, hashToken(keep)),
      ),
    )
    .returning({ id: schema.sessions.id })
  return ended.length
}
