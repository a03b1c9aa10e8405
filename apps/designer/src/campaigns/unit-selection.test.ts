import { describe, expect, it } from 'vitest'
import type { OrgNode } from '../api/types'
import { branchesUnder, typeCounts, typeState, withBranch, withType } from './unit-selection'

// An organisation as `GET /api/orgs` answers it; the selection reads ids, kinds, names and types.
const org = (node: Pick<OrgNode, 'id' | 'kind' | 'name'> & Partial<OrgNode>): OrgNode => ({
  parentId: null,
  unitType: null,
  unitTypeLabel: null,
  path: `/${node.id}/`,
  code: null,
  retiredAt: null,
  reached: true,
  ...node,
})

const tree: OrgNode = org({
  id: 1,
  kind: 'committee',
  name: '机关工委',
  children: [
    org({
      id: 2,
      kind: 'subcommittee',
      name: '综合部门分工委',
      children: [
        org({ id: 10, kind: 'branch', name: '办公室第一党支部', unitType: 'organ' }),
        org({ id: 11, kind: 'branch', name: '企业党支部', unitType: 'enterprise' }),
        org({ id: 12, kind: 'branch', name: '办公室第二党支部', unitType: 'organ' }),
      ],
    }),
    org({ id: 20, kind: 'branch', name: '直属党支部', unitType: null }),
  ],
})

describe('choosing a campaign’s branches', () => {
  const branches = branchesUnder(tree)

  it('lists every branch under an office with its sub-committee, in the tree’s order', () => {
    expect(branches.map((b) => [b.id, b.parentName])).toEqual([
      [10, '综合部门分工委'],
      [11, '综合部门分工委'],
      [12, '综合部门分工委'],
      [20, '机关工委'],
    ])
    expect(branchesUnder(tree.children?.[0] as OrgNode).map((b) => b.id)).toEqual([10, 11, 12])
  })

  it('offers no retired branch, nor anything under a retired unit', () => {
    const retiredAt = '2025-06-01T00:00:00.000Z'
    const withRetired = org({
      ...tree,
      children: [
        org({
          id: 3,
          kind: 'subcommittee',
          name: '已撤销分工委',
          retiredAt,
          children: [org({ id: 30, kind: 'branch', name: '随之撤销', unitType: 'organ' })],
        }),
        org({ id: 21, kind: 'branch', name: '已撤销支部', unitType: 'organ', retiredAt }),
        ...(tree.children ?? []),
      ],
    })
    expect(branchesUnder(withRetired).map((b) => b.id)).toEqual([10, 11, 12, 20])
  })

  it('counts the branch types present', () => {
    expect(typeCounts(branches)).toEqual([
      ['organ', 2],
      ['enterprise', 1],
    ])
  })

  it('picks and drops a whole type, keeping the other picks in the tree’s order', () => {
    const organs = withType([20], branches, 'organ', true)
    expect(organs).toEqual([10, 12, 20])
    expect(typeState(new Set(organs), branches, 'organ')).toBe('all')
    expect(withType(organs, branches, 'organ', false)).toEqual([20])
  })

  it('picks and removes single branches, and says when a type is partly picked', () => {
    const one = withBranch([], branches, 12, true)
    expect(typeState(new Set(one), branches, 'organ')).toBe('some')
    expect(withBranch(one, branches, 10, true)).toEqual([10, 12])
    expect(withBranch([10, 12], branches, 10, false)).toEqual([12])
    expect(typeState(new Set<number>(), branches, 'enterprise')).toBe('none')
  })
})
