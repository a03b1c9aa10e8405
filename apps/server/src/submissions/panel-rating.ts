import { type Db, schema } from '@yardstick/db'
import { and, eq, sql } from 'drizzle-orm'
import { AppError } from '../http/errors'
import { ConcurrentInsertError, commitBatch, type SubmissionItem } from './commit-batch'

/** Where a panel member's rating goes: the campaign, the unit (with its name) and the source. */
export interface RatingTarget {
  campaignId: number
  unit: { id: number; name: string }
  sourceKey: string
}

/**
 * 409 `alreadyRated` when a panel member already rated this unit on this source, unless that
 * response is the one this request retries (same `Idempotency-Key`: it is replayed).
 *
 * @example
 * await assertNotRatedYet(db, { campaignId: 7, unit, sourceKey: 'debriefing' }, 12, key)
 */
export async function assertNotRatedYet(
  db: Pick<Db, 'select'>,
  { campaignId, unit, sourceKey }: RatingTarget,
  userId: number,
  idempotencyKey: string,
): Promise<void> {
  const { responses } = schema
  const [earlier] = await db
    .select({ id: responses.id, idempotencyKey: responses.idempotencyKey })
    .from(responses)
    .where(
      and(
        eq(responses.campaignId, campaignId),
        eq(responses.unitId, unit.id),
        eq(responses.sourceKey, sourceKey),
        eq(responses.respondentId, userId),
      ),
    )
    .limit(1)
  if (earlier && earlier.idempotencyKey !== idempotencyKey) {
    throw new AppError('alreadyRated', `You have already rated ${unit.name}`, {
      responseId: earlier.id,
    })
  }
}

/**
 * Stores a panel member's rating so that each member rates each unit once on a source, however
 * many submissions arrive at once, in one process or several: one transaction takes an advisory
 * lock on (campaign, source, unit, member), checks again that no other rating is stored
 * (`assertNotRatedYet`, 409 `alreadyRated`) and stores this one (`commitBatch`). A check before
 * the write alone would let two concurrent submissions both pass. No unique index
 * does it because anonymous sources store many responses without a respondent. Panel ratings are
 * few, so they skip the group-commit writer, whose one-statement batches take no lock.
 *
 * @example
 * const result = await commitPanelRating(db, item, { campaignId, unit, sourceKey })
 */
export async function commitPanelRating(
  db: Db,
  item: SubmissionItem & { respondentId: number },
  target: RatingTarget,
) {
  const attempt = () =>
    db.transaction(async (tx) => {
      const lock = `rating:${target.campaignId}:${target.sourceKey}:${target.unit.id}:${item.respondentId}`
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lock}))`)
      await assertNotRatedYet(tx, target, item.respondentId, item.idempotencyKey)
      const [result] = await commitBatch(tx, [item])
      if (!result) throw new Error('commitPanelRating: no outcome')
      return result
    })
  try {
    return await attempt()
  } catch (error) {
    // The same key stored by another member's request meanwhile: once more replays or refuses it.
    if (!(error instanceof ConcurrentInsertError)) throw error
    return attempt()
  }
}
