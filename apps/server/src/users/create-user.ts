import { type Role, schema } from '@yardstick/db'
import { eq, inArray } from 'drizzle-orm'
import { type DbOrTx, recordAudit } from '../audit/record'
import { hashPassword } from '../auth/password'
import { AppError } from '../http/errors'
import { commonPath } from './access'

/** What `createUser` needs: who, a password, and roles on organisations. */
export interface NewUser {
  email: string
  name: string
  /** The password; or give `passwordHash` when it was hashed already (an import hashes ahead). */
  password?: string
  passwordHash?: string
  grants?: Array<{ role: Role; orgId: number }>
  /** A temporary password: the first sign-in must change it (default false). */
  mustChangePassword?: boolean
}

/** Options of `createUser`. */
export interface CreateUserOptions {
  /** Who creates the user, for the audit log (default null: the system — seed, harness). */
  actorId?: number | null
  /**
   * When the e-mail exists: `update` resets its password and name and adds the grants (the
   * seed and `ADMIN_EMAIL`, default); `refuse` answers 409 `conflict` and changes nothing (the API).
   */
  ifExists?: 'update' | 'refuse'
}

/**
 * Creates a user (e-mail lower-cased, password hashed with scrypt) with their role grants, in
 * one transaction with its audit entries (`user.create`, `role.grant`; never the password). The
 * one way users are made: the API, the people import, the demo seed and the test harness.
 *
 * @example
 * const user = await createUser(db, { email: 'wang@example.org', name: '王伟', password,
 *   grants: [{ role: 'secretary', orgId: 17 }] }, { actorId: admin.id, ifExists: 'refuse' })
 */
export async function createUser(
  db: DbOrTx,
  user: NewUser,
  { actorId = null, ifExists = 'update' }: CreateUserOptions = {},
) {
  const email = user.email.toLowerCase()
  const passwordHash =
    user.passwordHash ??
    (user.password === undefined ? undefined : await hashPassword(user.password))
  if (passwordHash === undefined) throw new Error('createUser: give a password or its hash')
  const mustChangePassword = user.mustChangePassword ?? false
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, email))
    if (existing && ifExists === 'refuse') {
      throw new AppError('conflict', `A user with the e-mail ${email} exists`, { email })
    }
    const values = { email, name: user.name, passwordHash, mustChangePassword }
    const [row] = await tx
      .insert(schema.users)
      .values(values)
      .onConflictDoUpdate({
        target: schema.users.email,
        set: { passwordHash, name: user.name, mustChangePassword },
      })
      .returning()
    if (!row) throw new Error('createUser: nothing inserted')
    const grants = user.grants ?? []
    const added = []
    for (const grant of grants) {
      const [inserted] = await tx
        .insert(schema.roleGrants)
        .values({ userId: row.id, ...grant })
        .onConflictDoNothing()
        .returning()
      if (inserted) added.push(inserted)
    }
    const orgIds = [...new Set(added.map((g) => g.orgId))]
    const paths = new Map(
      orgIds.length === 0
        ? []
        : (
            await tx
              .select({ id: schema.orgs.id, path: schema.orgs.path })
              .from(schema.orgs)
              .where(inArray(schema.orgs.id, orgIds))
          ).map((o) => [o.id, o.path]),
    )
    const snapshot = { email: row.email, name: row.name, mustChangePassword }
    await recordAudit(
      tx,
      {
        actorId,
        action: existing ? 'user.update' : 'user.create',
        entity: 'user',
        entityId: row.id,
        orgPath: commonPath(added.map((g) => paths.get(g.orgId) ?? '/')),
        after: existing ? { ...snapshot, passwordReset: true } : snapshot,
      },
      ...added.map((g) => ({
        actorId,
        action: 'role.grant',
        entity: 'roleGrant',
        entityId: g.id,
        orgPath: paths.get(g.orgId) ?? null,
        after: { userId: row.id, role: g.role, orgId: g.orgId },
      })),
    )
    return row
  })
}
