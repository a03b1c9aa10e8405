import { type CampaignStatus, type Db, schema } from '@yardstick/db'
import { and, eq, inArray } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { linkContexts } from '../submissions/link-context'
import type { CampaignRow } from './access'
import { clearUnitSnapshot, snapshotUnitsAtClose } from './unit-snapshot'

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
 * guarded UPDATE, so two concurrent moves cannot both apply; link caches see it at once. The
 * audit entry (`campaign.open`, `campaign.close`, `campaign.reopen`) commits with it; a refused
 * move writes none.
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
  const moved = await db.transaction(async (tx) => {
    // The status it leaves, read under the lock: the audit entry names the real move.
    const [was] = await tx
      .select({ status: schema.campaigns.status })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, campaign.id))
      .for('update')
    const [row] = await tx
      .update(schema.campaigns)
      .set({ status: to })
      .where(and(eq(schema.campaigns.id, campaign.id), inArray(schema.campaigns.status, allowed)))
      .returning({ status: schema.campaigns.status })
    if (!row || !was) return undefined
    // A closed campaign keeps the tree as it was; reopened, it follows the live tree again.
    if (row.status === 'closed') await snapshotUnitsAtClose(tx, campaign.id)
    else await clearUnitSnapshot(tx, campaign.id)
    // `campaign.reopen` when a closed campaign opens again: the move that needs an admin.
    const verb = transition === 'open' && was.status === 'closed' ? 'reopen' : transition
    await recordAudit(tx, {
      actorId: user.id,
      action: `campaign.${verb}`,
      entity: 'campaign',
      entityId: campaign.id,
      orgPath: campaign.orgPath,
      before: { status: was.status },
      after: { status: row.status },
    })
    return row
  })
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
