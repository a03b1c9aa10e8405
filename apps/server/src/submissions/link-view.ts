import { type CampaignStatus, type Db, type SourceKey, schema } from '@yardstick/db'
import { type FormJson, personalize } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { hashRespondentToken, normalizeToken } from '../campaigns/secrets'
import { AppError } from '../http/errors'
import { acceptsResponses, type LinkContext, linkContexts } from './link-context'
import { resolveRespondent } from './respondent'

/** What `GET /api/links/:slug` answers: the form a respondent sees and what the link needs. */
export interface LinkView {
  campaign: {
    id: number
    name: string
    status: CampaignStatus
    opensAt: string
    closesAt: string
    accepting: boolean
  }
  unit: { id: number; name: string }
  source: SourceKey
  anonymous: boolean
  needsToken: boolean
  needsSignIn: boolean
  /** Whether the respondent sees their score after submitting: the campaign's `showScore`. */
  showScore: boolean
  form: FormJson
}

/**
 * The form behind a link for one respondent: personalised (`personalize`) when it has question
 * banks, seeded by the token or the signed-in user. A given token must be one of this link's
 * and unused.
 *
 * @example
 * const view = await viewLink(db, slug, { token: '7KQ2-M9XD-0RTB-4HZC' })
 */
export async function viewLink(
  db: Db,
  slug: string,
  { token: given, sessionToken }: { token?: string; sessionToken?: string },
): Promise<LinkView> {
  const context = await linkContexts(db).get(slug)
  if (!context) throw new AppError('notFound', `No respondent link ${slug}`)
  const token = given === undefined ? undefined : normalizeToken(given)
  if (token !== undefined) await assertTokenUsable(db, context, token)
  const { source, campaign, unit } = context
  const { seed } = await resolveRespondent(db, context, { token, sessionToken, submitting: false })
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      opensAt: campaign.opensAt.toISOString(),
      closesAt: campaign.closesAt.toISOString(),
      accepting: acceptsResponses(campaign),
    },
    unit: { id: unit.id, name: unit.name },
    source: source.key,
    anonymous: source.anonymous,
    needsToken: source.anonymous,
    needsSignIn: source.key === 'superior',
    showScore: campaign.showScore,
    form: seed === undefined ? context.form : personalize(context.form, seed),
  }
}

async function assertTokenUsable(db: Db, context: LinkContext, token: string): Promise<void> {
  const { respondentTokens: tokens } = schema
  const [row] = await db
    .select({
      campaignId: tokens.campaignId,
      unitId: tokens.unitId,
      sourceKey: tokens.sourceKey,
      usedAt: tokens.usedAt,
    })
    .from(tokens)
    .where(eq(tokens.tokenHash, hashRespondentToken(token)))
  const ours =
    row?.campaignId === context.campaign.id &&
    row.unitId === context.unit.id &&
    row.sourceKey === context.source.key
  if (!ours) throw new AppError('tokenInvalid', 'This token is not a token of this link')
  if (row.usedAt !== null)
    throw new AppError('tokenUsed', 'This token has already been used to answer')
}
