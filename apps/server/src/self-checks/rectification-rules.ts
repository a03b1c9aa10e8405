import type { RectificationStatus } from '@yardstick/db'
import { AppError } from '../http/errors'

/** Who moves a rectification: the branch that fixes it, or the superior office that checks it. */
export const RECTIFICATION_ACTORS = ['branch', 'superior'] as const
export type RectificationActor = (typeof RECTIFICATION_ACTORS)[number]

/**
 * Every move a rectification can make (整改 → 销号), and who makes it; nothing else is allowed.
 * The branch works on it (open → inProgress), says it is done (→ fixed, with evidence), or takes
 * that back before it is checked (fixed → inProgress); the superior accepts it (销号: fixed →
 * accepted, final) or sends it back with a reason (退回: fixed → returned), and the branch works
 * on it again.
 *
 * @example
 * RECTIFICATION_TRANSITIONS.filter((t) => t.from === 'fixed').map((t) => t.to)
 * // ['inProgress', 'accepted', 'returned']
 */
export const RECTIFICATION_TRANSITIONS = [
  { from: 'open', to: 'inProgress', by: 'branch' },
  { from: 'open', to: 'fixed', by: 'branch' },
  { from: 'inProgress', to: 'fixed', by: 'branch' },
  { from: 'returned', to: 'inProgress', by: 'branch' },
  { from: 'returned', to: 'fixed', by: 'branch' },
  { from: 'fixed', to: 'inProgress', by: 'branch' },
  { from: 'fixed', to: 'accepted', by: 'superior' },
  { from: 'fixed', to: 'returned', by: 'superior' },
] as const satisfies ReadonlyArray<{
  from: RectificationStatus
  to: RectificationStatus
  by: RectificationActor
}>

/** Statuses in which a rectification no longer runs late: done, or accepted. */
export const SETTLED_STATUSES = ['fixed', 'accepted'] as const satisfies RectificationStatus[]

/** The statuses `by` may move a rectification to from `from`. */
export function nextStatuses(
  from: RectificationStatus,
  by: RectificationActor,
): RectificationStatus[] {
  return RECTIFICATION_TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.to)
}

/**
 * Throws 409 `invalidTransition` (details: from, to, by, allowed) unless the table lets `by`
 * move a rectification from `from` to `to`. An accepted rectification goes nowhere.
 *
 * @example
 * assertTransition('fixed', 'accepted', 'superior') // passes
 * assertTransition('open', 'accepted', 'superior') // throws invalidTransition
 */
export function assertTransition(
  from: RectificationStatus,
  to: RectificationStatus,
  by: RectificationActor,
): void {
  if (nextStatuses(from, by).includes(to)) return
  throw new AppError(
    'invalidTransition',
    from === 'accepted'
      ? 'This rectification was accepted (销号): it no longer changes'
      : `A rectification that is ${from} cannot become ${to} by the ${by}`,
    { from, to, by, allowed: nextStatuses(from, by) },
  )
}

/**
 * Whether a rectification runs late: its deadline is before `today` (`YYYY-MM-DD`, the day
 * after the deadline is the first late one) and it is neither fixed nor accepted.
 *
 * @example
 * isOverdue('2025-03-17', 'returned', '2025-03-18') // true
 * isOverdue('2025-03-17', 'fixed', '2025-03-18') // false
 */
export function isOverdue(
  deadline: string | null,
  status: RectificationStatus,
  today: string,
): boolean {
  const settled: readonly RectificationStatus[] = SETTLED_STATUSES
  return deadline !== null && deadline < today && !settled.includes(status)
}
