import {
  type Db,
  type SourceKey,
  type SourceRespondent,
  schema,
  type UnitType,
} from '@yardstick/db'
import {
  bySourceOrder,
  type EvaluationPolicy,
  type GradeBand,
  type GradeQuota,
} from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import {
  type Instrument,
  loadInstruments,
  loadSourceForms,
  type SourceInstruments,
  sourceVersionIds,
  unitFormVersion,
} from '../campaigns/unit-form'
import { AppError } from '../http/errors'

/** One evaluation source of a campaign, as results and exports need it. */
export interface CampaignSource extends SourceInstruments {
  key: SourceKey
  answeredBy: SourceRespondent
  label: Partial<Record<'zh-CN' | 'en', string>> | null
  anonymous: boolean
}

/** A campaign with its grading policy (the SDK's `EvaluationPolicy`) and its office's path. */
export interface ResultsCampaign {
  id: number
  name: string
  orgId: number
  orgPath: string
  policy: EvaluationPolicy
  sources: CampaignSource[]
  /** Every form version the sources name, by id (`unitInstruments` reads it). */
  instruments: Map<number, Instrument>
}

/**
 * Loads a campaign for results: its office, its sources in the order self, members, superior, then its own (`bySourceOrder`),
 * and the policy `evaluateSummaries` grades by. Answers 404 `notFound` when there is no such campaign.
 *
 * @example
 * const campaign = await loadResultsCampaign(db, 7)
 * campaign.policy.bands[0] // { min: 90, grade: 'advanced', stars: 5 }
 */
export async function loadResultsCampaign(db: Db, id: number): Promise<ResultsCampaign> {
  const [campaign] = await db
    .select({
      id: schema.campaigns.id,
      name: schema.campaigns.name,
      orgId: schema.campaigns.orgId,
      orgPath: schema.orgs.path,
      bands: schema.campaigns.bands,
      quota: schema.campaigns.quota,
    })
    .from(schema.campaigns)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.campaigns.orgId))
    .where(eq(schema.campaigns.id, id))
  if (!campaign) throw new AppError('notFound', `No campaign ${id}`)
  const [rows, perType] = await Promise.all([
    db.select().from(schema.campaignSources).where(eq(schema.campaignSources.campaignId, id)),
    loadSourceForms(db, id),
  ])
  // The procedure's order (自评 → 党员群众测评 → 上级考评, then the campaign's own): the first
  // failing source is the reason.
  const sources = rows.sort(bySourceOrder)
  const policy: EvaluationPolicy = {
    sources: sources.map((source) => ({
      key: source.key,
      // The "not graded" notes name a source as the campaign does.
      ...(source.label ? { label: source.label } : {}),
      weight: source.weight,
      required: source.required,
      ...(source.minResponses === null ? {} : { minResponses: source.minResponses }),
      ...(source.measure === null ? {} : { measure: source.measure }),
    })),
    bands: campaign.bands as GradeBand[],
    ...(campaign.quota ? { quota: campaign.quota as GradeQuota } : {}),
  }
  const withForms = sources.map(({ key, answeredBy, label, formVersionId, anonymous }) => ({
    key,
    answeredBy,
    label,
    formVersionId,
    formsByUnitType: perType.get(key) ?? {},
    anonymous,
  }))
  return {
    id: campaign.id,
    name: campaign.name,
    orgId: campaign.orgId,
    orgPath: campaign.orgPath,
    policy,
    sources: withForms,
    instruments: await loadInstruments(db, withForms.flatMap(sourceVersionIds)),
  }
}

/**
 * Per source, the instrument a unit of this type answers it on (`unitFormVersion`), with its
 * form's title: what results say each unit used.
 *
 * @example
 * unitInstruments(campaign, 'school') // [{ source: 'superior', formVersion: 9, title: '学校党支部考评表' }]
 */
export function unitInstruments(
  { sources, instruments }: Pick<ResultsCampaign, 'sources' | 'instruments'>,
  unitType: UnitType | null,
) {
  return sources.map((source) => {
    const formVersion = unitFormVersion(source, unitType)
    return { source: source.key, formVersion, title: instruments.get(formVersion)?.title ?? '' }
  })
}
