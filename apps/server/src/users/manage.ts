import type { CreateUserBody, ManagedUser, UpdateUserBody } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { and, eq, ne } from 'drizzle-orm'
import { type DbOrTx, recordAudit } from '../audit/record'
import { hashPassword } from '../auth/password'
import { generateTemporaryPassword } from '../auth/password-policy'
import { type AuthUser, revokeUserSessions } from '../auth/sessions'
import type { UserConnections } from '../collab/user-connections'
import { AppError } from '../http/errors'
import { assertAdmin, assertGrantsOn, assertManagesUser, commonPath, isRootAdmin } from './access'
import { createUser } from './create-user'
import { loadUser, managedUser } from './queries'

const { users, orgs } = schema

/** An organisation a role may be granted on, or 404 / 409 (retired) / 403 (outside the admin's reach). */
export async function grantableOrg(db: Db, actor: AuthUser, orgId: number) {
  const [org] = await db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name, retiredAt: orgs.retiredAt })
    .from(orgs)
    .where(eq(orgs.id, orgId))
  if (!org) throw new AppError('notFound', `No organisation ${orgId}`)
  assertGrantsOn(actor, org.path, orgId)
  if (org.retiredAt) {
    throw new AppError('conflict', `Organisation ${orgId} is retired: no role is granted on it`, {
      orgId,
      retiredAt: org.retiredAt.toISOString(),
    })
  }
  return org
}

/**
 * `POST /api/users`: a new user with roles inside the admin's subtrees and a temporary password
 * (returned once; they change it at first sign-in). A user with no role can only be created by
 * a root committee's admin (nobody else could see them afterwards); an existing e-mail is 409.
 *
 * @example
 * const { user, temporaryPassword } = await createUserByAdmin(db, admin, { email, name, grants })
 */
export async function createUserByAdmin(
  db: Db,
  actor: AuthUser,
  body: Required<Pick<CreateUserBody, 'email' | 'name'>> & { grants: CreateUserBody['grants'] },
): Promise<{ user: ManagedUser; temporaryPassword: string }> {
  assertAdmin(actor)
  const grants = uniqueGrants(body.grants ?? [])
  for (const grant of grants) await grantableOrg(db, actor, grant.orgId)
  if (grants.length === 0 && !isRootAdmin(actor)) {
    throw new AppError(
      'forbidden',
      'Give the new user a role inside your subtree: only a root committee admin creates users without roles',
      { roles: ['admin'] },
    )
  }
  const temporaryPassword = await generateTemporaryPassword()
  const row = await createUser(
    db,
    {
      email: body.email,
      name: body.name,
      password: temporaryPassword,
      grants,
      mustChangePassword: true,
    },
    { actorId: actor.id, ifExists: 'refuse' },
  )
  return { user: await managedUser(db, actor, row.id), temporaryPassword }
}

