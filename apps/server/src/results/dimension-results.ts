import type { DimensionResults } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import type { ResultsContext } from './context'
import { dimensionFigures } from './dimension-figures'
import { sortByName } from './name-order'
import { inFilter, type ResultsFilter } from './view'

/**
 * The body of `GET /results/dimensions`: per source its dimensions with their statistics over the
 * units the reader may see that match the filter (for a branch's own secretary: the whole
 * campaign's, without names), and one page of those units (by name, pinyin order, then id) with
 * their percents. Statistics always cover every unit in scope, not the page.
 *
 * @example
 * const body = await dimensionResults(db, context, { subtreePath: '/1/4/' }, { limit: 100, offset: 0 })
 */
export async function dimensionResults(
  db: Db,
  context: ResultsContext,
  filter: ResultsFilter,
  page: { limit: number; offset: number },
): Promise<DimensionResults> {
  const { access } = context
  // A branch's own secretary: their branch's row beside the whole campaign's statistics, as the
  // grade distribution is counted for them (no filter singles out another branch).
  const figures = await dimensionFigures(
    db,
    context,
    (unit) => access.shows(unit) && inFilter(unit, filter),
    access.secretaryOnly ? { statsOver: () => true } : {},
  )
  const sorted = sortByName(figures.units)
  return {
    total: sorted.length,
    limit: page.limit,
    offset: page.offset,
    sources: figures.sources,
    units: sorted.slice(page.offset, page.offset + page.limit).map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      unitType: unit.unitType,
      parentId: unit.parentId,
      percents: figures.percents.get(unit.id) ?? {},
    })),
  }
}
