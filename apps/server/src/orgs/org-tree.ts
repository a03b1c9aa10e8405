import { type Db, type OrgKind, type Role, schema, type UnitType } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { hashPassword } from '../auth/password'

/** What `insertOrg` needs: a parent (none for the top committee), a kind and a name. */
export interface NewOrg {
  parentId?: number | null
  kind: OrgKind
  name: string
  unitType?: UnitType | null
}

/**
 * Adds an organisation under its parent, with its materialised path (`/1/4/17/`), so a subtree
 * is always one prefix match. (The row is inserted first for its id, then given its own path.)
 *
 * @example
 * const branch = await insertOrg(db, { parentId: 4, kind: 'branch', name: '第一党支部', unitType: 'organ' })
 */
export async function insertOrg(db: Db, org: NewOrg) {
  const parentPath = org.parentId
    ? (
        await db
          .select({ path: schema.orgs.path })
          .from(schema.orgs)
          .where(eq(schema.orgs.id, org.parentId))
      )[0]?.path
    : '/'
  if (parentPath === undefined) throw new Error(`insertOrg: no parent organisation ${org.parentId}`)
  const [row] = await db
    .insert(schema.orgs)
    .values({
      parentId: org.parentId ?? null,
      kind: org.kind,
      name: org.name,
      unitType: org.unitType ?? null,
      path: parentPath,
    })
    .returning()
  if (!row) throw new Error('insertOrg: nothing inserted')
  const [withPath] = await db
    .update(schema.orgs)
    .set({ path: `${parentPath}${row.id}/` })
    .where(eq(schema.orgs.id, row.id))
    .returning()
  return withPath ?? row
}

/** What `createUser` needs: who, a password, and roles on organisations. */
export interface NewUser {
  email: string
  name: string
  password: string
  grants?: Array<{ role: Role; orgId: number }>
}

/**
 * Creates a user (email lower-cased, password hashed with scrypt) with their role grants, or
 * resets the password and adds the grants when the email exists.
 */
export async function createUser(db: Db, user: NewUser) {
  const passwordHash = await hashPassword(user.password)
  const [row] = await db
    .insert(schema.users)
    .values({ email: user.email.toLowerCase(), name: user.name, passwordHash })
    .onConflictDoUpdate({ target: schema.users.email, set: { passwordHash, name: user.name } })
    .returning()
  if (!row) throw new Error('createUser: nothing inserted')
  for (const grant of user.grants ?? []) {
    await db
      .insert(schema.roleGrants)
      .values({ userId: row.id, ...grant })
      .onConflictDoNothing()
  }
  return row
}
