import { generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { longestIncreasing } from './increasing'
import type { NodeMap } from './layout'
import { initialKeys } from './order'
import { storedPlace, writePlace, writePreviousPlace } from './place-fields'

function keysFor(kept: readonly (string | null)[], keep: ReadonlySet<number>): string[] {
  const keys: string[] = []
  let i = 0
  while (i < kept.length) {
    if (keep.has(i)) {
      keys.push(kept[i] ?? '')
      i++
      continue
    }
    let j = i
    while (j < kept.length && !keep.has(j)) j++
    const low = i > 0 ? (keys[i - 1] ?? null) : null
    const high = j < kept.length ? (kept[j] ?? null) : null
    keys.push(...generateNKeysBetween(low, high, j - i))
    i = j
  }
  return keys
}

/**
 * Puts `ids` in this order under a parent's slot with the fewest writes (SPEC [DOC15]): the
 * longest run already in increasing order keeps its keys, the others get keys between them.
 * A node coming from elsewhere records where it came from (`$from`), like a move.
 */
export function assignPlaces(
  map: Y.Map<NodeMap>,
  ids: readonly string[],
  { parent, slot }: { parent: string; slot: string },
): void {
  const nodes = ids.map((id) => map.get(id))
  const places = nodes.map((node) => (node instanceof Y.Map ? storedPlace(node) : null))
  const kept = places.map((p) => (p && p.parent === parent && p.slot === slot ? p.order : null))
  let keys: string[]
  try {
    keys = keysFor(kept, longestIncreasing(kept))
  } catch {
    // A malformed key in the document: give the whole list fresh keys.
    keys = initialKeys(ids.length)
  }
  nodes.forEach((node, i) => {
    if (!node) return
    const before = places[i]
    if (before && (before.parent !== parent || before.slot !== slot))
      writePreviousPlace(node, before)
    writePlace(node, { parent, slot, order: keys[i] ?? '' })
  })
}
