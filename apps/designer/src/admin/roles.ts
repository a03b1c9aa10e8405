import type { Role } from '@yardstick/contract'

// Every role of the server's `ROLES` (packages/db/src/enums.ts), in the order a picker lists
// them: a record over the contract's type-only `Role`, so a role added there without a place here
// fails the typecheck (the designer does not bundle the database package).
const ORDER = {
  secretary: 1,
  assessor: 2,
  editor: 3,
  reviewer: 4,
  admin: 5,
} as const satisfies Record<Role, number>

/**
 * The roles an admin can grant, in a picker's order (the branch's own roles first).
 *
 * @example
 * GRANT_ROLES[0] // 'secretary'
 */
export const GRANT_ROLES = Object.keys(ORDER) as Role[]
