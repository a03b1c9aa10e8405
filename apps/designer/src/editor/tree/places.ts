import { type ElementTarget, type FormView, type NodeView, nodeOf, ROOT } from '@yardstick/doc'

/** The slot a container keeps its elements in (`templateElements` for a dynamic panel). */
export function elementSlotOf(node: NodeView): string {
  return node.json.type === 'paneldynamic' ? 'templateElements' : 'elements'
}

/** The ids beside a node (same parent and slot), in order, itself included. */
export function siblingsOf(view: FormView, node: NodeView): string[] {
  if (node.parent === ROOT) return [...(node.slot === 'pages' ? view.pages : view.topElements)]
  const parent = view.nodes.get(node.parent)
  return (parent?.children ?? []).filter((id) => view.nodes.get(id)?.slot === node.slot)
}

/** The page a node is on (itself for a page), or null for a top-level element. */
export function pageOf(view: FormView, id: string): NodeView | null {
  let node = view.nodes.get(id)
  while (node && node.kind !== 'page') node = view.nodes.get(node.parent)
  return node ?? null
}

/**
 * Where a new element goes for the current selection: after a selected question, at the end of
 * a selected page or panel, else at the end of the last page; null when the form has no page.
 */
export function insertTarget(view: FormView, selected: string | null): ElementTarget | null {
  const node = nodeOf(view, selected)
  if (node?.kind === 'question')
    return { parent: node.parent, slot: node.slot, index: node.index + 1 }
  if (node) return { parent: node.id, slot: elementSlotOf(node) }
  const lastPage = view.pages.at(-1)
  if (lastPage) return { parent: lastPage }
  if (view.topElements.length > 0) return { parent: ROOT, slot: 'elements' }
  return null
}

/** Where a new page goes: after the page of the selection, else last. */
export function pageInsertIndex(view: FormView, selected: string | null): number {
  const page = selected ? pageOf(view, selected) : null
  return page ? page.index + 1 : view.pages.length
}

/**
 * Where a dragged node lands when dropped on another row: a page among pages (at that page's
 * place); an element onto a page or panel row goes first inside it; onto a question, to that
 * question's place (after it when moving down in the same list, before it otherwise).
 *
 * @returns the target, or null when the drop means nothing
 */
export function dropTarget(view: FormView, activeId: string, overId: string): ElementTarget | null {
  const active = view.nodes.get(activeId)
  const over = view.nodes.get(overId)
  if (!active || !over || activeId === overId) return null
  if (active.kind === 'page') {
    const page = pageOf(view, overId)
    if (!page || page.id === activeId) return null
    return { parent: ROOT, slot: 'pages', index: page.index }
  }
  if (over.kind !== 'question') return { parent: over.id, slot: elementSlotOf(over), index: 0 }
  return { parent: over.parent, slot: over.slot, index: over.index }
}

/**
 * Where a toolbox entry dropped on a tree row goes: onto a question, at its place (before it);
 * onto a page or panel, first inside it.
 *
 * @returns the target, or null when the row is not a node
 */
export function toolDropTarget(view: FormView, overId: string): ElementTarget | null {
  const over = view.nodes.get(overId)
  if (!over) return null
  if (over.kind !== 'question') return { parent: over.id, slot: elementSlotOf(over), index: 0 }
  return { parent: over.parent, slot: over.slot, index: over.index }
}

/** A keyboard move of the tree: Alt+↑/↓ among siblings, Alt+← out of a panel, Alt+→ into one. */
export type KeyboardMove = 'up' | 'down' | 'out' | 'in'

/**
 * Where a keyboard move takes a node. At the top or bottom of a page, up/down continue on the
 * previous/next page.
 *
 * @returns the target, or null when the node cannot go that way
 */
export function keyboardTarget(
  view: FormView,
  id: string,
  move: KeyboardMove,
): ElementTarget | null {
  const node = view.nodes.get(id)
  if (!node) return null
  const siblings = siblingsOf(view, node)
  const parent = view.nodes.get(node.parent)
  switch (move) {
    case 'up':
      if (node.index > 0) return { parent: node.parent, slot: node.slot, index: node.index - 1 }
      if (parent?.kind === 'page') {
        const previous = view.pages[parent.index - 1]
        if (previous) return { parent: previous }
      }
      return null
    case 'down':
      if (node.index < siblings.length - 1)
        return { parent: node.parent, slot: node.slot, index: node.index + 1 }
      if (parent?.kind === 'page') {
        const next = view.pages[parent.index + 1]
        if (next) return { parent: next, index: 0 }
      }
      return null
    case 'out':
      if (parent?.kind !== 'panel') return null
      return { parent: parent.parent, slot: parent.slot, index: parent.index + 1 }
    case 'in': {
      const previous = view.nodes.get(siblings[node.index - 1] ?? '')
      if (node.kind === 'page' || previous?.kind !== 'panel') return null
      return { parent: previous.id, slot: elementSlotOf(previous) }
    }
  }
}

/** The rows the tree shows: every node in document order, minus what collapsed nodes hide. */
export function visibleRows(view: FormView, collapsed: ReadonlySet<string>): NodeView[] {
  const rows: NodeView[] = []
  const hiddenUnder = new Set<string>()
  for (const id of view.order) {
    const node = view.nodes.get(id)
    if (!node) continue
    if (hiddenUnder.has(node.parent)) {
      hiddenUnder.add(id)
      continue
    }
    rows.push(node)
    if (collapsed.has(id)) hiddenUnder.add(id)
  }
  return rows
}
