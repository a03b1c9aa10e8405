import { type Db, type Role, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { assertReaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { unitFormVersionSql } from '../campaigns/unit-form'
import { AppError } from '../http/errors'

/** Who fills in and moves a branch's self-check and edits its rectifications (admin too). */
export const SELF_CHECK_WRITERS = ['secretary'] as const satisfies readonly Role[]
/** Who reads a branch's self-check and rectifications: the branch and upward. */
export const SELF_CHECK_READERS = [
  'secretary',
  'assessor',
  'editor',
] as const satisfies readonly Role[]

/** A branch's self-check in one campaign: the campaign, the branch, the form it answers. */
export interface SelfCheckContext {
  campaign: typeof schema.campaigns.$inferSelect
  unit: { id: number; name: string; path: string }
  /** The key of the campaign's self-check source (`self` unless the campaign named it). */
  sourceKey: string
  formVersionId: number
  form: FormJson
}

/**
 * Loads what a self-check route needs and checks the user's role on the branch. 404 when the
 * campaign does not exist, has no source the self-check answers, or does not assess the unit; 403 when the
 * user's roles do not reach the branch (a secretary of another branch).
 *
 * @param access `read` (the branch's secretary, assessors, editors, admins) or `write` (secretary, admin)
 * @example
 * const context = await selfCheckContext(db, user, { campaignId: 3, unitId: 17 }, 'write')
 */
export async function selfCheckContext(
  db: Db,
  user: AuthUser,
  { campaignId, unitId }: { campaignId: number; unitId: number },
  access: 'read' | 'write',
): Promise<SelfCheckContext> {
  const { campaigns, campaignSources, campaignUnits, formVersions, orgs } = schema
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId))
  if (!campaign) throw new AppError('notFound', `No campaign ${campaignId}`)
  const [unit] = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, unitType: orgs.unitType })
    .from(campaignUnits)
    .innerJoin(orgs, eq(orgs.id, campaignUnits.unitId))
    .where(and(eq(campaignUnits.campaignId, campaignId), eq(campaignUnits.unitId, unitId)))
  // The branch type's own self-check form when the source has one (分类制定), else the default.
  const [source] = await db
    .select({ key: campaignSources.key, formVersionId: formVersions.id, json: formVersions.json })
    .from(campaignSources)
    .innerJoin(formVersions, eq(formVersions.id, unitFormVersionSql(unit?.unitType ?? null)))
    .where(
      and(eq(campaignSources.campaignId, campaignId), eq(campaignSources.answeredBy, 'selfCheck')),
    )
  if (!source) {
    throw new AppError(
      'notFound',
      `Campaign ${campaignId} has no self-check (no source answered by the self-check)`,
    )
  }
  if (!unit) throw new AppError('notFound', `Campaign ${campaignId} does not assess unit ${unitId}`)
  const roles = access === 'read' ? SELF_CHECK_READERS : SELF_CHECK_WRITERS
  assertReaches(user, unit.path, roles, `the self-check of ${unit.name}`)
  const { unitType: _type, ...where } = unit
  return {
    campaign,
    unit: where,
    sourceKey: source.key,
    formVersionId: source.formVersionId,
    form: source.json,
  }
}

/** Whether a campaign takes submissions now: open, and between its opening and closing times. */
export function isTakingSubmissions(
  campaign: SelfCheckContext['campaign'],
  now: Date = new Date(),
): boolean {
  return campaign.status === 'open' && campaign.opensAt <= now && now <= campaign.closesAt
}
