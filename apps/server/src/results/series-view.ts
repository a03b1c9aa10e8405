import type { ResultsSeries } from '@yardstick/contract'
import type { ResultsAccess } from './access'
import { type GradedPeriod, unitAcross } from './series'
import { inFilter, type ResultsFilter, sortResults } from './view'

/**
 * What a reader sees of a graded series: the units of the campaign (the last period) they may
 * see that match the filter, by the campaign's rank, one page, each with its row per period and
 * its change. Earlier periods are read through this campaign's access: the series is one
 * office's, and a unit shows only where this campaign shows it.
 *
 * @example
 * const body = seriesView(await gradeSeries(db, context), context.access, filter, { limit: 100, offset: 0 })
 */
export function seriesView(
  periods: readonly GradedPeriod[],
  access: ResultsAccess,
  filter: ResultsFilter,
  page: { limit: number; offset: number },
): ResultsSeries {
  const last = periods[periods.length - 1]
  const graded = last ? [...last.units.values()] : []
  const shown = sortResults(
    graded.filter((unit) => access.shows(unit) && inFilter(unit, filter)),
    'rank',
  )
  return {
    periods: periods.map((p) => p.period),
    total: shown.length,
    limit: page.limit,
    offset: page.offset,
    units: shown.slice(page.offset, page.offset + page.limit).map((unit) => {
      const { rows, change } = unitAcross(periods, unit.unitId)
      return { unitId: unit.unitId, name: unit.name, unitType: unit.unitType, rows, change }
    }),
  }
}
