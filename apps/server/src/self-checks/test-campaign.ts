import { type CampaignStatus, schema } from '@yardstick/db'
import { type Answers, type ElementJson, templates } from '@yardstick/sdk'
import type { Fixture } from '../../test/harness'
import { recordFormQuestions } from '../results/form-questions'

/** Options of `selfCheckCampaign`. */
export interface SelfCheckCampaignOptions {
  status?: CampaignStatus
  /** Give the campaign a `self` source (default true). */
  withSelf?: boolean
  units?: number[]
}

/**
 * Inserts, straight with drizzle (the campaign routes are another module's), a published
 * self-check form version and a campaign over `units` (default: branches 1 and 2) with a `self`
 * source on it, open since an hour and for a day.
 *
 * @example
 * const campaignId = await selfCheckCampaign(f)
 */
export async function selfCheckCampaign(
  f: Fixture,
  { status = 'open', withSelf = true, units }: SelfCheckCampaignOptions = {},
): Promise<number> {
  const { db } = f.database
  const json = structuredClone(templates.selfCheck)
  const [form] = await db
    .insert(schema.forms)
    .values({ orgId: f.orgs.committee, title: '自检自查表', kind: 'selfCheck', json })
    .returning({ id: schema.forms.id })
  const [version] = await db
    .insert(schema.formVersions)
    .values({ formId: form?.id as number, version: 1, json, hash: 'test-self-check' })
    .returning({ id: schema.formVersions.id })
  await recordFormQuestions(db, version?.id as number, json)
  const [campaign] = await db
    .insert(schema.campaigns)
    .values({
      orgId: f.orgs.committee,
      name: '2025年度综合评定',
      cadence: 'yearly',
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 86_400_000),
      status,
      bands: [{ min: 60, grade: '达标' }],
    })
    .returning({ id: schema.campaigns.id })
  const campaignId = campaign?.id as number
  const formVersionId = version?.id as number
  await db.insert(schema.campaignSources).values({
    campaignId,
    key: withSelf ? 'self' : 'members',
    answeredBy: withSelf ? 'selfCheck' : 'members',
    formVersionId,
    weight: 1,
  })
  const unitIds = units ?? [f.orgs.branch1, f.orgs.branch2]
  await db.insert(schema.campaignUnits).values(unitIds.map((unitId) => ({ campaignId, unitId })))
  return campaignId
}

/** The 17 yes/no items of the self-check template. */
export const SELF_CHECK_ITEMS: string[] = (templates.selfCheck.pages ?? []).flatMap((page) =>
  (page.elements ?? [])
    .filter((e: ElementJson) => e.type === 'radiogroup')
    .map((e: ElementJson) => e.name),
)

/** The follow-up entry of a "no", as the template's multipletext asks for it. */
export interface FollowUp {
  description: string
  measure: string
  owner: string
  deadline: string
}

/** Complete answers: "yes" to every item but those in `problems`, each "no" with its entry. */
export function completeAnswers(problems: Record<string, FollowUp> = {}): Answers {
  const answers: Answers = {}
  for (const item of SELF_CHECK_ITEMS) {
    const followUp = problems[item]
    answers[item] = followUp ? 'no' : 'yes'
    if (followUp) answers[`${item}_problem`] = followUp
  }
  return answers
}

/**
 * Takes a branch's self-check through approve, announce and submit as `token`'s secretary, with
 * "no" (and a complete entry due on `deadline`) to theoryStudy and partyDues: two rectifications.
 *
 * @example
 * await submitWithProblems(f, { campaignId, unitId: f.orgs.branch1, token, deadline: '2020-06-30' })
 */
export async function submitWithProblems(
  f: Fixture,
  { campaignId, unitId, token, deadline }: SubmitWithProblemsOptions,
): Promise<void> {
  const at = `/api/campaigns/${campaignId}/self-checks/${unitId}`
  const entry = (description: string) => ({ description, measure: '整改', owner: '书记', deadline })
  const answers = completeAnswers({
    theoryStudy: entry('学习不够'),
    partyDues: entry('党费迟交'),
  })
  const steps: Array<[string, string, unknown]> = [
    ['PUT', at, { answers }],
    ['POST', `${at}/approve`, { approvedOn: '2025-03-18' }],
    ['POST', `${at}/announce`, undefined],
    ['POST', `${at}/submit`, undefined],
  ]
  for (const [method, path, body] of steps) {
    const done = await f.call(method, path, { token, body })
    if (done.status !== 200) throw new Error(`${method} ${path}: ${JSON.stringify(done.body)}`)
  }
}

/** Options of `submitWithProblems`. */
export interface SubmitWithProblemsOptions {
  campaignId: number
  unitId: number
  /** A secretary of the unit (or an admin). */
  token: string
  /** The deadline of both problems, `YYYY-MM-DD`. */
  deadline: string
}
