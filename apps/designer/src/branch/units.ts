import type { User } from '../api/types'

/**
 * The branches whose self-check this user fills: the organisations of their `secretary` grants
 * (a branch committee's writing role).
 *
 * @example
 * branchUnits(user) // [17]
 */
export function branchUnits(user: Pick<User, 'grants'>): number[] {
  return [...new Set(user.grants.filter((g) => g.role === 'secretary').map((g) => g.orgId))]
}
