import type { Db } from '@yardstick/db'
import type { ResultsContext } from '../results/context'
import { dimensionFigures } from '../results/dimension-figures'
import { sortByName } from '../results/name-order'
import { inFilter, type ResultsFilter } from '../results/view'
import { dimensionsTable } from './dimensions-table'
import { download, type ExportFormat, inOneBatch } from './download'
import { sourceNames } from './labels'

/**
 * The dimension results file of a campaign: the units the reader may see that match the filter,
 * by name, with their percent on each dimension, and the median, min, max and mean below — the
 * figures of `GET /results/dimensions`.
 *
 * @example
 * return exportDimensions(db, context, {}, 'xlsx')
 */
export async function exportDimensions(
  db: Db,
  context: ResultsContext,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<Response> {
  const { campaign, access } = context
  const figures = await dimensionFigures(
    db,
    context,
    (unit) => access.shows(unit) && inFilter(unit, filter),
  )
  const units = sortByName(figures.units)
  const { columns, rows } = dimensionsTable(figures, units, sourceNames(campaign.sources))
  return download({
    format,
    sheetName: '维度得分率',
    columns,
    batches: inOneBatch(rows),
    fileName: `${campaign.name}-维度得分率`,
    asciiName: `campaign-${campaign.id}-dimensions`,
  })
}
