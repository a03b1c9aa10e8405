import type { DimensionStats } from '@yardstick/contract'
import type { Db, SourceKey } from '@yardstick/db'
import { compileForm, type FormJson } from '@yardstick/sdk'
import { unitScope } from './access'
import type { ResultsContext } from './context'
import { loadDimensionTotals } from './dimension-sql'
import { type DimensionTitle, declaredDimensions, titled } from './dimension-titles'
import { percentStats } from './percent-stats'
import { loadSourceVersions } from './source-versions'
import type { CampaignUnit } from './units'

/** Per source key, per dimension name: a unit's percent (null when its maximum is 0). */
export type UnitPercents = Record<SourceKey, Record<string, number | null>>

/** The dimension figures of the units in a scope. */
export interface DimensionFigures {
  /** The sources with dimensions, in the campaign's order, each dimension with its statistics. */
  sources: Array<{ key: SourceKey; dimensions: Array<DimensionTitle & DimensionStats> }>
  /** The units in scope, in the campaign's order. */
  units: CampaignUnit[]
  /** Per unit id with any response on a dimension, its percents. */
  percents: Map<number, UnitPercents>
}

/**
 * Each unit's percent on each dimension of each source (`loadDimensionTotals`: Σ score / Σ
 * maxScore × 100 of its responses, in SQL) for the units `include` keeps, and per dimension the
 * median, min, max and mean over those units. Dimensions are the source forms' declarations, in
 * their order, with their titles; a dimension the stored scores hold but no form declares comes
 * after them, named by its key. Only sources whose forms score some question on a dimension are
 * read.
 *
 * @param statsOver the units the statistics cover (default: `include`'s): a wider group whose
 *   figures are shown only as statistics, without names (`DimensionFiguresOptions`)
 * @example
 * const figures = await dimensionFigures(db, context, (unit) => access.shows(unit))
 * figures.sources[0]?.dimensions[0] // { name: 'politicalFunction', title: {…}, units: 6280, median: 80, … }
 */
export async function dimensionFigures(
  db: Db,
  { campaign, units }: ResultsContext,
  include: (unit: CampaignUnit) => boolean,
  { statsOver = include }: DimensionFiguresOptions = {},
): Promise<DimensionFigures> {
  const listed = new Set(units.filter(include).map((unit) => unit.id))
  const scope = unitScope(units, (unit) => listed.has(unit.id) || statsOver(unit))
  const counted = new Set(units.filter(statsOver).map((unit) => unit.id))
  const versions = await loadSourceVersions(db, campaign)
  const scored = campaign.sources
    .filter(({ key }) => (versions.get(key) ?? []).some((v) => scoresDimensions(v.form)))
    .map(({ key }) => key)
  const totals = await loadDimensionTotals(db, campaign.id, scope, scored)
  const percents = new Map<number, UnitPercents>()
  const seen = new Map<string, Set<string>>()
  for (const row of totals) {
    const key = row.sourceKey as SourceKey
    let unitPercents = percents.get(row.unitId)
    if (!unitPercents) {
      unitPercents = {}
      percents.set(row.unitId, unitPercents)
    }
    // Filled in place: a spread per row copied each unit's figures once per dimension.
    unitPercents[key] ??= {}
    unitPercents[key][row.dimension] = row.percent
    seen.set(key, (seen.get(key) ?? new Set()).add(row.dimension))
  }
  const sources = campaign.sources.flatMap(({ key }) => {
    const declared = declaredDimensions((versions.get(key) ?? []).map((v) => v.form))
    const names = new Set(declared.map((d) => d.name))
    const extra = [...(seen.get(key) ?? [])].filter((name) => !names.has(name)).sort()
    const dimensions = [...declared, ...extra.map((name) => titled(name))].map((dimension) => {
      const values: number[] = []
      for (const [unitId, unitPercents] of percents) {
        if (!counted.has(unitId)) continue
        const percent = unitPercents[key]?.[dimension.name]
        if (typeof percent === 'number') values.push(percent)
      }
      return { ...dimension, ...percentStats(values) }
    })
    return dimensions.length === 0 ? [] : [{ key, dimensions }]
  })
  for (const unitId of [...percents.keys()]) if (!listed.has(unitId)) percents.delete(unitId)
  return { sources, units: units.filter(include), percents }
}

/** Options of `dimensionFigures`. */
export interface DimensionFiguresOptions {
  /**
   * The units the statistics cover, when not those listed: a branch's own secretary sees their
   * branch alone, beside the statistics of the group it is compared with (without names, as the
   * grade distribution is: results/access.ts `secretaryOnly`).
   */
  statsOver?: (unit: CampaignUnit) => boolean
}

// Whether a response to the form can hold a dimension score: some question counts toward one.
function scoresDimensions(form: FormJson): boolean {
  return compileForm(form).questions.some((question) => question.dimension !== undefined)
}
