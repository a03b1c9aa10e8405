import type { ResultSort } from '@yardstick/contract'
import type { UnitType } from '@yardstick/db'
import type { EvaluationPolicy } from '@yardstick/sdk'
import type { ResultsAccess } from './access'
import type { GradedUnit } from './grade'
import { nameRanks } from './name-order'
import { isUnder } from './units'

/** Which units a reader asks for: a subtree (its path) and a branch type. */
export interface ResultsFilter {
  subtreePath?: string
  unitType?: UnitType
}

/** A page of `units`. */
export interface ResultsPage {
  limit: number
  offset: number
  sort: ResultSort
}

/**
 * Whether a unit lies in the filter: under the subtree (as the campaign sees the tree:
 * `isUnder`) and of the type, when given.
 *
 * @example
 * inFilter({ path: '/1/4/17/', unitType: 'organ' }, { subtreePath: '/1/4/' }) // true
 */
export function inFilter(unit: Pick<GradedUnit, 'path' | 'unitType'>, filter: ResultsFilter) {
  if (filter.subtreePath !== undefined && !isUnder(unit.path, filter.subtreePath)) return false
  return filter.unitType === undefined || unit.unitType === filter.unitType
}

/**
 * What a reader sees of graded results: the units they may see that match the filter (one page,
 * sorted), and the grade distribution and participation over that filtered set — or, for a
 * secretary-only reader, over the whole campaign (see `ResultsAccess.secretaryOnly`). Grades and
 * ranks are never recomputed here: they are the whole campaign's.
 *
 * @example
 * const view = resultsView(graded, campaign.policy, access, { unitType: 'organ' }, page)
 */
export function resultsView(
  graded: readonly GradedUnit[],
  policy: EvaluationPolicy,
  access: ResultsAccess,
  filter: ResultsFilter,
  page: ResultsPage,
) {
  const shown = graded.filter((unit) => access.shows(unit) && inFilter(unit, filter))
  const counted = access.secretaryOnly ? graded : shown
  const sorted = sortResults(shown, page.sort)
  return {
    total: shown.length,
    limit: page.limit,
    offset: page.offset,
    units: sorted.slice(page.offset, page.offset + page.limit).map(publicRow),
    distribution: gradeDistribution(policy, counted),
    participation: participationOf(policy, counted),
    // The raw export's own rule (`exportResponses`), so the page offers it only where it works.
    canExportResponses: graded.some(access.exportsRaw),
  }
}

/**
 * Sorts results (a copy); ties always fall back to name (pinyin order), then unit id
 * (`compareByName`, through its remembered positions: 100,000 units sort in milliseconds).
 *
 * @example
 * sortResults(graded, 'rank')[0]?.rank // 1
 */
export function sortResults(units: readonly GradedUnit[], sort: ResultSort): GradedUnit[] {
  const names = nameRanks(units.map((unit) => ({ id: unit.unitId, name: unit.name })))
  const nullsLast = (a: number | null, b: number | null, direction: 1 | -1) => {
    if (a === b) return 0
    if (a === null) return 1
    if (b === null) return -1
    return direction * (a - b)
  }
  type Keyed = { unit: GradedUnit; name: number }
  const byName = (a: Keyed, b: Keyed) => a.name - b.name
  const compare = {
    rank: (a: Keyed, b: Keyed) => nullsLast(a.unit.rank, b.unit.rank, 1) || byName(a, b),
    composite: (a: Keyed, b: Keyed) =>
      nullsLast(a.unit.composite, b.unit.composite, -1) || byName(a, b),
    name: byName,
  }[sort]
  return units
    .map((unit) => ({ unit, name: names.get(unit.unitId) as number }))
    .sort(compare)
    .map(({ unit }) => unit)
}

function publicRow(unit: GradedUnit) {
  const { path: _path, ...row } = unit
  return row
}

/**
 * Graded units per band, every band in band order, with shares of the graded units.
 *
 * @example
 * gradeDistribution(policy, graded) // [{ grade: 'advanced', count: 1, share: 0.2 }, …]
 */
export function gradeDistribution(policy: EvaluationPolicy, units: readonly GradedUnit[]) {
  const graded = units.filter((unit) => unit.grade !== null)
  return policy.bands.map(({ grade }) => {
    const count = graded.filter((unit) => unit.grade === grade).length
    return { grade, count, share: graded.length === 0 ? 0 : count / graded.length }
  })
}

/**
 * How many units were graded, and per source how many responses and units with any.
 *
 * @example
 * participationOf(policy, graded).bySource.members // { responses: 188400, unitsWithResponses: 6280 }
 */
export function participationOf(policy: EvaluationPolicy, units: readonly GradedUnit[]) {
  const graded = units.filter((unit) => unit.grade !== null).length
  const bySource: Record<string, { responses: number; unitsWithResponses: number }> = {}
  for (const { key } of policy.sources) {
    let responses = 0
    let unitsWithResponses = 0
    for (const unit of units) {
      const n = unit.sources[key]?.n ?? 0
      responses += n
      if (n > 0) unitsWithResponses++
    }
    bySource[key] = { responses, unitsWithResponses }
  }
  return { units: units.length, graded, incomplete: units.length - graded, bySource }
}
