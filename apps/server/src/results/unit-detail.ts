import { type Db, schema } from '@yardstick/db'
import { type Answers, type Problem, scoreResponse } from '@yardstick/sdk'
import { and, asc, eq } from 'drizzle-orm'
import { unitFormVersion } from '../campaigns/unit-form'
import { AppError } from '../http/errors'
import { rectificationView } from '../self-checks/rectifications'
import type { ResultsContext } from './context'
import { gradeCampaign } from './grade'
import { unitScorecards } from './scorecard-reasons'
import { gradeSeries, unitAcross } from './series'
import { unitDimensions } from './unit-dimensions'

/**
 * One branch of a campaign as its detail page shows it: its graded row (over the whole campaign,
 * as `GET /results`), each source's rule and figures, its self-check's place in
 * 草稿 → 审议通过 → 通报 → 上报 with the problem list, and each rectification with its status and
 * overdue flag, and each assessor's scorecard with its deductions, vetoes and their reasons
 * (the assessor named unless the source is anonymous), and the branch across the campaign's
 * series (`unitAcross`: its row per period and its change, 晋级 / 降级 / 持平), and its percent on
 * each dimension beside its subtree's median (`unitDimensions`). Reads only: unlike `GET /self-checks/:unitId`, no draft is created. 404 when the
 * campaign does not assess the unit; 403 when the reader may not see it (`ResultsAccess.shows`).
 *
 * @example
 * const detail = await unitDetail(db, await loadResultsContext(db, user, '7'), 17)
 * detail.rectifications[0]?.overdue // true once its deadline has passed unfixed
 */
export async function unitDetail(db: Db, context: ResultsContext, unitId: number) {
  const { campaign, units, access } = context
  const unit = units.find((u) => u.id === unitId)
  if (!unit)
    throw new AppError('notFound', `Campaign ${campaign.id} does not assess unit ${unitId}`)
  if (!access.shows(unit)) {
    throw new AppError(
      'forbidden',
      `Your roles do not reach ${unit.name} in campaign ${campaign.id}`,
    )
  }
  const [graded, selfCheck, rectifications, scorecards, dimensions] = await Promise.all([
    gradeCampaign(db, campaign, units),
    loadSelfCheck(db, context, unitId),
    db
      .select({
        id: schema.rectifications.id,
        origin: schema.rectifications.origin,
        responseId: schema.rectifications.responseId,
        question: schema.rectifications.question,
        title: schema.rectifications.title,
        note: schema.rectifications.note,
        measure: schema.rectifications.measure,
        owner: schema.rectifications.owner,
        deadline: schema.rectifications.deadline,
        status: schema.rectifications.status,
        createdAt: schema.rectifications.createdAt,
        updatedAt: schema.rectifications.updatedAt,
      })
      .from(schema.rectifications)
      .where(
        and(
          eq(schema.rectifications.campaignId, campaign.id),
          eq(schema.rectifications.unitId, unitId),
        ),
      )
      .orderBy(asc(schema.rectifications.id)),
    unitScorecards(db, campaign, unitId),
    unitDimensions(db, context, unit),
  ])
  const row = graded.find((g) => g.unitId === unitId)
  if (!row) throw new Error(`unitDetail: unit ${unitId} was not graded`)
  const { path: _path, ...result } = row
  const series = unitAcross(await gradeSeries(db, context, { graded }), unitId)
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    unit: result,
    sources: campaign.sources.map(({ key }) => {
      const rule = campaign.policy.sources.find((source) => source.key === key)
      return {
        key,
        weight: rule?.weight ?? 0,
        required: rule?.required ?? false,
        minResponses: rule?.minResponses ?? null,
        measure: rule?.measure ?? 'percent',
        value: row.sources[key]?.value ?? null,
        n: row.sources[key]?.n ?? 0,
      }
    }),
    selfCheck,
    rectifications: rectifications.map((r) => rectificationView(r)),
    scorecards,
    series,
    dimensions,
  }
}

/** The branch's self-check, if it has begun one: status, dates and its live problem list. */
async function loadSelfCheck(db: Db, context: ResultsContext, unitId: number) {
  const source = context.campaign.sources.find((s) => s.answeredBy === 'selfCheck')
  if (!source) return null
  const unitType = context.units.find((unit) => unit.id === unitId)?.unitType ?? null
  const formVersionId = unitFormVersion(source, unitType)
  const [row] = await db
    .select({
      status: schema.selfChecks.status,
      answers: schema.selfChecks.answers,
      approvedOn: schema.selfChecks.approvedOn,
      announcedAt: schema.selfChecks.announcedAt,
      submittedAt: schema.selfChecks.submittedAt,
      json: schema.formVersions.json,
    })
    .from(schema.selfChecks)
    .innerJoin(schema.formVersions, eq(schema.formVersions.id, formVersionId))
    .where(
      and(
        eq(schema.selfChecks.campaignId, context.campaign.id),
        eq(schema.selfChecks.unitId, unitId),
      ),
    )
  if (!row) return null
  // The same live problem list `GET /self-checks/:unitId` shows: scoreResponse on the answers.
  const problems: Problem[] = scoreResponse(row.json, row.answers as Answers).problems
  return {
    status: row.status,
    approvedOn: row.approvedOn,
    announcedAt: row.announcedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    problems,
  }
}