function uniqueGrants<T extends { role: string; orgId: number }>(grants: readonly T[]): T[] {
  const seen = new Set<string>()
  return grants.filter((g) => {
    const key = `${g.role}@${g.orgId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The user an admin is about to change, once the admin is known to reach every role they hold. */
async function managedTarget(db: Db, actor: AuthUser, id: number) {
  assertAdmin(actor)
  const target = await loadUser(db, id)
  assertManagesUser(actor, id, target.grants)
  return target
}

/**
 * Writes one change of a managed user in a transaction together with its `user.*` audit entry,
 * filed under the common path of the user's roles.
 */
async function auditedUserChange(
  db: Db,
  actor: AuthUser,
  target: Awaited<ReturnType<typeof loadUser>>,
  action: string,
  write: (tx: DbOrTx) => Promise<{ before?: unknown; after: unknown }>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { before, after } = await write(tx)
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entity: 'user',
      entityId: target.user.id,
      orgPath: commonPath(target.grants.map((g) => g.path)),
      before,
      after,
    })
  })
}

/** `PATCH /api/users/{id}`: name and/or e-mail of a user whose every role the admin reaches. */
export async function updateUser(
  db: Db,
  actor: AuthUser,
  id: number,
  body: UpdateUserBody,
): Promise<ManagedUser> {
  const target = await managedTarget(db, actor, id)
  const { user } = target
  const changes: { name?: string; email?: string } = {}
  if (body.name !== undefined && body.name !== user.name) changes.name = body.name
  if (body.email !== undefined && body.email !== user.email) changes.email = body.email
  if (Object.keys(changes).length === 0) return managedUser(db, actor, id)
  await auditedUserChange(db, actor, target, 'user.update', async (tx) => {
    if (changes.email) {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, changes.email), ne(users.id, id)))
      if (taken) {
        throw new AppError('conflict', `A user with the e-mail ${changes.email} exists`, {
          email: changes.email,
        })
      }
    }
    await tx.update(users).set(changes).where(eq(users.id, id))
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, user[k as 'name']]))
    return { before, after: changes }
  })
  return managedUser(db, actor, id)
}

/** What deactivation and password resets need beside the database. */
export interface AccountDeps {
  /** This process's live co-editing sockets (absent when the endpoint runs elsewhere). */
  sockets?: UserConnections
}

/**
 * `POST /api/users/{id}/deactivate`: the user can no longer sign in, every session ends and
 * their live co-editing sockets close at once (4401). Not oneself; 409 when already deactivated.
 */
export async function deactivateUser(
  db: Db,
  actor: AuthUser,
  id: number,
  { sockets }: AccountDeps = {},
): Promise<ManagedUser> {
  const target = await managedTarget(db, actor, id)
  if (id === actor.id) throw new AppError('conflict', 'You cannot deactivate yourself', { id })
  if (target.user.deactivatedAt) {
    throw new AppError('conflict', `User ${id} is already deactivated`, {
      deactivatedAt: target.user.deactivatedAt.toISOString(),
    })
  }
  const at = new Date()
  await auditedUserChange(db, actor, target, 'user.deactivate', async (tx) => {
    await tx.update(users).set({ deactivatedAt: at }).where(eq(users.id, id))
    const sessions = await revokeUserSessions(tx, id)
    return {
      before: { deactivatedAt: null },
      after: { deactivatedAt: at.toISOString(), sessionsEnded: sessions },
    }
  })
  sockets?.closeUserConnections(id, 'unauthenticated')
  return managedUser(db, actor, id)
}

/** `POST /api/users/{id}/reactivate`: may sign in again (with their password); 409 when active. */
export async function reactivateUser(db: Db, actor: AuthUser, id: number): Promise<ManagedUser> {
  const target = await managedTarget(db, actor, id)
  const { deactivatedAt } = target.user
  if (!deactivatedAt) throw new AppError('conflict', `User ${id} is active`, { id })
  await auditedUserChange(db, actor, target, 'user.reactivate', async (tx) => {
    await tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, id))
    return {
      before: { deactivatedAt: deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    }
  })
  return managedUser(db, actor, id)
}

/**
 * `POST /api/users/{id}/reset-password`: a new temporary password (returned once), to be changed
 * at the next sign-in; every session of the user ends and their sockets close. Not one's own
 * (that is `POST /api/auth/password`).
 */
export async function resetPassword(
  db: Db,
  actor: AuthUser,
  id: number,
  { sockets }: AccountDeps = {},
): Promise<{ temporaryPassword: string }> {
  const target = await managedTarget(db, actor, id)
  if (id === actor.id) {
    throw new AppError('conflict', 'Change your own password with POST /api/auth/password', { id })
  }
  const temporaryPassword = await generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  await auditedUserChange(db, actor, target, 'user.resetPassword', async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id))
    const sessions = await revokeUserSessions(tx, id)
    return { after: { mustChangePassword: true, sessionsEnded: sessions } }
  })
  sockets?.closeUserConnections(id, 'unauthenticated')
  return { temporaryPassword }
}
