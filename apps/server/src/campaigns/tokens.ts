import { type Db, type SourceKey, schema } from '@yardstick/db'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { AppError } from '../http/errors'
import type { CampaignRow } from './access'
import { hashRespondentToken, newRespondentToken } from './secrets'
import { invalid } from './units'

/** Freshly issued tokens for one link, shown once: only their hashes are stored. */
export interface IssuedTokens {
  campaign: { id: number; name: string }
  unit: { id: number; name: string }
  source: SourceKey
  slug: string
  tokens: string[]
}

/**
 * Issues `count` one-time tokens for the `members` link of a unit (anonymous one-per-member
 * surveys and quizzes), storing only SHA-256 hashes. The caller has checked the user manages
 * the campaign; branch secretaries cannot mint tokens for their own branch's survey. The audit
 * entry `campaign.issueTokens` records the unit, source and count — never a token, a hash or the
 * link's slug.
 *
 * @param actorId who issues them (`null`: the system, e.g. the demo seed)
 * @example
 * const { tokens } = await issueTokens(db, campaign, { unitId: 17, source: 'members', count: 40 }, user.id)
 */
export async function issueTokens(
  db: Db,
  campaign: CampaignRow,
  { unitId, source, count }: { unitId: number; source: SourceKey; count: number },
  actorId: number | null,
): Promise<IssuedTokens> {
  const [row] = await db
    .select({ answeredBy: schema.campaignSources.answeredBy })
    .from(schema.campaignSources)
    .where(
      and(
        eq(schema.campaignSources.campaignId, campaign.id),
        eq(schema.campaignSources.key, source),
      ),
    )
  if (row?.answeredBy !== 'members') {
    throw invalid(
      'source',
      'Only members surveys take one-time tokens (self-checks, assessors and panels are signed in)',
    )
  }
  const { links, orgs } = schema
  const [link] = await db
    .select({ slug: links.slug, unitName: orgs.name })
    .from(links)
    .innerJoin(orgs, eq(orgs.id, links.unitId))
    .where(
      and(eq(links.campaignId, campaign.id), eq(links.unitId, unitId), eq(links.sourceKey, source)),
    )
  if (!link) {
    throw new AppError(
      'notFound',
      `Campaign ${campaign.id} has no ${source} link for unit ${unitId}`,
    )
  }
  const tokens = Array.from({ length: count }, newRespondentToken)
  await db.transaction(async (tx) => {
    await tx.insert(schema.respondentTokens).values(
      tokens.map((token) => ({
        campaignId: campaign.id,
        unitId,
        sourceKey: source,
        tokenHash: hashRespondentToken(token),
      })),
    )
    await recordAudit(tx, {
      actorId,
      action: 'campaign.issueTokens',
      entity: 'campaign',
      entityId: campaign.id,
      orgPath: campaign.orgPath,
      after: { unitId, unitName: link.unitName, source, count },
    })
  })
  return {
    campaign: { id: campaign.id, name: campaign.name },
    unit: { id: unitId, name: link.unitName },
    source,
    slug: link.slug,
    tokens,
  }
}

/** The respondent URL path of a token: `/s/<slug>?token=…`. */
export function respondentPath(slug: string, token: string): string {
  return `/s/${slug}?token=${encodeURIComponent(token)}`
}
