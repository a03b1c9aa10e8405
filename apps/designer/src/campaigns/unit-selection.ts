import type { OrgNode } from '../api/types'

/** A branch under an office, with the organisation it sits in (its sub-committee). */
export interface BranchEntry {
  id: number
  name: string
  unitType: string | null
  parentName: string | null
}

/**
 * Every active branch under an organisation, depth-first (the tree's order), each with its
 * parent's name. A retired unit (and what lies under it) leaves future campaigns, so it is not
 * offered (the server refuses it too).
 *
 * @example
 * branchesUnder(subcommittee) // [{ id: 17, name: '办公室第一党支部', unitType: 'organ', parentName: '综合部门分工委' }, …]
 */
export function branchesUnder(root: OrgNode): BranchEntry[] {
  const out: BranchEntry[] = []
  const walk = (node: OrgNode, parent: OrgNode | null) => {
    if (node.retiredAt) return
    if (node.kind === 'branch') {
      out.push({
        id: node.id,
        name: node.name,
        unitType: node.unitType ?? null,
        parentName: parent?.name ?? null,
      })
    }
    for (const child of node.children ?? []) walk(child, node)
  }
  walk(root, null)
  return out
}

/**
 * The branch types present among some branches, with how many of each, in first-seen order
 * (branches without a type are not counted).
 *
 * @example
 * typeCounts(branches) // [['organ', 5], ['enterprise', 5], …]
 */
export function typeCounts(branches: readonly BranchEntry[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const branch of branches) {
    if (branch.unitType !== null)
      counts.set(branch.unitType, (counts.get(branch.unitType) ?? 0) + 1)
  }
  return [...counts]
}

/**
 * Whether the picked branches hold all, some or none of the branches of a type.
 *
 * @example
 * typeState(new Set([17]), branches, 'organ') // 'some'
 */
export function typeState(
  picked: ReadonlySet<number>,
  branches: readonly BranchEntry[],
  type: string,
): 'all' | 'some' | 'none' {
  const ofType = branches.filter((branch) => branch.unitType === type)
  const n = ofType.filter((branch) => picked.has(branch.id)).length
  return n === 0 ? 'none' : n === ofType.length ? 'all' : 'some'
}

/**
 * Picks (or drops) every branch of a type, keeping the other picks; the result follows the
 * branches' order.
 *
 * @example
 * withType([], branches, 'organ', true) // the ids of every organ branch
 */
export function withType(
  picked: readonly number[],
  branches: readonly BranchEntry[],
  type: string,
  on: boolean,
): number[] {
  const next = new Set(picked)
  for (const branch of branches) {
    if (branch.unitType !== type) continue
    if (on) next.add(branch.id)
    else next.delete(branch.id)
  }
  return ordered(next, branches)
}

/**
 * Picks or drops one branch.
 *
 * @example
 * withBranch([17], branches, 18, true) // [17, 18]
 */
export function withBranch(
  picked: readonly number[],
  branches: readonly BranchEntry[],
  id: number,
  on: boolean,
): number[] {
  const next = new Set(picked)
  if (on) next.add(id)
  else next.delete(id)
  return ordered(next, branches)
}

function ordered(ids: ReadonlySet<number>, branches: readonly BranchEntry[]): number[] {
  return branches.filter((branch) => ids.has(branch.id)).map((branch) => branch.id)
}
