import { type NextPeriodBody, suggestNextPeriod } from '@yardstick/contract'
import { type Db, schema, withNewCampaignId } from '@yardstick/db'
import { asc, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { isUniqueViolation } from '../orgs/org-edits'
import { assertManages, visibleCampaign } from './access'
import { assertVersionsReadable } from './create-campaign'
import { insertUnitsAndLinks } from './unit-links'
import { invalid } from './units'

const { campaigns, campaignSources, campaignSourceForms, campaignSourcePanel, campaignUnits } =
  schema

/**
 * Starts the next period of a campaign (月度 → 下月, 季度 → 下季度, 年度 → 下一年): a new draft
 * following it (`previousCampaignId`), with its settings (cadence, bands, quota, allowed origins,
 * showScore, time limit), its sources (form versions, weights, rules, per-type instruments, who answers, panels) and
 * its units, one respondent link per (unit, source), and the `campaign.nextPeriod` audit entry,
 * in one transaction. Name and window default to `suggestNextPeriod`. Admin or editor of the
 * campaign's office (403), who must edit every unit copied (403 naming those outside their
 * subtree) and read its form versions; 409 `nextPeriodExists` when the
 * campaign already has a follower; 400 when `closesAt` is not after `opensAt`.
 *
 * @example
 * const id = await startNextPeriod(db, user, 7, { name: '2026年度综合评定' })
 */
export async function startNextPeriod(
  db: Db,
  user: AuthUser,
  campaignId: number,
  body: NextPeriodBody,
): Promise<number> {
  const campaign = await visibleCampaign(db, user, campaignId)
  assertManages(user, campaign)
  const suggested = suggestNextPeriod(
    {
      name: campaign.name,
      opensAt: campaign.opensAt.toISOString(),
      closesAt: campaign.closesAt.toISOString(),
    },
    campaign.cadence,
  )
  const name = body.name ?? suggested.name
  const opensAt = new Date(body.opensAt ?? suggested.opensAt)
  const closesAt = new Date(body.closesAt ?? suggested.closesAt)
  if (!(opensAt < closesAt)) throw invalid('closesAt', 'closesAt must be after opensAt')
  await assertNoFollower(db, campaignId)
  const [sources, perType, panel, units] = await Promise.all([
    db.select().from(campaignSources).where(eq(campaignSources.campaignId, campaignId)),
    db.select().from(campaignSourceForms).where(eq(campaignSourceForms.campaignId, campaignId)),
    db.select().from(campaignSourcePanel).where(eq(campaignSourcePanel.campaignId, campaignId)),
    db
      .select({ unitId: campaignUnits.unitId, name: schema.orgs.name, path: schema.orgs.path })
      .from(campaignUnits)
      .innerJoin(schema.orgs, eq(schema.orgs.id, campaignUnits.unitId))
      .where(eq(campaignUnits.campaignId, campaignId))
      .orderBy(asc(campaignUnits.unitId)),
  ])
  assertEditsUnits(user, units)
  await assertVersionsReadable(db, user, [
    ...sources.map((s) => ({ formVersion: s.formVersionId, path: `sources.${s.key}` })),
    ...perType.map((f) => ({
      formVersion: f.formVersionId,
      path: `sources.${f.sourceKey}.${f.unitType}`,
    })),
  ])
  try {
    // Its partition made first, so the units and links written below hold no submission up.
    return await withNewCampaignId(db, async (tx, id) => {
      await tx.insert(campaigns).values({
        id,
        orgId: campaign.orgId,
        name,
        cadence: campaign.cadence,
        opensAt,
        closesAt,
        bands: campaign.bands,
        quota: campaign.quota,
        allowedOrigins: campaign.allowedOrigins,
        showScore: campaign.showScore,
        timeLimitMinutes: campaign.timeLimitMinutes,
        previousCampaignId: campaignId,
        createdBy: user.id,
      })
      if (sources.length > 0) {
        await tx.insert(campaignSources).values(sources.map((s) => ({ ...s, campaignId: id })))
      }
      if (perType.length > 0) {
        await tx.insert(campaignSourceForms).values(perType.map((f) => ({ ...f, campaignId: id })))
      }
      // A 述职评议 panel rates the next period too, until the office changes it.
      if (panel.length > 0) {
        await tx.insert(campaignSourcePanel).values(panel.map((p) => ({ ...p, campaignId: id })))
      }
      await insertUnitsAndLinks(
        tx,
        id,
        units.map((unit) => unit.unitId),
        sources.map((s) => s.key),
      )
      await recordAudit(tx, {
        actorId: user.id,
        action: 'campaign.nextPeriod',
        entity: 'campaign',
        entityId: id,
        orgPath: campaign.orgPath,
        after: {
          name,
          status: 'draft',
          previousCampaignId: campaignId,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          sources: sources.map((s) => ({
            key: s.key,
            formVersion: s.formVersionId,
            weight: s.weight,
          })),
          units: units.length,
        },
      })
      return id
    })
  } catch (error) {
    // Two managers starting the same next period at once: the unique index keeps one.
    if (isUniqueViolation(error, 'campaigns_previous_unique'))
      await assertNoFollower(db, campaignId)
    throw error
  }
}

/**
 * 403 `forbidden` naming every unit (`details.units`: id and name) the user may not edit: a unit
 * moved out of their subtree since the campaign began is not copied into a period they start,
 * as creating a campaign refuses it (create-campaign.ts).
 */
function assertEditsUnits(
  user: AuthUser,
  units: ReadonlyArray<{ unitId: number; name: string; path: string }>,
): void {
  const outside = units.filter((unit) => !reaches(user, unit.path, ['editor']))
  if (outside.length === 0) return
  throw new AppError(
    'forbidden',
    `You have no admin/editor role that reaches ${outside.map((u) => u.name).join('、')}`,
    {
      roles: ['admin', 'editor'],
      units: outside.map(({ unitId, name }) => ({ id: unitId, name })),
    },
  )
}

async function assertNoFollower(db: Db, campaignId: number): Promise<void> {
  const [follower] = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.previousCampaignId, campaignId))
  if (follower) {
    throw new AppError(
      'nextPeriodExists',
      `Campaign ${campaignId} already has its next period: ${follower.name} (${follower.id})`,
      { nextCampaignId: follower.id },
    )
  }
}
