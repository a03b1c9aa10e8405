import { type Db, type SourceKey, type SourceRespondent, schema } from '@yardstick/db'
import {
  type Answers,
  type EvaluationPolicy,
  type FormJson,
  type GradeBand,
  type GradeQuota,
  respondentsOf,
  type SourceMeasure,
  scoreResponse,
} from '@yardstick/sdk'
import { recordFormQuestions } from './form-questions'

/** One source of a test campaign: its policy entry and the form its responses answer. */
export interface TestSource {
  key: SourceKey
  /** Who answers it; default: as its key (`respondentsOf`). */
  answeredBy?: SourceRespondent
  weight: number
  required?: boolean
  minResponses?: number
  measure?: SourceMeasure
  anonymous?: boolean
  form: FormJson
}

/** What `seedCampaign` creates: ids to call the API with, and the policy to check against. */
export interface TestCampaign {
  id: number
  formVersionIds: Record<string, number>
  policy: EvaluationPolicy
  forms: Record<string, FormJson>
}

/**
 * Test and benchmark data only: inserts a campaign run by `orgId` over `unitIds`, each source on its own
 * published form version, the way the campaigns routes store one. Not used by the server.
 *
 * @example
 * const campaign = await seedCampaign(db, { orgId, unitIds, sources, bands })
 */
export async function seedCampaign(
  db: Db,
  options: {
    orgId: number
    unitIds: readonly number[]
    sources: readonly TestSource[]
    bands: GradeBand[]
    quota?: GradeQuota
    name?: string
  },
): Promise<TestCampaign> {
  const { orgId, unitIds, sources, bands, quota, name = '2025年度综合评定' } = options
  const [campaign] = await db
    .insert(schema.campaigns)
    .values({
      orgId,
      name,
      cadence: 'yearly',
      opensAt: new Date('2025-01-01T00:00:00Z'),
      closesAt: new Date('2025-12-31T00:00:00Z'),
      status: 'open',
      bands,
      quota: quota ?? null,
    })
    .returning({ id: schema.campaigns.id })
  if (!campaign) throw new Error('seedCampaign: no campaign')
  const formVersionIds: Record<string, number> = {}
  const forms: Record<string, FormJson> = {}
  for (const source of sources) {
    const [form] = await db
      .insert(schema.forms)
      .values({ orgId, title: `${source.key} form`, json: source.form })
      .returning({ id: schema.forms.id })
    const [version] = await db
      .insert(schema.formVersions)
      .values({ formId: form?.id ?? 0, version: 1, json: source.form, hash: source.key })
      .returning({ id: schema.formVersions.id })
    await recordFormQuestions(db, version?.id ?? 0, source.form)
    formVersionIds[source.key] = version?.id ?? 0
    forms[source.key] = source.form
    await db.insert(schema.campaignSources).values({
      campaignId: campaign.id,
      key: source.key,
      answeredBy: respondentsOf(source),
      formVersionId: version?.id ?? 0,
      weight: source.weight,
      required: source.required ?? false,
      minResponses: source.minResponses ?? null,
      measure: source.measure ?? null,
      anonymous: source.anonymous ?? false,
    })
  }
  if (unitIds.length > 0) {
    await db
      .insert(schema.campaignUnits)
      .values(unitIds.map((unitId) => ({ campaignId: campaign.id, unitId })))
  }
  const policy: EvaluationPolicy = {
    sources: sources.map(({ key, weight, required, minResponses, measure }) => ({
      key,
      weight,
      required: required ?? false,
      ...(minResponses === undefined ? {} : { minResponses }),
      ...(measure === undefined ? {} : { measure }),
    })),
    bands,
    ...(quota ? { quota } : {}),
  }
  return { id: campaign.id, formVersionIds, policy, forms }
}

/** One response to insert: whose, for which source, with which answers. */
export interface TestResponse {
  unitId: number
  source: SourceKey
  answers: Answers
  respondentId?: number | null
}

/**
 * Test and benchmark data only: scores each response with the SDK and inserts it as the submission route stores
 * one (answers, score, and the columns results aggregate), in batches.
 *
 * @example
 * await insertResponses(db, campaign, [{ unitId: 17, source: 'members', answers: { study: 'basic' } }])
 */
export async function insertResponses(
  db: Db,
  campaign: TestCampaign,
  responses: readonly TestResponse[],
): Promise<void> {
  const rows = responses.map(({ unitId, source, answers, respondentId = null }) => {
    const form = campaign.forms[source]
    if (!form) throw new Error(`insertResponses: the campaign has no source ${source}`)
    const score = scoreResponse(form, answers)
    return {
      campaignId: campaign.id,
      unitId,
      sourceKey: source,
      formVersionId: campaign.formVersionIds[source] ?? 0,
      answers,
      score,
      percent: score.percent,
      satisfied: score.satisfaction?.satisfied ?? 0,
      answered: score.satisfaction?.answered ?? 0,
      veto: score.veto,
      respondentId,
    }
  })
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(schema.responses).values(rows.slice(i, i + 500))
  }
}
