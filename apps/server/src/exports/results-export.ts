import type { Db } from '@yardstick/db'
import type { ResultsContext } from '../results/context'
import { dimensionFigures } from '../results/dimension-figures'
import { gradeCampaign } from '../results/grade'
import { previousPeriodChanges } from '../results/series'
import { inFilter, type ResultsFilter, sortResults } from '../results/view'
import { withDimensionColumns } from './dimension-columns'
import { download, type ExportFormat, inOneBatch } from './download'
import { sourceNames } from './labels'
import { resultsTable } from './results-table'

/**
 * The results file of a campaign: the units the reader may see that match the filter, by rank,
 * graded over the whole campaign exactly as `GET /results` grades them, with each one's change
 * since the previous period of the series and its percent on each dimension of each source
 * (`withDimensionColumns`).
 *
 * @example
 * return exportResults(db, context, {}, 'xlsx')
 */
export async function exportResults(
  db: Db,
  context: ResultsContext,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<Response> {
  const { campaign, units, access } = context
  const graded = await gradeCampaign(db, campaign, units)
  const shown = graded.filter((unit) => access.shows(unit) && inFilter(unit, filter))
  const sorted = sortResults(shown, 'rank')
  const [changes, figures] = await Promise.all([
    previousPeriodChanges(db, context, graded),
    dimensionFigures(db, context, (unit) => access.shows(unit) && inFilter(unit, filter)),
  ])
  const sourceName = sourceNames(campaign.sources)
  const { columns, rows } = withDimensionColumns(
    resultsTable(campaign.policy, sorted, changes, sourceName),
    figures,
    sorted.map((unit) => unit.unitId),
    sourceName,
  )
  return download({
    format,
    sheetName: '综合评定结果',
    columns,
    batches: inOneBatch(rows),
    fileName: `${campaign.name}-综合评定结果`,
    asciiName: `campaign-${campaign.id}-results`,
  })
}
