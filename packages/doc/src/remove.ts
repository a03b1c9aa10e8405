import * as Y from 'yjs'
import type { FormTypes } from './layout'
import { storedPlace } from './place-fields'
import type { FormTree } from './tree'

/**
 * Deletes pages/elements with everything shown inside them, and their items (SPEC [DOC12]).
 * Children follow the shown tree (so a node shown elsewhere after a broken cycle stays), plus
 * hidden nodes stored under a deleted one, so no garbage is left behind. Nodes in `keep` (and what
 * is under them) are spared: `applySurveyJson` has moved them elsewhere.
 */
export function deleteElements(
  types: FormTypes,
  tree: FormTree,
  roots: Iterable<string>,
  keep: ReadonlySet<string> = new Set(),
): void {
  const storedChildren = new Map<string, string[]>()
  for (const [id, node] of types.elements.entries()) {
    const p = node instanceof Y.Map ? storedPlace(node) : null
    if (!p || tree.elements.has(id)) continue
    const list = storedChildren.get(p.parent)
    if (list) list.push(id)
    else storedChildren.set(p.parent, [id])
  }
  const shownChildren = new Map<string, string[]>()
  for (const [id, p] of tree.elements) {
    const list = shownChildren.get(p.parent)
    if (list) list.push(id)
    else shownChildren.set(p.parent, [id])
  }
  const doomed = new Set<string>()
  const stack = [...roots].filter((id) => types.elements.has(id))
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (doomed.has(id) || keep.has(id)) continue
    doomed.add(id)
    stack.push(...(shownChildren.get(id) ?? []), ...(storedChildren.get(id) ?? []))
  }
  for (const [id, node] of types.items.entries()) {
    const p = node instanceof Y.Map ? storedPlace(node) : null
    if (p && doomed.has(p.parent)) types.items.delete(id)
  }
  for (const id of doomed) types.elements.delete(id)
}

/** Deletes the items of one slot of an owner. */
export function deleteSlotItems(types: FormTypes, tree: FormTree, owner: string, slot: string) {
  for (const { id } of tree.itemChildren(owner, slot)) types.items.delete(id)
}

/** Deletes the pages/elements (and what is inside them) of one slot of an owner. */
export function deleteSlotElements(types: FormTypes, tree: FormTree, owner: string, slot: string) {
  deleteElements(
    types,
    tree,
    tree.elementChildren(owner, slot).map((s) => s.id),
  )
}
