import { isRealDate } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { type Answers, type Problem, scoreResponse } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { isTakingSubmissions, type SelfCheckContext } from './context'
import { mine, selfCheckEntry } from './store'
import { completeCheck, type SelfCheckRow } from './view'
import { assertStep } from './workflow'

/**
 * 上报: submits an announced self-check, in ONE transaction — the self-check row locked, the
 * campaign checked open, the answers checked complete, one immutable `responses` row (source
 * `self`, score columns from `scoreResponse`), the self-check marked submitted, one
 * `rectifications` row per problem and the `selfCheck.submit` audit entry. Anything refused
 * leaves nothing written. The response's
 * idempotency key `self-check:<campaign>:<unit>` makes a second response for the branch
 * impossible even past the status check.
 *
 * @example
 * const { row, responseId } = await submitSelfCheck(db, context, user)
 */
export async function submitSelfCheck(db: Db, context: SelfCheckContext, user: AuthUser) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(schema.selfChecks).where(mine(context)).for('update')
    // Never saved: still a draft, which cannot be submitted (and reading created no row).
    assertStep(current?.status ?? 'draft', 'submit')
    if (!current) throw new Error('submitSelfCheck: no self-check row')
    const [campaign] = await tx
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, context.campaign.id))
    if (!campaign || !isTakingSubmissions(campaign)) {
      throw new AppError(
        'campaignNotOpen',
        'The campaign is not open: the self-check cannot be submitted',
        {
          status: campaign?.status ?? null,
          opensAt: campaign?.opensAt.toISOString() ?? null,
          closesAt: campaign?.closesAt.toISOString() ?? null,
        },
      )
    }
    const answers = current.answers as Answers
    completeCheck(context.form, answers)
    const score = scoreResponse(context.form, answers)
    const [response] = await tx
      .insert(schema.responses)
      .values({
        campaignId: context.campaign.id,
        unitId: context.unit.id,
        sourceKey: context.sourceKey,
        formVersionId: context.formVersionId,
        answers,
        score,
        percent: score.percent,
        satisfied: score.satisfaction?.satisfied ?? 0,
        answered: score.satisfaction?.answered ?? 0,
        veto: score.veto,
        idempotencyKey: `self-check:${context.campaign.id}:${context.unit.id}`,
        respondentId: user.id,
      })
      .returning({ id: schema.responses.id })
    if (!response) throw new Error('submitSelfCheck: no response inserted')
    const now = new Date()
    const [row] = await tx
      .update(schema.selfChecks)
      .set({
        status: 'submitted',
        submittedAt: now,
        responseId: response.id,
        updatedBy: user.id,
        updatedAt: now,
      })
      .where(eq(schema.selfChecks.id, current.id))
      .returning()
    if (!row) throw new Error('submitSelfCheck: nothing updated')
    if (score.problems.length > 0) {
      await tx
        .insert(schema.rectifications)
        .values(score.problems.map((problem) => rectificationOf(problem, row)))
    }
    await recordAudit(
      tx,
      selfCheckEntry(context, user, 'submit', current, {
        percent: score.percent,
        rectifications: score.problems.length,
      }),
    )
    return { row, responseId: response.id }
  })
}

/**
 * A problem as a rectification: the follow-up entry's description, measure, owner and deadline
 * (the self-check template asks for all four under every "no"); a deadline that is not a real
 * `YYYY-MM-DD` date is left for the secretary to set.
 */
export function rectificationOf(problem: Problem, selfCheck: SelfCheckRow) {
  const details = problem.details ?? {}
  const deadline = text(details.deadline)
  return {
    campaignId: selfCheck.campaignId,
    unitId: selfCheck.unitId,
    selfCheckId: selfCheck.id,
    question: problem.question,
    title: problem.title,
    note: text(details.description) ?? problem.note ?? null,
    measure: text(details.measure),
    owner: text(details.owner),
    deadline: deadline !== null && isRealDate(deadline) ? deadline : null,
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
