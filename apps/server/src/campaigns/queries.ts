import type { PageQuery } from '@yardstick/contract'
import { type Db, type SourceKey, schema } from '@yardstick/db'
import { bySourceOrder } from '@yardstick/sdk'
import { and, asc, count, eq, like, or, type SQL, sql } from 'drizzle-orm'
import type { AuthUser } from '../auth/sessions'
import { pageStart, pageWindow, toPage } from '../forms/pagination'
import { AppError } from '../http/errors'
import { acceptsResponses } from '../submissions/link-context'
import { type CampaignRow, campaignVisibleTo, linkPaths } from './access'
import { loadPanels } from './source-rules'
import { loadInstruments, loadSourceForms, sourceVersionIds } from './unit-form'

const unitCount = sql<number>`(select count(*)::int from "campaign_units" "cu" where "cu"."campaign_id" = "campaigns"."id")`

function summary(row: typeof schema.campaigns.$inferSelect, units: number) {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    cadence: row.cadence,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    status: row.status,
    accepting: acceptsResponses(row),
    unitCount: Number(units),
    showScore: row.showScore,
  }
}

/**
 * The campaigns a user sees, newest first, one page (offset or cursor paging, as every list).
 *
 * @example
 * const { items, total, nextCursor } = await listCampaigns(db, user, { limit: 20 })
 */
export async function listCampaigns(db: Db, user: AuthUser, query: PageQuery) {
  const window = pageWindow(query, schema.campaigns.id)
  const visible = campaignVisibleTo(user)
  const [rows, [counted]] = await Promise.all([
    db
      .select({ campaign: schema.campaigns, unitCount })
      .from(schema.campaigns)
      .where(and(visible, window.after))
      .orderBy(window.orderBy)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(schema.campaigns).where(visible),
  ])
  const page = window.page(rows, counted?.n, (row) => row.campaign.id)
  return { ...page, items: page.items.map((row) => summary(row.campaign, row.unitCount)) }
}

/**
 * One campaign with its sources (each with its instruments: the default and per branch type)
 * and unit count.
 *
 * @example
 * const detail = await campaignDetail(db, await visibleCampaign(db, user, id))
 */
export async function campaignDetail(db: Db, campaign: CampaignRow) {
  const [sources, [units], perType, panels] = await Promise.all([
    db
      .select({
        source: schema.campaignSources,
        formId: schema.formVersions.formId,
        version: schema.formVersions.version,
      })
      .from(schema.campaignSources)
      .innerJoin(
        schema.formVersions,
        eq(schema.formVersions.id, schema.campaignSources.formVersionId),
      )
      .where(eq(schema.campaignSources.campaignId, campaign.id)),
    db
      .select({ n: count() })
      .from(schema.campaignUnits)
      .where(eq(schema.campaignUnits.campaignId, campaign.id)),
    loadSourceForms(db, campaign.id),
    loadPanels(db, campaign.id),
  ])
  const withForms = sources.map((row) => ({
    ...row,
    formsByUnitType: perType.get(row.source.key) ?? {},
  }))
  const instruments = await loadInstruments(
    db,
    withForms.flatMap(({ source, formsByUnitType }) =>
      sourceVersionIds({ formVersionId: source.formVersionId, formsByUnitType }),
    ),
  )
  return {
    ...summary(campaign, units?.n ?? 0),
    bands: campaign.bands as Array<{ min: number; grade: string; stars?: number }>,
    quota: campaign.quota as { grade: string; maxShare: number } | null,
    allowedOrigins: campaign.allowedOrigins,
    timeLimitMinutes: campaign.timeLimitMinutes,
    createdAt: campaign.createdAt.toISOString(),
    sources: withForms
      .sort((a, b) => bySourceOrder(a.source, b.source))
      .map(({ source, formId, version, formsByUnitType }) => ({
        key: source.key,
        answeredBy: source.answeredBy,
        label: source.label ?? null,
        panel: panels.get(source.key) ?? [],
        formVersion: source.formVersionId,
        formId,
        version,
        formsByUnitType,
        instruments: sourceVersionIds({ formVersionId: source.formVersionId, formsByUnitType })
          .map((id) => instruments.get(id))
          .filter((instrument) => instrument !== undefined),
        weight: source.weight,
        required: source.required,
        minResponses: source.minResponses,
        measure: source.measure,
        anonymous: source.anonymous,
      })),
  }
}

/** Filters of `listLinks`: a unit, a source, and the page (offset paging only). */
export type LinkFilter = PageQuery & { unitId?: number; source?: SourceKey }

/**
 * A campaign's respondent links that the user may hand out: all of them for its managers, else
 * those of the units their editor, assessor or secretary roles reach. Ordered by unit, source.
 *
 * @example
 * await listLinks(db, user, campaign, { unitId: 17, limit: 100 })
 */
export async function listLinks(
  db: Db,
  user: AuthUser,
  campaign: CampaignRow,
  { unitId, source, ...query }: LinkFilter,
) {
  if (query.cursor !== undefined) {
    throw new AppError('badRequest', 'Links are paged by offset (they run by unit, not by age)')
  }
  const { offset } = pageStart(query)
  const { links, orgs, campaignSources } = schema
  const paths = linkPaths(user)
  const where = and(
    eq(links.campaignId, campaign.id),
    unitId === undefined ? undefined : eq(links.unitId, unitId),
    source === undefined ? undefined : eq(links.sourceKey, source),
    paths.length === 0 ? sql`false` : (or(...paths.map((p) => like(orgs.path, `${p}%`))) as SQL),
  )
  const from = () =>
    db
      .select({
        slug: links.slug,
        unitId: links.unitId,
        unitName: orgs.name,
        source: links.sourceKey,
        anonymous: campaignSources.anonymous,
      })
      .from(links)
      .innerJoin(orgs, eq(orgs.id, links.unitId))
      .innerJoin(
        campaignSources,
        and(
          eq(campaignSources.campaignId, links.campaignId),
          eq(campaignSources.key, links.sourceKey),
        ),
      )
  const [rows, [counted]] = await Promise.all([
    from()
      .where(where)
      .orderBy(asc(links.unitId), asc(links.sourceKey))
      .limit(query.limit + 1)
      .offset(offset),
    db.select({ n: count() }).from(links).innerJoin(orgs, eq(orgs.id, links.unitId)).where(where),
  ])
  const page = toPage(rows, {
    limit: query.limit,
    offset,
    total: counted?.n ?? 0,
    keyOf: (row) => row.unitId,
    cursorPaging: false,
  })
  return {
    ...page,
    nextCursor: null,
    items: page.items.map((row) => ({ ...row, path: `/s/${row.slug}` })),
  }
}
