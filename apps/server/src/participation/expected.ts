import type { SourceKey } from '@yardstick/db'

/**
 * Where a source's expected count for a unit comes from:
 * - `selfCheck`: the branch's one self-check (自评);
 * - `tokens`: one per one-time token issued for the unit (each token is a member asked to answer);
 * - `minResponses`: the source's minimum responses (its rule for the unit to be graded);
 * - `one`: one response (a superior's scorecard without a minimum);
 * - `none`: no target (an open survey with neither tokens nor a minimum): any answer counts.
 */
export const EXPECTED_BASES = ['selfCheck', 'tokens', 'minResponses', 'one', 'none'] as const
export type ExpectedBasis = (typeof EXPECTED_BASES)[number]

/** How far a unit is with a source: nothing yet, some but fewer than expected, or done. */
export const PARTICIPATION_STATUSES = ['none', 'partial', 'complete'] as const
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number]

/** What the expected count of a source is read from. */
export interface ExpectedInput {
  key: SourceKey
  minResponses: number | null
  /** One-time tokens issued for this unit and source. */
  tokensIssued: number
}

/**
 * How many responses a unit is expected to give for a source, and why: the self-check once;
 * the tokens issued when there are any (the office has counted its members); else the source's
 * `minResponses`; a superior's scorecard once; otherwise no target.
 *
 * @example
 * expectedOf({ key: 'members', minResponses: 5, tokensIssued: 40 }) // { expected: 40, basis: 'tokens' }
 * expectedOf({ key: 'members', minResponses: null, tokensIssued: 0 }) // { expected: null, basis: 'none' }
 */
export function expectedOf({ key, minResponses, tokensIssued }: ExpectedInput): {
  expected: number | null
  basis: ExpectedBasis
} {
  if (key === 'self') return { expected: 1, basis: 'selfCheck' }
  if (tokensIssued > 0) return { expected: tokensIssued, basis: 'tokens' }
  if (minResponses !== null && minResponses > 0) {
    return { expected: minResponses, basis: 'minResponses' }
  }
  if (key === 'superior') return { expected: 1, basis: 'one' }
  return { expected: null, basis: 'none' }
}

/**
 * A unit's status with a source: `none` without an answer, `partial` below the expected count,
 * else `complete` (with no target, one answer completes it).
 *
 * @example
 * participationStatus(3, 40) // 'partial'
 * participationStatus(1, null) // 'complete'
 */
export function participationStatus(
  answered: number,
  expected: number | null,
): ParticipationStatus {
  if (answered === 0) return 'none'
  return expected !== null && answered < expected ? 'partial' : 'complete'
}
