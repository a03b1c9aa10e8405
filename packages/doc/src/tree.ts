import * as Y from 'yjs'
import { compareStrings, type FormTypes, ROOT } from './layout'
import { compareSiblings, type Sibling } from './order'
import { type Placed, previousPlace, storedPlace } from './place-fields'

/** The form's tree as every replica derives it from the same document state. */
export interface FormTree {
  /** Each live page/element and where it is shown. Hidden (orphaned) nodes are absent. */
  readonly elements: ReadonlyMap<string, Placed>
  /** Each live item and where it is shown. */
  readonly items: ReadonlyMap<string, Placed>
  /** Live page/element ids under a parent's slot, in order. */
  elementChildren(parent: string, slot: string): readonly Sibling[]
  /** Live item ids under a parent's slot, in order. */
  itemChildren(parent: string, slot: string): readonly Sibling[]
  /** The slots of a parent that have live children (elements or items). */
  slotsWithChildren(parent: string): ReadonlySet<string>
}

type Status = 'live' | 'dead' | 'stuck'

/**
 * Derives the tree (SPEC [DOC12], [DOC13]): a node is live when its parent chain reaches the
 * survey; a chain that ends at a missing node hides the whole chain (orphans); a chain that
 * loops (concurrent moves into each other) is broken at the loop's smallest id, which is shown
 * at its place before its last move (`$from`) when that place is live, else in the first page
 * (or at the top level). Terminates: every pass breaks every loop.
 */
export function resolveTree(types: FormTypes): FormTree {
  const place = new Map<string, Placed>()
  for (const [id, node] of types.elements.entries()) {
    const p = node instanceof Y.Map ? storedPlace(node) : null
    if (p) place.set(id, p)
  }
  let status = computeStatus(place)
  for (let pass = 0; status.cycles.length > 0 && pass <= place.size; pass++) {
    for (const cycle of status.cycles) breakCycle(types, place, status.of, cycle)
    status = computeStatus(place)
  }
  const elements = new Map<string, Placed>()
  for (const [id, p] of place) if (status.of.get(id) === 'live') elements.set(id, p)
  const items = new Map<string, Placed>()
  for (const [id, node] of types.items.entries()) {
    const p = node instanceof Y.Map ? storedPlace(node) : null
    if (p && (p.parent === ROOT || elements.has(p.parent))) items.set(id, p)
  }
  return buildTree(elements, items)
}

function computeStatus(place: ReadonlyMap<string, Placed>) {
  const of = new Map<string, Status>()
  const cycles: string[][] = []
  for (const start of place.keys()) {
    if (of.has(start)) continue
    const path: string[] = []
    const onPath = new Map<string, number>()
    let current = start
    let result: Status
    for (;;) {
      if (current === ROOT) {
        result = 'live'
        break
      }
      const known = of.get(current)
      if (known) {
        result = known
        break
      }
      const p = place.get(current)
      if (!p) {
        result = 'dead'
        break
      }
      const seen = onPath.get(current)
      if (seen !== undefined) {
        cycles.push(path.slice(seen))
        result = 'stuck'
        break
      }
      onPath.set(current, path.length)
      path.push(current)
      current = p.parent
    }
    for (const id of path) of.set(id, result)
  }
  return { of, cycles }
}

function breakCycle(
  types: FormTypes,
  place: Map<string, Placed>,
  status: ReadonlyMap<string, Status>,
  cycle: readonly string[],
): void {
  const breaker = [...cycle].sort(compareStrings)[0]
  const current = breaker === undefined ? undefined : place.get(breaker)
  if (breaker === undefined || !current) return
  const node = types.elements.get(breaker)
  const before = node instanceof Y.Map ? previousPlace(node) : null
  if (before && (before.parent === ROOT || status.get(before.parent) === 'live')) {
    place.set(breaker, before)
    return
  }
  const firstPage = [...place]
    .filter(([id, p]) => p.parent === ROOT && p.slot === 'pages' && status.get(id) === 'live')
    .map(([id, p]) => ({ id, order: p.order }))
    .sort(compareSiblings)[0]
  place.set(breaker, {
    parent: firstPage ? firstPage.id : ROOT,
    slot: 'elements',
    order: current.order,
  })
}

function buildTree(elements: Map<string, Placed>, items: Map<string, Placed>): FormTree {
  const group = (entries: Map<string, Placed>) => {
    const lists = new Map<string, Sibling[]>()
    for (const [id, p] of entries) {
      const key = `${p.parent}\u0000${p.slot}`
      const list = lists.get(key)
      if (list) list.push({ id, order: p.order })
      else lists.set(key, [{ id, order: p.order }])
    }
    for (const list of lists.values()) list.sort(compareSiblings)
    return lists
  }
  const elementLists = group(elements)
  const itemLists = group(items)
  const slots = new Map<string, Set<string>>()
  for (const p of [...elements.values(), ...items.values()]) {
    const set = slots.get(p.parent)
    if (set) set.add(p.slot)
    else slots.set(p.parent, new Set([p.slot]))
  }
  const none: readonly Sibling[] = []
  return {
    elements,
    items,
    elementChildren: (parent, slot) => elementLists.get(`${parent}\u0000${slot}`) ?? none,
    itemChildren: (parent, slot) => itemLists.get(`${parent}\u0000${slot}`) ?? none,
    slotsWithChildren: (parent) => slots.get(parent) ?? new Set(),
  }
}
