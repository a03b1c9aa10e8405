import type { OrgKind, OrgNode } from '@yardstick/contract'

/** One row of the tree as the admin's screen lists it: the node, its depth and its ancestors. */
export interface TreeRow {
  node: OrgNode
  depth: number
  /** Whether it has children (a twisty to open it). */
  parent: boolean
}

/**
 * The kinds a unit of `kind` may hold: a committee or a sub-committee holds sub-committees and
 * branches; a branch holds nothing (the server decides; this only keeps the form short).
 *
 * @example
 * childKinds('branch') // []
 */
export function childKinds(kind: OrgKind): OrgKind[] {
  return kind === 'branch' ? [] : ['subcommittee', 'branch']
}

/**
 * The rows to show, depth-first: the children of an open node only, and with a `filter` text
 * every node whose name or code contains it, with its ancestors (all shown open).
 *
 * @param open the ids of the nodes whose children show
 * @example
 * visibleRows(tree, new Set([1]), '') // the root and its children
 */
export function visibleRows(
  nodes: readonly OrgNode[],
  open: ReadonlySet<number>,
  filter = '',
): TreeRow[] {
  const needle = filter.trim().toLowerCase()
  const rows: TreeRow[] = []
  const matches = (node: OrgNode): boolean =>
    node.name.toLowerCase().includes(needle) || (node.code ?? '').toLowerCase().includes(needle)
  // With a filter: whether the node or one below it matches (so its branch of the tree shows).
  const keep = new Map<number, boolean>()
  const mark = (node: OrgNode): boolean => {
    let any = matches(node)
    for (const child of node.children ?? []) any = mark(child) || any
    keep.set(node.id, any)
    return any
  }
  if (needle) for (const node of nodes) mark(node)
  const walk = (list: readonly OrgNode[], depth: number) => {
    for (const node of list) {
      if (needle && !keep.get(node.id)) continue
      const children = node.children ?? []
      rows.push({ node, depth, parent: children.length > 0 })
      if (needle || open.has(node.id)) walk(children, depth + 1)
    }
  }
  walk(nodes, 0)
  return rows
}

/**
 * The ids opened at first: the roots and the levels above the branches down to `depth`, so a
 * tree of thousands of branches opens on its committees and sub-committees, not every branch.
 *
 * @example
 * initiallyOpen(tree) // Set { 1 } — the committee shows its sub-committees
 */
export function initiallyOpen(nodes: readonly OrgNode[], depth = 1): Set<number> {
  const open = new Set<number>()
  const walk = (list: readonly OrgNode[], level: number) => {
    if (level >= depth) return
    for (const node of list) {
      open.add(node.id)
      walk(node.children ?? [], level + 1)
    }
  }
  walk(nodes, 0)
  return open
}

/**
 * Where a unit may move: every committee or sub-committee that is neither retired nor the unit
 * itself nor below it (that would make a cycle), nor its present parent; depth-first with depth.
 *
 * @example
 * moveTargets(tree, branch).map((t) => t.node.name) // ['机关工委', '第一党委', …]
 */
export function moveTargets(
  nodes: readonly OrgNode[],
  unit: Pick<OrgNode, 'id' | 'path' | 'parentId'>,
): Array<{ node: OrgNode; depth: number }> {
  const out: Array<{ node: OrgNode; depth: number }> = []
  const walk = (list: readonly OrgNode[], depth: number) => {
    for (const node of list) {
      if (node.path.startsWith(unit.path)) continue
      if (node.kind !== 'branch' && !node.retiredAt && node.id !== unit.parentId && node.reached)
        out.push({ node, depth })
      walk(node.children ?? [], depth + 1)
    }
  }
  walk(nodes, 0)
  return out
}

/**
 * A node of the tree by id, or undefined.
 *
 * @example
 * findNode(tree, 4)?.name // '第一党委'
 */
export function findNode(nodes: readonly OrgNode[], id: number): OrgNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const below = findNode(node.children ?? [], id)
    if (below) return below
  }
  return undefined
}

/**
 * Every node of the tree, depth-first, with its depth (for a unit picker).
 *
 * @example
 * allNodes(tree).length // 6
 */
export function allNodes(nodes: readonly OrgNode[]): Array<{ node: OrgNode; depth: number }> {
  const out: Array<{ node: OrgNode; depth: number }> = []
  const walk = (list: readonly OrgNode[], depth: number) => {
    for (const node of list) {
      out.push({ node, depth })
      walk(node.children ?? [], depth + 1)
    }
  }
  walk(nodes, 0)
  return out
}
