import { roundForDisplay } from '@yardstick/sdk'
import type { DimensionFigures } from '../results/dimension-figures'
import type { CampaignUnit } from '../results/units'
import type { CellValue } from './cells'
import { dimensionCells, dimensionColumns } from './dimension-columns'
import { type SourceNamer, unitTypeLabel } from './labels'
import type { XlsxColumn } from './xlsx-stream'

/** The rows under the units: each statistic's label and which figure it shows. */
const STAT_ROWS = [
  ['（中位数）', 'median'],
  ['（最低）', 'min'],
  ['（最高）', 'max'],
  ['（平均）', 'mean'],
] as const

/**
 * Dimension results as a table with Chinese headers: 支部, 类型, then each source's dimensions'
 * 得分率 (percent, two decimals), one row per unit in the given order, then one row each for the
 * median, min, max and mean over those units.
 *
 * @example
 * const { columns, rows } = dimensionsTable(figures, units, sourceNames(campaign.sources))
 */
export function dimensionsTable(
  { sources, percents }: DimensionFigures,
  units: readonly CampaignUnit[],
  sourceName: SourceNamer,
): { columns: XlsxColumn[]; rows: CellValue[][] } {
  const columns: XlsxColumn[] = [
    { header: '支部', width: 28 },
    { header: '类型', width: 12 },
    ...dimensionColumns(sources, sourceName),
  ]
  const rows = units.map((unit): CellValue[] => [
    unit.name,
    unitTypeLabel(unit.unitType),
    ...dimensionCells(sources, percents.get(unit.id)),
  ])
  for (const [label, stat] of STAT_ROWS) {
    rows.push([
      label,
      null,
      ...sources.flatMap(({ dimensions }) => dimensions.map((d) => roundForDisplay(d[stat]))),
    ])
  }
  return { columns, rows }
}
