import type { ManagedUser, UserListFilters } from '@yardstick/contract'
import { type Db, type Role, schema } from '@yardstick/db'
import {
  and,
  asc,
  count,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  not,
  or,
  type SQL,
} from 'drizzle-orm'
import type { DbOrTx } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { pageWindow } from '../forms/pagination'
import { AppError } from '../http/errors'
import { adminPaths, assertAdmin, assertSeesUser, insideAny, isRootAdmin } from './access'

const { users, roleGrants, orgs } = schema

/** One grant of a user with where it is held. */
export interface UserGrant {
  id: number
  role: Role
  orgId: number
  path: string
  orgName: string
}

/** A user row as the users area reads it (never the password hash). */
export const USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  mustChangePassword: users.mustChangePassword,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
}
export interface UserRow {
  id: number
  email: string
  name: string
  mustChangePassword: boolean
  deactivatedAt: Date | null
  createdAt: Date
}

/** Every grant of the given users, by user id, in grant order. */
export async function grantsByUser(
  db: DbOrTx,
  userIds: number[],
): Promise<Map<number, UserGrant[]>> {
  const byUser = new Map<number, UserGrant[]>(userIds.map((id) => [id, []]))
  if (userIds.length === 0) return byUser
  const rows = await db
    .select({
      userId: roleGrants.userId,
      id: roleGrants.id,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      path: orgs.path,
      orgName: orgs.name,
    })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.id))
  for (const { userId, ...grant } of rows) byUser.get(userId)?.push(grant)
  return byUser
}

/** A user and all their grants, or 404. */
export async function loadUser(
  db: DbOrTx,
  id: number,
): Promise<{ user: UserRow; grants: UserGrant[] }> {
  const [user] = await db.select(USER_COLUMNS).from(users).where(eq(users.id, id))
  if (!user) throw new AppError('notFound', `No user ${id}`)
  const grants = (await grantsByUser(db, [id])).get(id) ?? []
  return { user, grants }
}

/** A user as an admin sees them: only the grants inside the admin's subtrees, the rest counted. */
export function toManagedUser(actor: AuthUser, user: UserRow, grants: UserGrant[]): ManagedUser {
  const paths = adminPaths(actor)
  const mine = grants.filter((g) => insideAny(paths, g.path))
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.deactivatedAt === null,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    grants: mine,
    otherGrants: grants.length - mine.length,
  }
}

/** `toManagedUser` of a user read afresh (after a change). */
export async function managedUser(db: DbOrTx, actor: AuthUser, id: number): Promise<ManagedUser> {
  const { user, grants } = await loadUser(db, id)
  return toManagedUser(actor, user, grants)
}

/** `GET /api/users/{id}`: a user the admin sees, or 403 / 404. */
export async function getManagedUser(db: Db, actor: AuthUser, id: number): Promise<ManagedUser> {
  assertAdmin(actor)
  const { user, grants } = await loadUser(db, id)
  assertSeesUser(actor, id, grants)
  return toManagedUser(actor, user, grants)
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The users an admin manages (`GET /api/users`), oldest first: those holding a grant inside the
 * admin's subtrees (and, for a root committee's admin, those with none), filtered by part of
 * the name or e-mail, a subtree (an organisation the admin reaches), a role and active or not.
 *
 * @example
 * await listUsers(db, admin, { limit: 20, role: 'secretary', active: true })
 */
export async function listUsers(db: Db, actor: AuthUser, query: UserListFilters) {
  assertAdmin(actor)
  const paths = adminPaths(actor)
  let subtree: string | null = null
  if (query.subtree !== undefined) {
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, query.subtree))
    if (!org) throw new AppError('notFound', `No organisation ${query.subtree}`)
    if (!insideAny(paths, org.path)) {
      throw new AppError(
        'forbidden',
        `Organisation ${query.subtree} is outside your admin subtrees`,
        {
          roles: ['admin'],
        },
      )
    }
    subtree = org.path
  }
  const grantConditions: Array<SQL | undefined> = [
    eq(roleGrants.userId, users.id),
    or(...paths.map((path) => like(orgs.path, `${path}%`))),
    subtree ? like(orgs.path, `${subtree}%`) : undefined,
    query.role ? eq(roleGrants.role, query.role) : undefined,
  ]
  const holdsInReach = exists(
    db
      .select({ one: roleGrants.id })
      .from(roleGrants)
      .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
      .where(and(...grantConditions)),
  )
  const noGrant = not(
    exists(
      db.select({ one: roleGrants.id }).from(roleGrants).where(eq(roleGrants.userId, users.id)),
    ),
  )
  const visible =
    isRootAdmin(actor) && !subtree && !query.role ? or(holdsInReach, noGrant) : holdsInReach
  const conditions: Array<SQL | undefined> = [visible]
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)))
  }
  if (query.active !== undefined) {
    conditions.push(query.active ? isNull(users.deactivatedAt) : isNotNull(users.deactivatedAt))
  }
  const where = and(...conditions)
  const window = pageWindow(query, users.id, 'asc')
  const [counted] = await db.select({ total: count() }).from(users).where(where)
  const rows = await db
    .select(USER_COLUMNS)
    .from(users)
    .where(and(where, window.after))
    .orderBy(window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
  const page = window.page(rows, counted?.total, (row) => row.id)
  const grants = await grantsByUser(
    db,
    page.items.map((u) => u.id),
  )
  return {
    ...page,
    items: page.items.map((u) => toManagedUser(actor, u, grants.get(u.id) ?? [])),
  }
}

/** Which of these e-mails (lower-cased) belong to users, with their ids. */
export async function usersByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, number>> {
  if (emails.length === 0) return new Map()
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails))
  return new Map(rows.map((r) => [r.email, r.id]))
}
