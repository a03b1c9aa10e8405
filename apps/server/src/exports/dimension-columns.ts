import { roundForDisplay } from '@yardstick/sdk'
import type { DimensionFigures, UnitPercents } from '../results/dimension-figures'
import type { CellValue } from './cells'
import type { SourceNamer } from './labels'
import type { XlsxColumn } from './xlsx-stream'

/**
 * One column per dimension of each source: `自评·政治功能强得分率`, in the sources' and forms' order.
 *
 * @example
 * dimensionColumns(figures.sources, sourceNames(campaign.sources))[0] // { header: '自评·政治功能强得分率', width: 16 }
 */
export function dimensionColumns(
  sources: DimensionFigures['sources'],
  sourceName: SourceNamer,
): XlsxColumn[] {
  return sources.flatMap(({ key, dimensions }) =>
    dimensions.map((dimension) => ({
      header: `${sourceName(key)}·${dimension.title['zh-CN']}得分率`,
      width: 16,
    })),
  )
}

/**
 * A unit's cells under `dimensionColumns`: each percent rounded to two decimals for display,
 * empty where the unit has none.
 *
 * @example
 * dimensionCells(figures.sources, figures.percents.get(17)) // [80, 100, 66.67, …]
 */
export function dimensionCells(
  sources: DimensionFigures['sources'],
  percents: UnitPercents | undefined,
): CellValue[] {
  return sources.flatMap(({ key, dimensions }) =>
    dimensions.map((dimension) => roundForDisplay(percents?.[key]?.[dimension.name] ?? null)),
  )
}

/**
 * A table with the dimension columns added at its right: each row gets the cells of the unit at
 * its place in `unitIds` (the rows' units, in order).
 *
 * @example
 * const { columns, rows } = withDimensionColumns(table, figures, sorted.map((u) => u.unitId), sourceName)
 */
export function withDimensionColumns(
  table: { columns: XlsxColumn[]; rows: CellValue[][] },
  { sources, percents }: Pick<DimensionFigures, 'sources' | 'percents'>,
  unitIds: readonly number[],
  sourceName: SourceNamer,
): { columns: XlsxColumn[]; rows: CellValue[][] } {
  return {
    columns: [...table.columns, ...dimensionColumns(sources, sourceName)],
    rows: table.rows.map((row, i) => [
      ...row,
      ...dimensionCells(sources, percents.get(unitIds[i] ?? -1)),
    ]),
  }
}
