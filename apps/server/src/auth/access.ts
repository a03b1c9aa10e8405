import type { Role } from '@yardstick/db'
import { AppError } from '../http/errors'
import type { AuthUser } from './sessions'

/**
 * Whether a user holds one of `roles` on an organisation or an ancestor of it (roles reach
 * the whole subtree). `admin` holds every role.
 *
 * @example
 * reaches(user, '/1/4/17/', ['secretary']) // true for the secretary of branch 17 or an admin above it
 */
export function reaches(user: AuthUser, orgPath: string, roles: readonly Role[]): boolean {
  return user.grants.some(
    (grant) =>
      (grant.role === 'admin' || roles.includes(grant.role)) && orgPath.startsWith(grant.path),
  )
}

/** Throws 403 unless `reaches(user, orgPath, roles)`. */
export function assertReaches(
  user: AuthUser,
  orgPath: string,
  roles: readonly Role[],
  what: string,
): void {
  if (!reaches(user, orgPath, roles)) {
    throw new AppError('forbidden', `You have no ${roles.join('/')} role that reaches ${what}`, {
      roles,
    })
  }
}

/** The org paths where a user holds one of `roles`: the subtrees a list may show. */
export function reachablePaths(user: AuthUser, roles: readonly Role[]): string[] {
  return user.grants
    .filter((grant) => grant.role === 'admin' || roles.includes(grant.role))
    .map((grant) => grant.path)
}
