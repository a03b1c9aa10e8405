import type { CampaignReport } from '@yardstick/contract'
import { type Db, RECTIFICATION_ORIGINS, RECTIFICATION_STATUSES, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import type { ResultsContext } from '../results/context'
import { inFilter, type ResultsFilter } from '../results/view'
import { isOverdue } from '../self-checks/rectification-rules'

/**
 * 整改 of a campaign in the report: how many rectifications of the units the reader may see that
 * match the filter are in each status and came from each origin, and how many are overdue
 * (`isOverdue`, on the server's date `today`).
 *
 * @example
 * await rectificationCounts(db, context, {}, '2025-06-30') // { total: 12, overdue: 2, byStatus: { open: 5, … }, … }
 */
export async function rectificationCounts(
  db: Db,
  { campaign, units, access }: ResultsContext,
  filter: ResultsFilter,
  today: string,
): Promise<CampaignReport['rectifications']> {
  const { rectifications } = schema
  const rows = await db
    .select({
      unitId: rectifications.unitId,
      status: rectifications.status,
      origin: rectifications.origin,
      deadline: rectifications.deadline,
    })
    .from(rectifications)
    .where(eq(rectifications.campaignId, campaign.id))
  const inScope = new Set(
    units.filter((unit) => access.shows(unit) && inFilter(unit, filter)).map((unit) => unit.id),
  )
  const counts = {
    total: 0,
    overdue: 0,
    byStatus: Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, 0])),
    byOrigin: Object.fromEntries(RECTIFICATION_ORIGINS.map((o) => [o, 0])),
  } as CampaignReport['rectifications']
  for (const row of rows) {
    if (!inScope.has(row.unitId)) continue
    counts.total++
    counts.byStatus[row.status]++
    counts.byOrigin[row.origin]++
    if (isOverdue(row.deadline, row.status, today)) counts.overdue++
  }
  return counts
}
