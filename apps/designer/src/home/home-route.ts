import type { User } from '../api/types'

/** The roles a grant can carry (the server's `ROLES`). */
type Role = 'admin' | 'editor' | 'reviewer' | 'secretary' | 'assessor'

/**
 * Each role's home, where it lands after signing in: what it has to do first.
 * - admin: 需要关注 (`/overview`): open campaigns' participation, rectifications overdue or
 *   waiting to be accepted;
 * - secretary: the branch's to-dos (`/branch`): self-checks to fill and submit, rectifications;
 * - assessor: the branches still to score (`/assess`);
 * - editor: the forms (`/forms`);
 * - reviewer: forms with open review threads and forms to review (`/review`).
 * A user with several roles lands on the first of this list they hold: whoever runs the office
 * sees it whole; deadlines set by others (a branch's self-check, scorecards) come before work
 * one sets oneself (designing forms), and designing before reviewing someone else's design.
 *
 * @example
 * HOMES.map((h) => h.role) // ['admin', 'secretary', 'assessor', 'editor', 'reviewer']
 */
export const HOMES = [
  { role: 'admin', home: 'overview', path: '/overview' },
  { role: 'secretary', home: 'branch', path: '/branch' },
  { role: 'assessor', home: 'assess', path: '/assess' },
  { role: 'editor', home: 'forms', path: '/forms' },
  { role: 'reviewer', home: 'review', path: '/review' },
] as const satisfies ReadonlyArray<{ role: Role; home: string; path: string }>
export type Home = (typeof HOMES)[number]['home']

/**
 * The home a user lands on after signing in (see `HOMES`; a panel member's is the assessor's),
 * or null for an account without any role or panel (it is told so instead of meeting a refusal).
 *
 * @example
 * homeOf({ grants: [{ role: 'assessor', orgId: 4, path: '/1/4/' }] }) // { home: 'assess', path: '/assess', … }
 */
export function homeOf(user: Pick<User, 'grants' | 'onPanel'>): (typeof HOMES)[number] | null {
  const roles = new Set<string>(user.grants.map((grant) => grant.role))
  // A panel member (述职评议) rates units on the assessor's page, with or without the role.
  if (user.onPanel) roles.add('assessor')
  return HOMES.find((entry) => roles.has(entry.role)) ?? null
}

/**
 * The header's sections and the roles that use each: a section shows only to a user holding
 * one of its roles (an admin too only where listed: the admin's own work, not a branch's).
 *
 * @example
 * NAV_ITEMS.find((n) => n.key === 'rectifications')?.roles // ['admin', 'assessor', 'editor']
 */
export const NAV_ITEMS = [
  { key: 'overview', path: '/overview', roles: ['admin'] },
  { key: 'branch', path: '/branch', roles: ['secretary'] },
  { key: 'assess', path: '/assess', roles: ['admin', 'assessor'] },
  { key: 'forms', path: '/forms', roles: ['admin', 'editor', 'reviewer'] },
  { key: 'review', path: '/review', roles: ['editor', 'reviewer'] },
  { key: 'campaigns', path: '/campaigns', roles: ['admin', 'editor', 'assessor', 'secretary'] },
  { key: 'rectifications', path: '/rectifications', roles: ['admin', 'assessor', 'editor'] },
  { key: 'admin', path: '/admin/orgs', roles: ['admin'] },
] as const satisfies ReadonlyArray<{ key: string; path: string; roles: readonly Role[] }>
export type NavItem = (typeof NAV_ITEMS)[number]
export type NavKey = NavItem['key']

/**
 * The header's sections for a user: those one of their roles uses, in `NAV_ITEMS` order, and
 * 考评任务 for a panel member (`onPanel`) whatever their roles.
 *
 * @example
 * navItemsOf(secretary).map((n) => n.key) // ['branch', 'campaigns']
 */
export function navItemsOf(user: Pick<User, 'grants' | 'onPanel'>): NavItem[] {
  const roles = new Set(user.grants.map((grant) => grant.role))
  return NAV_ITEMS.filter(
    (item) =>
      item.roles.some((role: Role) => roles.has(role)) || (item.key === 'assess' && user.onPanel),
  )
}
