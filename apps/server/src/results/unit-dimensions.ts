import type { UnitDimension } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import type { ResultsContext } from './context'
import { dimensionFigures } from './dimension-figures'
import { type CampaignUnit, isUnder } from './units'

/**
 * A unit's percent on each dimension of each source beside the figures of its subtree: the units
 * the reader may see under the unit's parent (its sub-committee; for the branch's own secretary,
 * every unit there, as statistics only), or the whole campaign for a unit at the top. The same SQL and rule as `GET /results/dimensions`.
 *
 * @example
 * const dimensions = await unitDimensions(db, context, unit)
 * dimensions[0] // { source: 'self', name: 'politicalFunction', percent: 80, subtree: { median: 100, … } }
 */
export async function unitDimensions(
  db: Db,
  context: ResultsContext,
  unit: CampaignUnit,
): Promise<UnitDimension[]> {
  const parentPath = unit.path.replace(/[^/]+\/$/, '')
  const underParent = (other: CampaignUnit) => isUnder(other.path, parentPath)
  // A branch's own secretary is compared with the units under its parent too, as statistics
  // without names (results/access.ts `secretaryOnly`): their own branch alone is no median.
  const figures = await dimensionFigures(
    db,
    context,
    (other) => context.access.shows(other) && underParent(other),
    context.access.secretaryOnly ? { statsOver: underParent } : {},
  )
  const own = figures.percents.get(unit.id) ?? {}
  return figures.sources.flatMap(({ key, dimensions }) =>
    dimensions.map(({ name, title, ...subtree }) => ({
      source: key,
      name,
      title,
      percent: own[key]?.[name] ?? null,
      subtree,
    })),
  )
}
