import * as Y from 'yjs'
import {
  ELEMENT_SLOTS,
  elementKind,
  type FormTypes,
  ITEM_SLOTS,
  type NodeMap,
  type OwnerKind,
  ROOT,
} from './layout'
import { placeAt, type Sibling } from './order'
import { storedPlace, writePlace } from './place-fields'
import type { FormTree } from './tree'

/** The kind of a live parent (the survey, a page or an element), or `null` if not live. */
export function liveOwnerKind(types: FormTypes, tree: FormTree, id: string): OwnerKind | null {
  if (id === ROOT) return 'survey'
  const node = types.elements.get(id)
  return node instanceof Y.Map && tree.elements.has(id) ? elementKind(node) : null
}

/** Whether a page (or an element) may sit in this slot of this parent. */
export function acceptsElement(
  types: FormTypes,
  tree: FormTree,
  { parent, slot, page }: { parent: string; slot: string; page: boolean },
): boolean {
  const kind = liveOwnerKind(types, tree, parent)
  if (kind === null) return false
  if (page) return kind === 'survey' && slot === 'pages'
  return slot !== 'pages' && ELEMENT_SLOTS[kind].includes(slot)
}

/** Whether an item may sit in this slot of this parent. */
export function acceptsItem(types: FormTypes, tree: FormTree, parent: string, slot: string) {
  const kind = liveOwnerKind(types, tree, parent)
  return kind !== null && ITEM_SLOTS[kind].includes(slot)
}

/** Whether `id` is `ancestor` or shown somewhere inside it. */
export function isWithin(tree: FormTree, id: string, ancestor: string): boolean {
  const seen = new Set<string>()
  for (let current: string | undefined = id; current !== undefined && !seen.has(current); ) {
    if (current === ancestor) return true
    seen.add(current)
    current = tree.elements.get(current)?.parent
  }
  return false
}

/**
 * The order key for position `index` among `siblings` (without the node itself); siblings that
 * had to be re-keyed to break a tie get their new keys written in the caller's transaction.
 */
export function orderFor(
  map: Y.Map<NodeMap>,
  siblings: readonly Sibling[],
  index: number | undefined,
): string {
  const { order, rekeyed } = placeAt(siblings, index ?? siblings.length)
  for (const sibling of rekeyed) {
    const node = map.get(sibling.id)
    const place = node ? storedPlace(node) : null
    if (node && place) writePlace(node, { ...place, order: sibling.order })
  }
  return order
}
