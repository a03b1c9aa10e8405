import { type Db, schema } from '@yardstick/db'
import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { unitFormVersionSql } from '../campaigns/unit-form'
import type { LinkContext } from './link-context'

/** A link's own part of its context: what only an org edit or a source change can move. */
export interface LinkPart extends Pick<LinkContext, 'unit' | 'source'> {
  campaignId: number
  /** `linkStampSql` of the campaign when the link was read. */
  linkStamp: string
}

/** A campaign's mutable part (status and settings) and its sources' stamp. */
export interface CampaignPart {
  campaign: LinkContext['campaign']
  linkStamp: string
}

/**
 * A digest of a campaign's sources as links resolve them (key, who answers, anonymity, default
 * and per-type form versions), and the org tree's version (`org_tree_version`, bumped by every
 * statement that edits or removes organisations). The campaign's one read per second carries it,
 * so a source changed on another process (allowed while the campaign has no response) and a
 * unit renamed, retyped or moved on another process (its path decides which assessors may answer)
 * are seen within the status TTL, not the much longer link TTL.
 */
function linkStampSql(campaignId: SQLWrapper): SQL<string> {
  return sql<string>`md5(coalesce((select string_agg(cs.key || ':' || cs.form_version_id || ':'
      || cs.answered_by || ':' || cs.anonymous, ',' order by cs.key)
    from campaign_sources cs where cs.campaign_id = ${campaignId}), '') || '|'
    || coalesce((select string_agg(csf.source_key || ':' || csf.unit_type || ':'
      || csf.form_version_id, ',' order by csf.source_key, csf.unit_type)
    from campaign_source_forms csf where csf.campaign_id = ${campaignId}), ''))
    || '|' || (select version from org_tree_version where id = 1)`
}

/** A link's own part, or null when no link has this slug. */
export async function loadLinkPart(db: Db, slug: string): Promise<LinkPart | null> {
  const { links, campaignSources, orgs } = schema
  const [row] = await db
    .select({
      campaignId: links.campaignId,
      unit: { id: orgs.id, name: orgs.name, path: orgs.path },
      source: {
        key: campaignSources.key,
        answeredBy: campaignSources.answeredBy,
        anonymous: campaignSources.anonymous,
        // The unit's branch type may have its own instrument (分类制定).
        formVersionId: unitFormVersionSql(orgs.unitType).mapWith(Number),
      },
      linkStamp: linkStampSql(links.campaignId),
    })
    .from(links)
    .innerJoin(
      campaignSources,
      and(
        eq(campaignSources.campaignId, links.campaignId),
        eq(campaignSources.key, links.sourceKey),
      ),
    )
    .innerJoin(orgs, eq(orgs.id, links.unitId))
    .where(eq(links.slug, slug))
  return row ?? null
}

/** A campaign's status and settings, or null when it is gone. */
export async function loadCampaignPart(db: Db, campaignId: number): Promise<CampaignPart | null> {
  const { campaigns } = schema
  const [row] = await db
    .select({
      campaign: {
        id: campaigns.id,
        orgId: campaigns.orgId,
        name: campaigns.name,
        status: campaigns.status,
        opensAt: campaigns.opensAt,
        closesAt: campaigns.closesAt,
        allowedOrigins: campaigns.allowedOrigins,
        showScore: campaigns.showScore,
        timeLimitMinutes: campaigns.timeLimitMinutes,
      },
      linkStamp: linkStampSql(campaigns.id),
    })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
  return row ?? null
}
