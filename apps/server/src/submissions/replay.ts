import { type Db, schema } from '@yardstick/db'
import { inArray } from 'drizzle-orm'
import { contentHash } from '../forms/content-hash'
import type { SubmissionItem, SubmissionRefusal } from './commit-batch'

/**
 * What an `Idempotency-Key` is bound to (IETF Idempotency-Key draft): SHA-256 of the answers as
 * sent (keys in any order) and, on a link that is not anonymous, the signed-in respondent. The
 * link is part of the key itself (`<slug>:<key>`). The one-time token is deliberately not in it:
 * the hash is stored with the response, and a hash over the token would let whoever issued the
 * tokens test each of them against an anonymous response. A token is checked against the store
 * instead (`replayRefusals`).
 *
 * @example
 * requestHash({ overall: 'satisfied' }, null) === requestHash({ overall: 'satisfied' }, null) // true
 */
export function requestHash(answers: unknown, respondentId: number | null): string {
  return contentHash({ answers, respondentId })
}

/** What a retry claims: the request it sends and the link and token it sends it through. */
export type ReplayClaim = Pick<
  SubmissionItem,
  'requestHash' | 'tokenHash' | 'campaignId' | 'unitId' | 'sourceKey'
>

/**
 * For each retry of a stored key, why it may not be answered with the stored response, or null
 * when it may: another request under the key (`idempotencyKeyReused`, 422; a row stored before
 * keys were bound has no hash and replays as before); a token that is not one of the link's
 * (`tokenInvalid`); a token of the link that is still unused, so cannot be the one the stored
 * response used (`idempotencyKeyReused`). What remains accepted is a used token of the same
 * link: which used token stored which anonymous response is exactly what the database must not
 * know. One read, only for the retries that carry a token.
 *
 * @example
 * const [refused] = await replayRefusals(db, [{ claim: item, storedHash: row.request_hash }])
 */
export async function replayRefusals(
  db: Pick<Db, 'select'>,
  replays: ReadonlyArray<{ claim: ReplayClaim; storedHash: string | null }>,
): Promise<Array<SubmissionRefusal | null>> {
  const hashes = replays.flatMap(({ claim }) => (claim.tokenHash === null ? [] : [claim.tokenHash]))
  const { respondentTokens: tokens } = schema
  const known =
    hashes.length === 0
      ? []
      : await db
          .select({
            hash: tokens.tokenHash,
            campaignId: tokens.campaignId,
            unitId: tokens.unitId,
            sourceKey: tokens.sourceKey,
            usedAt: tokens.usedAt,
          })
          .from(tokens)
          .where(inArray(tokens.tokenHash, hashes))
  const byHash = new Map(known.map((row) => [row.hash, row]))
  return replays.map(({ claim, storedHash }) => {
    if (storedHash !== null && storedHash !== claim.requestHash) return 'idempotencyKeyReused'
    if (claim.tokenHash === null) return null
    const row = byHash.get(claim.tokenHash)
    const ours =
      row?.campaignId === claim.campaignId &&
      row.unitId === claim.unitId &&
      row.sourceKey === claim.sourceKey
    if (!ours) return 'tokenInvalid'
    return row.usedAt === null ? 'idempotencyKeyReused' : null
  })
}
