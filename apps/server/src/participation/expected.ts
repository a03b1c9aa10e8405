import type { ExpectedBasis, ParticipationStatus } from '@yardstick/contract'
import type { SourceKey } from '@yardstick/db'

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
