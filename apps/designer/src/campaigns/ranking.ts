import type { UnitResult } from '../api/types'

/** The ranking's sortable columns. */
export const RANKING_COLUMNS = ['rank', 'name', 'unitType', 'composite', 'grade', 'stars'] as const
export type RankingColumn = (typeof RANKING_COLUMNS)[number]

/** A column and a direction. */
export interface RankingSort {
  column: RankingColumn
  direction: 'asc' | 'desc'
}

/** How each column starts when first clicked: best first (rank 1, highest composite, most stars). */
export const FIRST_DIRECTION: Record<RankingColumn, RankingSort['direction']> = {
  rank: 'asc',
  name: 'asc',
  unitType: 'asc',
  composite: 'desc',
  grade: 'asc',
  stars: 'desc',
}

const collator = new Intl.Collator('zh-CN')

/**
 * Sorts the ranking (a copy). Ungraded units (no rank, composite, grade or stars) stay last in
 * either direction; grades sort in band order, not alphabetically; ties fall back to the name
 * (pinyin order), then unit id, as the server's sort does.
 *
 * @param bandOrder the campaign's grades from the highest band down
 * @example
 * sortRanking(units, { column: 'composite', direction: 'desc' }, ['先进', '达标', '后进'])
 */
export function sortRanking(
  units: readonly UnitResult[],
  { column, direction }: RankingSort,
  bandOrder: readonly string[] = [],
): UnitResult[] {
  const sign = direction === 'asc' ? 1 : -1
  const byName = (a: UnitResult, b: UnitResult) =>
    collator.compare(a.name, b.name) || a.unitId - b.unitId
  const numeric = (key: (u: UnitResult) => number | null) => (a: UnitResult, b: UnitResult) => {
    const x = key(a)
    const y = key(b)
    if (x === y) return byName(a, b)
    if (x === null) return 1
    if (y === null) return -1
    return sign * (x - y) || byName(a, b)
  }
  const bandIndex = (u: UnitResult) => {
    const i = u.grade === null ? -1 : bandOrder.indexOf(u.grade)
    return i < 0 ? null : i
  }
  const compare: Record<RankingColumn, (a: UnitResult, b: UnitResult) => number> = {
    rank: numeric((u) => u.rank),
    composite: numeric((u) => u.composite),
    stars: numeric((u) => u.stars),
    grade: numeric(bandIndex),
    name: (a, b) => sign * byName(a, b),
    unitType: (a, b) => sign * collator.compare(a.unitType ?? '', b.unitType ?? '') || byName(a, b),
  }
  return [...units].sort(compare[column])
}

/**
 * The units whose name contains the search text (trimmed; empty keeps all).
 *
 * @example
 * searchUnits(units, '办公室') // 办公室第一党支部, 办公室第二党支部, …
 */
export function searchUnits(units: readonly UnitResult[], text: string): readonly UnitResult[] {
  const needle = text.trim()
  return needle ? units.filter((u) => u.name.includes(needle)) : units
}

/**
 * How many graded units hold each number of stars, most stars first (units without stars are
 * counted under 0 when the bands give some none).
 *
 * @example
 * starCounts(units) // [{ stars: 5, count: 12 }, { stars: 3, count: 40 }, { stars: 1, count: 8 }]
 */
export function starCounts(units: readonly UnitResult[]): Array<{ stars: number; count: number }> {
  const counts = new Map<number, number>()
  for (const unit of units) {
    if (unit.grade === null) continue
    const stars = unit.stars ?? 0
    counts.set(stars, (counts.get(stars) ?? 0) + 1)
  }
  return [...counts.entries()]
    .map(([stars, count]) => ({ stars, count }))
    .sort((a, b) => b.stars - a.stars)
}
