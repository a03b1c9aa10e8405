import type { ExpectedBasis, ParticipationStatus } from '@yardstick/contract'
import type { SourceRespondent } from '@yardstick/db'

/** What the expected count of a source is read from. */
export interface ExpectedInput {
  answeredBy: SourceRespondent
  minResponses: number | null
  /** The people named on a panel source (述职评议); 0 for other sources. */
  panelSize: number
  /** One-time tokens issued for this unit and source. */
  tokensIssued: number
}

/**
 * How many responses a unit is expected to give for a source, and why: the self-check once;
 * one from each panel member; the tokens issued when there are any (the office has counted its
 * members); else the source's `minResponses`; an assessors' scorecard once; otherwise no target.
 *
 * @example
 * expectedOf({ answeredBy: 'members', minResponses: 5, panelSize: 0, tokensIssued: 40 }) // { expected: 40, basis: 'tokens' }
 * expectedOf({ answeredBy: 'panel', minResponses: null, panelSize: 7, tokensIssued: 0 }) // { expected: 7, basis: 'panel' }
 */
export function expectedOf({ answeredBy, minResponses, panelSize, tokensIssued }: ExpectedInput): {
  expected: number | null
  basis: ExpectedBasis
} {
  if (answeredBy === 'selfCheck') return { expected: 1, basis: 'selfCheck' }
  if (answeredBy === 'panel') return { expected: panelSize, basis: 'panel' }
  if (tokensIssued > 0) return { expected: tokensIssued, basis: 'tokens' }
  if (minResponses !== null && minResponses > 0) {
    return { expected: minResponses, basis: 'minResponses' }
  }
  if (answeredBy === 'assessors') return { expected: 1, basis: 'one' }
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
