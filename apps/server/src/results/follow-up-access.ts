import { reaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { mayReview } from '../self-checks/rectification-access'
import type { ResultsContext } from './context'
import type { CampaignUnit } from './units'

/**
 * The unit a follow-up is raised for, once the user may raise it: the superior who tracks the
 * branch's rectifications (`mayReview`: an admin or assessor above it, never its own secretary)
 * or an editor of the campaign's office. 404 when the campaign does not assess the unit, 403
 * otherwise.
 *
 * @example
 * const unit = followUpUnit(context, user, 17)
 */
export function followUpUnit(
  context: ResultsContext,
  user: AuthUser,
  unitId: number,
): CampaignUnit {
  const { campaign, units } = context
  const unit = units.find((u) => u.id === unitId)
  if (!unit) {
    throw new AppError('notFound', `Campaign ${campaign.id} does not assess unit ${unitId}`)
  }
  if (mayFollowUp(user, campaign, unit)) return unit
  throw new AppError(
    'forbidden',
    `Only an admin or assessor above ${unit.name}, or an editor of the campaign’s office, raises its follow-ups`,
    { roles: ['admin', 'assessor', 'editor'] },
  )
}

/**
 * Whether a user raises a unit's follow-ups (a 转化 plan, a rectification from a deduction): the
 * superior who tracks its rectifications (`mayReview`) or an editor of the campaign's office. The
 * one rule `followUpUnit` enforces and the unit detail's `mayFollowUp` tells the designer.
 *
 * @example
 * mayFollowUp(assessorOfSub4, { orgPath: '/1/' }, { path: '/1/4/17/' }) // true
 */
export function mayFollowUp(
  user: AuthUser,
  campaign: { orgPath: string },
  unit: { path: string },
): boolean {
  return mayReview(user, unit.path) || reaches(user, campaign.orgPath, ['editor'])
}
