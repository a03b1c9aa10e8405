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
 * The branch's self-check in the campaign, created as an empty draft the first time it is asked
 * for (one per campaign and unit: the unique index makes concurrent first reads create one).
 *
 * @example
 * const row = await ensureSelfCheck(db, context)
 */
export async function ensureSelfCheck(db: Db, context: SelfCheckContext): Promise<SelfCheckRow> {
  const key = { campaignId: context.campaign.id, unitId: context.unit.id }
  await db.insert(selfChecks).values(key).onConflictDoNothing()
  const [row] = await db.select().from(selfChecks).where(mine(context))
  if (!row) throw new Error('ensureSelfCheck: no row after insert')
  return row
}

/**
 * Replaces a draft's answers (type-checked; unanswered required questions allowed). The update
 * is guarded by `status = 'draft'`, so answers never change after approval, even racing it.
 */
export async function saveAnswers(
  db: Db,
  context: SelfCheckContext,
  user: AuthUser,
  answers: Answers,
): Promise<SelfCheckRow> {
  const current = await ensureSelfCheck(db, context)
  assertEditable(current.status)
  draftCheck(context.form, answers)
  const [row] = await db
    .update(selfChecks)
    .set({ answers, updatedBy: user.id, updatedAt: new Date() })
    .where(and(mine(context), eq(selfChecks.status, 'draft')))
    .returning()
  if (row) return row
  assertEditable((await ensureSelfCheck(db, context)).status)
  throw new Error('saveAnswers: draft vanished')
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
  await ensureSelfCheck(db, context)
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(selfChecks).where(mine(context)).for('update')
    if (!current) throw new Error('takeStep: no self-check row')
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
