import type { Db } from '@yardstick/db'
import type { AuthUser } from '../auth/sessions'
import { idParam } from '../http/openapi'
import { type ResultsAccess, resultsAccess } from './access'
import { loadResultsCampaign, type ResultsCampaign } from './campaign'
import { type CampaignUnit, loadCampaignUnits } from './units'

/** A campaign, its units, and what the reader may see of them. */
export interface ResultsContext {
  campaign: ResultsCampaign
  units: CampaignUnit[]
  access: ResultsAccess
}

/**
 * Loads what every results and export route starts from, in the order errors should surface:
 * no campaign → 404, then no role reaching it → 403.
 *
 * @example
 * const { campaign, units, access } = await loadResultsContext(db, c.var.user, c.req.param('id'))
 */
export async function loadResultsContext(
  db: Db,
  user: AuthUser,
  campaignIdParam: string,
): Promise<ResultsContext> {
  const campaign = await loadResultsCampaign(db, idParam(campaignIdParam, 'campaign'))
  const units = await loadCampaignUnits(db, campaign.id)
  return { campaign, units, access: resultsAccess(user, campaign, units) }
}
