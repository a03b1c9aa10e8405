const collator = new Intl.Collator('zh-CN')

/** A unit as name order reads it. */
export interface NamedUnit {
  id: number
  name: string
}

// The last few lists' orders, keyed by their exact ids and names: a dashboard reloading the same
// 100,000 units pays the collator once (≈ 110 ms) instead of on every reload, and any rename,
// move in or out, or new unit makes a different key (nothing to invalidate).
const MEMO_SIZE = 4
const memo = new Map<string, Map<number, number>>()

/**
 * The order lists of units are shown in: by name in pinyin order (`Intl.Collator('zh-CN')`),
 * then by id. The one comparison every list by name uses.
 *
 * @example
 * compareByName({ id: 2, name: '北京' }, { id: 1, name: '上海' }) // < 0
 */
export function compareByName(a: NamedUnit, b: NamedUnit): number {
  return collator.compare(a.name, b.name) || a.id - b.id
}

/**
 * Each unit's position in `compareByName` order, by id: comparing two positions orders them
 * exactly as `compareByName` does. Remembered for the last few lists of identical content.
 *
 * @example
 * nameRanks([{ id: 2, name: '北京' }, { id: 1, name: '上海' }]) // Map { 2 => 0, 1 => 1 }
 */
export function nameRanks(units: readonly NamedUnit[]): Map<number, number> {
  const key = units.map((unit) => `${unit.id}\u0000${unit.name}`).join('\u0001')
  const known = memo.get(key)
  if (known) {
    memo.delete(key)
    memo.set(key, known)
    return known
  }
  const ranks = new Map([...units].sort(compareByName).map((unit, i) => [unit.id, i]))
  memo.set(key, ranks)
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string)
  return ranks
}

/**
 * A copy of `units` in `compareByName` order, through `nameRanks`.
 *
 * @example
 * sortByName(figures.units).slice(0, 100)
 */
export function sortByName<T extends NamedUnit>(units: readonly T[]): T[] {
  const ranks = nameRanks(units)
  return units
    .map((unit) => ({ unit, rank: ranks.get(unit.id) as number }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ unit }) => unit)
}
