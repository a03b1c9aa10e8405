import type { DeductionRectificationBody, TransformationPlanBody } from '@yardstick/contract'
import { lowestGrade } from '@yardstick/contract'
import { type Db, type RectificationOrigin, schema } from '@yardstick/db'
import { type Answers, localizedText, reasonedAnswers } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { invalid } from '../campaigns/units'
import { AppError } from '../http/errors'
import { answeredSignedIn } from '../submissions/link-context'
import type { ResultsContext } from './context'
import { followUpUnit } from './follow-up-access'
import { gradeCampaign } from './grade'
import { loadFormVersionJson } from './question-report'
import type { CampaignUnit } from './units'

const { rectifications, responses } = schema

/** The title of every 转化 plan: 后进党支部“转化工程”. */
export const TRANSFORMATION_TITLE = '后进党支部转化提升'

/**
 * Starts the 转化 plan of a unit graded in the lowest band (后进): a rectification of origin
 * `transformation` with its responsible leader (`owner`), measures and deadline, which the
 * branch then works on and the superior accepts through the rectification workflow. 409
 * `notLowestGrade` for any other unit (an incomplete one included), 409 `rectificationExists`
 * when it already has one in this campaign.
 *
 * @example
 * await createTransformationPlan(db, user, context, 17, { owner: '张书记', measure: '…', deadline: '2026-06-30' })
 */
export async function createTransformationPlan(
  db: Db,
  user: AuthUser,
  context: ResultsContext,
  unitId: number,
  plan: TransformationPlanBody,
): Promise<{ id: number }> {
  const unit = followUpUnit(context, user, unitId)
  const { campaign } = context
  const graded = await gradeCampaign(db, campaign, context.units)
  const grade = graded.find((row) => row.unitId === unitId)?.grade ?? null
  const lowest = lowestGrade(campaign.policy.bands)
  if (grade === null || grade !== lowest) {
    throw new AppError(
      'notLowestGrade',
      `${unit.name} is graded ${grade ?? 'not at all'}: a 转化 plan is for units graded ${lowest}`,
      { grade, lowest },
    )
  }
  const existing = await findFollowUp(db, campaign.id, unitId, 'transformation')
  if (existing) {
    throw new AppError('rectificationExists', `${unit.name} already has a 转化 plan`, {
      id: existing.id,
    })
  }
  return insertFollowUp(db, user, unit, campaign.id, {
    origin: 'transformation',
    question: '',
    title: TRANSFORMATION_TITLE,
    note: plan.note?.trim() || null,
    owner: plan.owner,
    measure: plan.measure,
    deadline: plan.deadline,
  })
}

/**
 * Raises a rectification from one deduction or veto of an assessor's scorecard of the unit
 * (origin `deduction`): the item's title, and its reason as the problem's note. 400 at
 * `responseId` when that response is not an assessor's scorecard of the unit in this campaign,
 * at `question` when the response deducted nothing there; 409 `rectificationExists` when that
 * deduction already raised one.
 *
 * @example
 * await raiseDeductionRectification(db, user, context, 17, { responseId: 41, question: 'warning' })
 */
export async function raiseDeductionRectification(
  db: Db,
  user: AuthUser,
  context: ResultsContext,
  unitId: number,
  body: DeductionRectificationBody,
): Promise<{ id: number }> {
  const unit = followUpUnit(context, user, unitId)
  const { campaign } = context
  const [response] = await db
    .select({
      sourceKey: responses.sourceKey,
      formVersionId: responses.formVersionId,
      answers: responses.answers,
    })
    .from(responses)
    .where(
      and(
        eq(responses.id, body.responseId),
        eq(responses.campaignId, campaign.id),
        eq(responses.unitId, unitId),
      ),
    )
  const source = campaign.sources.find((s) => s.key === response?.sourceKey)
  if (!response || !source || !answeredSignedIn(source.answeredBy)) {
    throw invalid(
      'responseId',
      `No assessor’s scorecard ${body.responseId} of ${unit.name} in campaign ${campaign.id}`,
    )
  }
  const form = await loadFormVersionJson(db, response.formVersionId)
  const item = reasonedAnswers(form, response.answers as Answers).find(
    (answer) => answer.question === body.question,
  )
  if (!item) {
    throw invalid('question', `Scorecard ${body.responseId} deducted nothing at ${body.question}`)
  }
  const [existing] = await db
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.responseId, body.responseId),
        eq(rectifications.question, body.question),
      ),
    )
  if (existing) {
    throw new AppError('rectificationExists', 'That deduction already raised a rectification', {
      id: existing.id,
    })
  }
  return insertFollowUp(db, user, unit, campaign.id, {
    origin: 'deduction',
    responseId: body.responseId,
    question: body.question,
    title: localizedText(item.title, 'zh-cn', body.question),
    note: item.reason,
    owner: body.owner ?? null,
    measure: body.measure ?? null,
    deadline: body.deadline ?? null,
  })
}

async function findFollowUp(
  db: Db,
  campaignId: number,
  unitId: number,
  origin: RectificationOrigin,
) {
  const [row] = await db
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.campaignId, campaignId),
        eq(rectifications.unitId, unitId),
        eq(rectifications.origin, origin),
      ),
    )
  return row
}

type FollowUpValues = Omit<typeof rectifications.$inferInsert, 'campaignId' | 'unitId'>

// The row and its audit entry (`rectification.create`, with its origin) in one transaction.
async function insertFollowUp(
  db: Db,
  user: AuthUser,
  unit: CampaignUnit,
  campaignId: number,
  values: FollowUpValues,
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rectifications)
      .values({ ...values, campaignId, unitId: unit.id })
      .returning({ id: rectifications.id })
    if (!row) throw new Error('insertFollowUp: nothing inserted')
    await recordAudit(tx, {
      actorId: user.id,
      action: 'rectification.create',
      entity: 'rectification',
      entityId: row.id,
      orgPath: unit.path,
      after: {
        campaignId,
        origin: values.origin,
        title: values.title,
        owner: values.owner ?? null,
        deadline: values.deadline ?? null,
      },
    })
    return { id: row.id }
  })
}
