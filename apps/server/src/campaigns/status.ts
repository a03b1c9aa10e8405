import { type CampaignStatus, type Db, schema } from '@yardstick/db'
import { and, eq, inArray } from 'drizzle-orm'
import { reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { linkContexts } from '../submissions/link-context'
import type { CampaignRow } from './access'

/**
 * The status moves: `open` from `draft`, or from `closed` (reopening, admin only: results may
 * already have been announced); `close` from `open`. Anything else is 409 `invalidTransition`.
 *
 * @example
 * CAMPAIGN_TRANSITIONS.open.from // ['draft', 'closed']
 */
export const CAMPAIGN_TRANSITIONS = {
  open: { to: 'open', from: ['draft', 'closed'] },
  close: { to: 'closed', from: ['open'] },
} as const satisfies Record<string, { to: CampaignStatus; from: readonly CampaignStatus[] }>
export type CampaignTransition = keyof typeof CAMPAIGN_TRANSITIONS

/**
 * Moves a campaign's status (the caller has checked the user manages it). The change is one
 * guarded UPDATE, so two concurrent moves cannot both apply; link caches see it at once.
 *
 * @example
 * await moveCampaign(db, user, campaign, 'open') // 'open'
 */
export async function moveCampaign(
  db: Db,
  user: AuthUser,
  campaign: CampaignRow,
  transition: CampaignTransition,
): Promise<CampaignStatus> {
  const { to, from } = CAMPAIGN_TRANSITIONS[transition]
  const isAdmin = reaches(user, campaign.orgPath, [])
  if (campaign.status === 'closed' && to === 'open' && !isAdmin) {
    throw new AppError('forbidden', 'Only an admin may reopen a closed campaign', {
      roles: ['admin'],
    })
  }
  // The guard repeats the rule, in case the campaign was closed since it was read.
  const allowed = from.filter((status) => isAdmin || to !== 'open' || status !== 'closed')
  const [moved] = await db
    .update(schema.campaigns)
    .set({ status: to })
    .where(and(eq(schema.campaigns.id, campaign.id), inArray(schema.campaigns.status, allowed)))
    .returning({ status: schema.campaigns.status })
  if (!moved) {
    throw new AppError(
      'invalidTransition',
      `A ${campaign.status} campaign cannot be moved to ${to}`,
      {
        from: campaign.status,
        to,
        allowedFrom: from,
      },
    )
  }
  linkContexts(db).invalidateCampaign(campaign.id)
  return moved.status
}
