import type { DimensionResults, UnitDimension } from '../api/types'
import type { Bar } from './BarChart'

/** Up to this many units, a dimension's chart has a bar per unit; past it, a bar per band. */
export const UNIT_BARS_MAX = 40

/** The ten 10-point bands a dimension's percents fall in when there are too many units. */
const BANDS = Array.from({ length: 10 }, (_, i) => i * 10)

const shown = (percent: number) => `${Math.round(percent * 10) / 10}%`

/**
 * The bars of one dimension across the units listed: a bar per unit (best first) while they are
 * few enough to read (`UNIT_BARS_MAX`), else the number of units per 10-point band (0–10 … 90–100,
 * 100 in the top band). Units without a percent on the dimension are left out.
 *
 * @example
 * dimensionBars(body.units, 'self', 'politicalFunction').bars[0] // { name: '第一党支部', value: 100, label: '100%' }
 */
export function dimensionBars(
  units: DimensionResults['units'],
  source: string,
  dimension: string,
): { kind: 'units' | 'bands'; bars: Bar[] } {
  const values = units.flatMap((unit) => {
    const percent = unit.percents[source]?.[dimension]
    return typeof percent === 'number' ? [{ name: unit.name, percent }] : []
  })
  if (values.length <= UNIT_BARS_MAX) {
    const bars = values
      .sort((a, b) => b.percent - a.percent)
      .map(({ name, percent }) => ({
        name,
        value: Math.round(percent * 10) / 10,
        label: shown(percent),
      }))
    return { kind: 'units', bars }
  }
  const counts = BANDS.map(() => 0)
  for (const { percent } of values) {
    const band = Math.min(9, Math.max(0, Math.floor(percent / 10)))
    counts[band] = (counts[band] ?? 0) + 1
  }
  const bars = BANDS.map((low, i) => ({
    name: `${low}–${low + 10}`,
    value: counts[i] ?? 0,
    label: String(counts[i] ?? 0),
  }))
  return { kind: 'bands', bars }
}

const UNIT_COLOR = '#1971c2'
const MEDIAN_COLOR = '#adb5bd'

/**
 * A unit's dimensions of one source as bar pairs: the unit's percent, then its subtree's median
 * (named `<dimension> · <medianWord>`), each dimension in the form's order.
 *
 * @example
 * unitDimensionBars(detail.dimensions.filter((d) => d.source === 'self'), 'zh-CN', '中位数')
 */
export function unitDimensionBars(
  dimensions: readonly UnitDimension[],
  lang: 'zh-CN' | 'en',
  medianWord: string,
): Bar[] {
  return dimensions.flatMap((d) => {
    const title = d.title[lang]
    const bars: Bar[] = []
    if (d.percent !== null) {
      bars.push({
        name: title,
        value: round(d.percent),
        label: shown(d.percent),
        color: UNIT_COLOR,
      })
    }
    if (d.subtree.median !== null) {
      bars.push({
        name: `${title} · ${medianWord}`,
        value: round(d.subtree.median),
        label: shown(d.subtree.median),
        color: MEDIAN_COLOR,
      })
    }
    return bars
  })
}

const round = (value: number) => Math.round(value * 10) / 10
