import type { Role } from '@yardstick/db'
import { reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { SELF_CHECK_WRITERS } from './context'

/**
 * Who checks a branch's rectifications and accepts (销号) or returns (退回) them, beside admins:
 * assessors, the superior office's people who evaluate the branch (上级考评). Editors design
 * forms and read the list; reviewers review forms; neither signs a branch's work off.
 */
export const RECTIFICATION_REVIEWERS = ['assessor'] as const satisfies readonly Role[]

/**
 * Whether a user may accept or return a branch's rectification: an admin or assessor grant on an
 * organisation strictly above the branch (a grant on the branch itself is the branch's own), and
 * no secretary role on the branch — whoever fixes the problem never signs it off.
 *
 * @param unitPath the branch's path, `/1/4/17/`
 * @example
 * mayReview(assessorOfSub4, '/1/4/17/') // true
 * mayReview(secretaryOf17, '/1/4/17/') // false
 */
export function mayReview(user: AuthUser, unitPath: string): boolean {
  if (isOwnBranch(user, unitPath)) return false
  const roles: readonly Role[] = RECTIFICATION_REVIEWERS
  return user.grants.some(
    (grant) =>
      (grant.role === 'admin' || roles.includes(grant.role)) &&
      unitPath.startsWith(grant.path) &&
      unitPath !== grant.path,
  )
}

/** Whether the user works on the branch's rectifications (its secretary, or an admin). */
export function mayUpdate(user: AuthUser, unitPath: string): boolean {
  return reaches(user, unitPath, SELF_CHECK_WRITERS)
}

/** Throws 403 unless `mayReview(user, unit.path)`, saying why. */
export function assertReviews(user: AuthUser, unit: { path: string; name: string }): void {
  if (mayReview(user, unit.path)) return
  const own = isOwnBranch(user, unit.path)
  throw new AppError(
    'forbidden',
    own
      ? `You are a secretary of ${unit.name}: its rectifications are accepted by the office above`
      : `Only an admin or assessor of an office above ${unit.name} accepts or returns its rectifications`,
    { roles: ['admin', ...RECTIFICATION_REVIEWERS], ownBranch: own },
  )
}

function isOwnBranch(user: AuthUser, unitPath: string): boolean {
  return user.grants.some((grant) => grant.role === 'secretary' && unitPath.startsWith(grant.path))
}
