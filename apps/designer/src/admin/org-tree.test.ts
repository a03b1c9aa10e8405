import type { OrgNode } from '@yardstick/contract'
import { describe, expect, it } from 'vitest'
import { allNodes, childKinds, findNode, initiallyOpen, moveTargets, visibleRows } from './org-tree'

// The fixture's shape: a committee, two sub-committees, three branches (one retired).
const org = (node: Pick<OrgNode, 'id' | 'kind' | 'name' | 'path'> & Partial<OrgNode>): OrgNode => ({
  parentId: null,
  unitType: null,
  unitTypeLabel: null,
  code: null,
  retiredAt: null,
  reached: true,
  ...node,
})
const tree: OrgNode[] = [
  org({
    id: 1,
    kind: 'committee',
    name: '机关工委',
    path: '/1/',
    children: [
      org({
        id: 2,
        parentId: 1,
        kind: 'subcommittee',
        name: '第一党委',
        path: '/1/2/',
        children: [
          org({
            id: 4,
            parentId: 2,
            kind: 'branch',
            name: '第一支部',
            path: '/1/2/4/',
            code: 'A01',
          }),
          org({
            id: 5,
            parentId: 2,
            kind: 'branch',
            name: '第二支部',
            path: '/1/2/5/',
            retiredAt: '2026-01-01T00:00:00Z',
          }),
        ],
      }),
      org({
        id: 3,
        parentId: 1,
        kind: 'subcommittee',
        name: '第二党委',
        path: '/1/3/',
        retiredAt: '2026-01-01T00:00:00Z',
        children: [org({ id: 6, parentId: 3, kind: 'branch', name: '第三支部', path: '/1/3/6/' })],
      }),
    ],
  }),
]
const names = (rows: Array<{ node: OrgNode }>) => rows.map((row) => row.node.name)

describe('the organisation tree on the admin’s screen', () => {
  it('opens on the committee and its sub-committees, a branch level only once opened', () => {
    const open = initiallyOpen(tree)
    expect([...open]).toEqual([1])
    expect(names(visibleRows(tree, open))).toEqual(['机关工委', '第一党委', '第二党委'])
    const rows = visibleRows(tree, new Set([1, 2]))
    expect(names(rows)).toEqual(['机关工委', '第一党委', '第一支部', '第二支部', '第二党委'])
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 2, 1])
    expect(rows.map((r) => r.parent)).toEqual([true, true, false, false, true])
  })

  it('finds by name or code, showing each match with its ancestors, closed or not', () => {
    expect(names(visibleRows(tree, new Set(), 'a01'))).toEqual(['机关工委', '第一党委', '第一支部'])
    expect(names(visibleRows(tree, new Set(), '第三'))).toEqual([
      '机关工委',
      '第二党委',
      '第三支部',
    ])
    expect(visibleRows(tree, new Set(), '没有这个')).toEqual([])
  })

  it('offers as a new parent no unit below the one moving, no branch, no retired unit, not its parent', () => {
    const branch = findNode(tree, 4) as OrgNode
    expect(names(moveTargets(tree, branch))).toEqual(['机关工委'])
    const sub = findNode(tree, 2) as OrgNode
    // Not itself nor its branches (a cycle), not its parent (no move), not the retired 第二党委.
    expect(names(moveTargets(tree, sub))).toEqual([])
    const retiredSubsBranch = findNode(tree, 6) as OrgNode
    expect(names(moveTargets(tree, retiredSubsBranch))).toEqual(['机关工委', '第一党委'])
  })

  it('adds sub-committees and branches below a committee or sub-committee, nothing below a branch', () => {
    expect(childKinds('committee')).toEqual(['subcommittee', 'branch'])
    expect(childKinds('subcommittee')).toEqual(['subcommittee', 'branch'])
    expect(childKinds('branch')).toEqual([])
  })

  it('lists every node depth-first and finds one by id', () => {
    expect(allNodes(tree).map((n) => n.node.id)).toEqual([1, 2, 4, 5, 3, 6])
    expect(findNode(tree, 5)?.name).toBe('第二支部')
    expect(findNode(tree, 99)).toBeUndefined()
  })
})
