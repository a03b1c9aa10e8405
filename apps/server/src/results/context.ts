import type { FilterQuery } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import type { AuthUser } from '../auth/sessions'
import { idParam } from '../http/openapi'
import type { ReadDatabase } from '../replica/read-database'
import { type ResultsAccess, resultsAccess } from './access'
import { loadResultsCampaign, type ResultsCampaign } from './campaign'
import { resolveFilter } from './filters'
import { type CampaignUnit, loadCampaignUnits } from './units'
import type { ResultsFilter } from './view'

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

/**
 * What every lag-tolerant results and export route does first, on the read database (the
 * replica when there is one): the campaign's context for this reader (`loadResultsContext`), then
 * their filter (`resolveFilter`); `use` computes the answer from both on the same database.
 *
 * @example
 * const view = await readResults(reads, c.var.user, id, query, (db, context, filter) => …)
 */
export function readResults<T>(
  reads: ReadDatabase,
  user: AuthUser,
  campaignIdParam: string,
  filterQuery: FilterQuery,
  use: (db: Db, context: ResultsContext, filter: ResultsFilter) => Promise<T> | T,
): Promise<T> {
  return reads.read(async (db) => {
    const context = await loadResultsContext(db, user, campaignIdParam)
    const filter = await resolveFilter(db, filterQuery)
    return use(db, context, filter)
  })
}
