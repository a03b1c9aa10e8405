import type { Db } from '@yardstick/db'
import type { ResultsContext } from '../results/context'
import { gradeCampaign } from '../results/grade'
import { inFilter, type ResultsFilter, sortResults } from '../results/view'
import { download, type ExportFormat, inOneBatch } from './download'
import { resultsTable } from './results-table'

/**
 * The results file of a campaign: the units the reader may see that match the filter, by rank,
 * graded over the whole campaign exactly as `GET /results` grades them.
 *
 * @example
 * return exportResults(db, context, {}, 'xlsx')
 */
export async function exportResults(
  db: Db,
  { campaign, units, access }: ResultsContext,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<Response> {
  const graded = await gradeCampaign(db, campaign, units)
  const shown = graded.filter((unit) => access.shows(unit) && inFilter(unit, filter))
  const { columns, rows } = resultsTable(campaign.policy, sortResults(shown, 'rank'))
  return download({
    format,
    sheetName: '综合评定结果',
    columns,
    batches: inOneBatch(rows),
    fileName: `${campaign.name}-综合评定结果`,
    asciiName: `campaign-${campaign.id}-results`,
  })
}
