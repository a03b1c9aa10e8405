import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { compareStrings } from './layout'

/** A sibling as sorting sees it: its id and its fractional order key. */
export interface Sibling {
  id: string
  order: string
}

/** Sibling order (SPEC [DOC4]): by order key, then by id, both by code unit. */
export function compareSiblings(a: Sibling, b: Sibling): number {
  return compareStrings(a.order, b.order) || compareStrings(a.id, b.id)
}

/** `count` fresh, increasing order keys for a new list. */
export function initialKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count)
}

/** A new order key to write, and the siblings whose keys had to change to make room. */
export interface Placement {
  order: string
  rekeyed: Sibling[]
}

/**
 * The order key that puts a node at `index` among `siblings` (sorted, without the node).
 * When the neighbours share one key (two editors inserted at one spot concurrently) or a key is
 * malformed, the tied run (or, failing that, the whole list) is given fresh keys, returned in
 * `rekeyed` for the caller to write in the same transaction.
 */
export function placeAt(siblings: readonly Sibling[], index: number): Placement {
  const at = Number.isFinite(index)
    ? Math.max(0, Math.min(Math.trunc(index), siblings.length))
    : siblings.length
  const before = siblings[at - 1]
  const after = siblings[at]
  try {
    if (!before || !after || before.order < after.order) {
      return { order: generateKeyBetween(before?.order ?? null, after?.order ?? null), rekeyed: [] }
    }
    return placeInTie(siblings, at)
  } catch {
    const keys = generateNKeysBetween(null, null, siblings.length + 1)
    const rekeyed = siblings.map((s, i) => ({ id: s.id, order: keys[i < at ? i : i + 1] ?? '' }))
    return { order: keys[at] ?? '', rekeyed }
  }
}

function placeInTie(siblings: readonly Sibling[], at: number): Placement {
  const tied = siblings[at - 1]?.order
  let start = at - 1
  while (start > 0 && siblings[start - 1]?.order === tied) start--
  let end = at
  while (end < siblings.length && siblings[end]?.order === tied) end++
  const low = siblings[start - 1]?.order ?? null
  const high = siblings[end]?.order ?? null
  const keys = generateNKeysBetween(low, high, end - start + 1)
  const rekeyed: Sibling[] = []
  for (let i = start; i < end; i++) {
    const sibling = siblings[i]
    const key = keys[i < at ? i - start : i - start + 1]
    if (sibling && key !== undefined) rekeyed.push({ id: sibling.id, order: key })
  }
  return { order: keys[at - start] ?? '', rekeyed }
}
