import type { WeakPasswordDetails, WeakPasswordReason } from '@yardstick/contract'

// Every reason of the contract's `WEAK_PASSWORD_REASONS` (packages/contract/src/users.ts) has its
// sentence key here; a reason added there without one fails the typecheck.
const KEYS = {
  tooShort: 'password.reason.tooShort',
  common: 'password.reason.common',
  guessable: 'password.reason.guessable',
} as const satisfies Record<WeakPasswordReason, string>

/**
 * The sentences (keys and figures) of why the server refused a new password, from the
 * `weakPassword` error's details; reasons this designer does not know are left out.
 *
 * @example
 * weakReasons({ reasons: ['tooShort'], minLength: 10 })
 * // [{ key: 'password.reason.tooShort', params: { n: 10 } }]
 */
export function weakReasons(
  details: Partial<WeakPasswordDetails> | undefined,
): Array<{ key: (typeof KEYS)[WeakPasswordReason]; params: { n: number } }> {
  const reasons = Array.isArray(details?.reasons) ? details.reasons : []
  const n = typeof details?.minLength === 'number' ? details.minLength : 10
  return reasons
    .filter((reason): reason is WeakPasswordReason => Object.hasOwn(KEYS, reason))
    .map((reason) => ({ key: KEYS[reason], params: { n } }))
}
