import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'

/** A grant as the users area reads it: where it is held (the organisation's path). */
export interface PlacedGrant {
  path: string
}

/**
 * The subtrees where a user is admin: an admin manages the users who hold a grant inside them,
 * and grants or revokes roles (any role, admin included) only inside them — never above.
 */
export function adminPaths(user: AuthUser): string[] {
  return user.grants.filter((g) => g.role === 'admin').map((g) => g.path)
}

/** Whether an organisation path lies inside one of `paths` (subtrees). */
export function insideAny(paths: readonly string[], orgPath: string): boolean {
  return paths.some((path) => orgPath.startsWith(path))
}

/** Admin of a root committee (a path of one id, `/1/`): the only one who sees users with no grant. */
export function isRootAdmin(user: AuthUser): boolean {
  return adminPaths(user).some((path) => path.split('/').filter(Boolean).length === 1)
}

/** Throws 403 unless the user is an admin somewhere: the users API is for admins. */
export function assertAdmin(user: AuthUser): void {
  if (adminPaths(user).length === 0) {
    throw new AppError('forbidden', 'Only admins manage users', { roles: ['admin'] })
  }
}

/**
 * Whether an admin may see (and grant or revoke roles of) a user holding `grants`: at least one
 * of them inside the admin's subtrees; a user with no grant only by a root committee's admin.
 */
export function canSeeUser(actor: AuthUser, grants: readonly PlacedGrant[]): boolean {
  if (grants.length === 0) return isRootAdmin(actor)
  const paths = adminPaths(actor)
  return grants.some((g) => insideAny(paths, g.path))
}

/** Throws 403 unless `canSeeUser`. */
export function assertSeesUser(actor: AuthUser, userId: number, grants: readonly PlacedGrant[]) {
  if (!canSeeUser(actor, grants)) {
    throw new AppError('forbidden', `User ${userId} holds no role inside your admin subtrees`, {
      roles: ['admin'],
    })
  }
}

/**
 * Throws 403 unless the admin reaches EVERY grant of the user: what acts on the person rather
 * than on one grant (e-mail, name, deactivation, password reset) would otherwise let the admin
 * of a sub-committee take over an account that holds more than they do (e.g. reset the password
 * of a committee admin who is also an editor in the sub-committee).
 */
export function assertManagesUser(
  actor: AuthUser,
  userId: number,
  grants: readonly PlacedGrant[],
): void {
  assertSeesUser(actor, userId, grants)
  const paths = adminPaths(actor)
  const outside = grants.filter((g) => !insideAny(paths, g.path)).length
  if (outside > 0) {
    throw new AppError(
      'forbidden',
      `User ${userId} holds ${outside} role(s) outside your admin subtrees: an admin above them manages the account`,
      { roles: ['admin'], outside },
    )
  }
}

/** Throws 403 unless the admin's subtrees hold the organisation a role is granted or revoked on. */
export function assertGrantsOn(actor: AuthUser, orgPath: string, orgId: number): void {
  if (!insideAny(adminPaths(actor), orgPath)) {
    throw new AppError(
      'forbidden',
      `Organisation ${orgId} is outside your admin subtrees: you grant and revoke roles only inside them`,
      { roles: ['admin'], orgId },
    )
  }
}

/**
 * The lowest organisation path holding every path given (`/1/4/17/`, `/1/4/18/` → `/1/4/`), the
 * audit log's `orgPath` for a change to a person; null for none (read by root admins only).
 */
export function commonPath(paths: readonly string[]): string | null {
  const [first, ...rest] = paths.map((p) => p.split('/').filter(Boolean))
  if (!first) return null
  let length = first.length
  for (const ids of rest) {
    let i = 0
    while (i < length && ids[i] === first[i]) i++
    length = i
  }
  return length === 0 ? null : `/${first.slice(0, length).join('/')}/`
}
