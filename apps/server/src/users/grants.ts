import type { GrantInput, ManagedUser } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { assertAdmin, assertGrantsOn, assertSeesUser } from './access'
import { grantableOrg } from './manage'
import { loadUser, managedUser } from './queries'

const { roleGrants } = schema

/**
 * `POST /api/users/{id}/grants`: grants a role on an organisation inside the admin's subtrees
 * to a user the admin sees. An admin may grant any role there, admin included — never on an
 * organisation above or beside their subtrees. 409 when the user holds it already.
 *
 * @example
 * await grantRole(db, admin, 12, { role: 'assessor', orgId: 4 })
 */
export async function grantRole(
  db: Db,
  actor: AuthUser,
  userId: number,
  grant: GrantInput,
): Promise<ManagedUser> {
  assertAdmin(actor)
  const { grants } = await loadUser(db, userId)
  assertSeesUser(actor, userId, grants)
  const org = await grantableOrg(db, actor, grant.orgId)
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(roleGrants)
      .values({ userId, role: grant.role, orgId: grant.orgId })
      .onConflictDoNothing()
      .returning()
    if (!added) {
      throw new AppError(
        'conflict',
        `User ${userId} already holds ${grant.role} on organisation ${grant.orgId}`,
        { role: grant.role, orgId: grant.orgId },
      )
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.grant',
      entity: 'roleGrant',
      entityId: added.id,
      orgPath: org.path,
      after: { userId, role: grant.role, orgId: grant.orgId },
    })
  })
  return managedUser(db, actor, userId)
}

/**
 * `DELETE /api/users/{id}/grants/{grantId}`: revokes one grant held inside the admin's subtrees.
 * Revoking one's own last admin grant is refused (409): someone must be left to manage.
 */
export async function revokeRole(
  db: Db,
  actor: AuthUser,
  userId: number,
  grantId: number,
): Promise<ManagedUser> {
  assertAdmin(actor)
  const { grants } = await loadUser(db, userId)
  assertSeesUser(actor, userId, grants)
  const grant = grants.find((g) => g.id === grantId)
  if (!grant) throw new AppError('notFound', `User ${userId} holds no grant ${grantId}`)
  assertGrantsOn(actor, grant.path, grant.orgId)
  if (
    userId === actor.id &&
    grant.role === 'admin' &&
    grants.filter((g) => g.role === 'admin').length === 1
  ) {
    throw new AppError('conflict', 'You cannot revoke your own last admin role', { grantId })
  }
  await db.transaction(async (tx) => {
    await tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)))
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.revoke',
      entity: 'roleGrant',
      entityId: grantId,
      orgPath: grant.path,
      before: { userId, role: grant.role, orgId: grant.orgId },
    })
  })
  return managedUser(db, actor, userId)
}
