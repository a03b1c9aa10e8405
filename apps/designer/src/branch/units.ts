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

/** Whether the user only works as a branch (no designer role): their start page is `/branch`. */
export function isBranchOnly(user: Pick<User, 'grants'>): boolean {
  const designer = new Set(['admin', 'editor', 'reviewer', 'assessor'])
  return branchUnits(user).length > 0 && !user.grants.some((g) => designer.has(g.role))
}
