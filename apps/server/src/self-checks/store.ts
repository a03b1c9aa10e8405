import { type Db, schema } from '@yardstick/db'
import type { Answers } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import type { SelfCheckContext } from './context'
import { completeCheck, draftCheck, type SelfCheckRow } from './view'
import { assertEditable, assertStep, SELF_CHECK_STEPS } from './workflow'

const { selfChecks } = schema

/**
 * The branch's self-check in the campaign, or null while nobody has written to it: reading
 * creates nothing (issue 16, item 11); the view of a missing one is the empty draft.
 *
 * @example
 * const row = await findSelfCheck(db, context)
 */
export async function findSelfCheck(
  db: Pick<Db, 'select'>,
  context: SelfCheckContext,
): Promise<SelfCheckRow | null> {
  const [row] = await db.select().from(selfChecks).where(mine(context))
  return row ?? null
}

/**
 * Begins the branch's self-check: creates it as an empty draft if nobody has yet (one per
 * campaign and unit: the unique index makes racing beginners one) and returns it, changing
 * nothing when it exists. What a client calls before joining the co-filled document, whose
 * name needs the self-check's id (`POST …/self-checks/:unitId/begin`).
 *
 * @example
 * const row = await beginSelfCheck(db, context)
 */
export async function beginSelfCheck(db: Db, context: SelfCheckContext): Promise<SelfCheckRow> {
  const key = { campaignId: context.campaign.id, unitId: context.unit.id }
  await db.insert(selfChecks).values(key).onConflictDoNothing()
  const row = await findSelfCheck(db, context)
  if (!row) throw new Error('beginSelfCheck: no row after insert')
  return row
}

/**
 * The self-check row, created as an empty draft if there is none, locked for the rest of the
 * transaction `tx`: a step refused after this rolls the creation back with it, so a refused
 * write leaves no row (one per campaign and unit: the unique index makes racing creators one).
 */
async function lockSelfCheck(tx: Tx, context: SelfCheckContext): Promise<SelfCheckRow> {
  const key = { campaignId: context.campaign.id, unitId: context.unit.id }
  await tx.insert(selfChecks).values(key).onConflictDoNothing()
  const [row] = await tx.select().from(selfChecks).where(mine(context)).for('update')
  if (!row) throw new Error('lockSelfCheck: no row after insert')
  return row
}

/**
 * Replaces a draft's answers (type-checked; unanswered required questions allowed), creating
 * the row on the first save. The update is guarded by `status = 'draft'`, so answers never
 * change after approval, even racing it; answers refused leave nothing written.
 */
export async function saveAnswers(
  db: Db,
  context: SelfCheckContext,
  user: AuthUser,
  answers: Answers,
): Promise<SelfCheckRow> {
  assertEditable((await findSelfCheck(db, context))?.status ?? 'draft')
  draftCheck(context.form, answers)
  return db.transaction(async (tx) => {
    const current = await lockSelfCheck(tx, context)
    assertEditable(current.status)
    const [row] = await tx
      .update(selfChecks)
      .set({ answers, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(selfChecks.id, current.id))
      .returning()
    if (!row) throw new Error('saveAnswers: draft vanished')
    return row
  })
}

/**
 * Takes the approve step (with the committee's date) or the announce step, each on complete and
 * valid answers (every problem entry with its 整改措施, 责任人 and 整改时限; else 422). The row is locked while it is checked and moved, so the answers approved are
 * the answers checked, and of two racing steps one wins and the other gets 409. The step's audit
 * entry (`selfCheck.approve`, `selfCheck.announce`) commits with it.
 */
export async function takeStep(
  db: Db,
  context: SelfCheckContext,
  user: AuthUser,
  step: { name: 'approve'; approvedOn: string } | { name: 'announce' },
): Promise<SelfCheckRow> {
  return db.transaction(async (tx) => {
    const current = await lockSelfCheck(tx, context)
    assertStep(current.status, step.name)
    // Announcing checks again: a self-check approved before a rule was enforced (an empty
    // 整改时限) must not travel further on.
    completeCheck(context.form, current.answers as Answers)
    const now = new Date()
    const stamp = step.name === 'approve' ? { approvedOn: step.approvedOn } : { announcedAt: now }
    const [row] = await tx
      .update(selfChecks)
      .set({ status: SELF_CHECK_STEPS[step.name].to, ...stamp, updatedBy: user.id, updatedAt: now })
      .where(eq(selfChecks.id, current.id))
      .returning()
    if (!row) throw new Error('takeStep: nothing updated')
    await recordAudit(tx, selfCheckEntry(context, user, step.name, current, stamp))
    return row
  })
}

/** A transaction of `db.transaction`. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The `self_checks` row of the context's campaign and unit. */
export function mine(context: SelfCheckContext) {
  return and(eq(selfChecks.campaignId, context.campaign.id), eq(selfChecks.unitId, context.unit.id))
}

/**
 * The audit entry of a self-check step: the status it leaves and the one it reaches, on the
 * branch's path; the answers stay out (they are the branch's content, kept in `self_checks`).
 *
 * @example
 * await recordAudit(tx, selfCheckEntry(context, user, 'approve', current, { approvedOn }))
 */
export function selfCheckEntry(
  context: SelfCheckContext,
  user: AuthUser,
  step: keyof typeof SELF_CHECK_STEPS,
  current: SelfCheckRow,
  after: Record<string, unknown> = {},
) {
  const plain = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  )
  return {
    actorId: user.id,
    action: `selfCheck.${step}`,
    entity: 'selfCheck',
    entityId: current.id,
    orgPath: context.unit.path,
    before: { status: current.status },
    after: {
      status: SELF_CHECK_STEPS[step].to,
      campaignId: context.campaign.id,
      unitId: context.unit.id,
      ...plain,
    },
  }
}
