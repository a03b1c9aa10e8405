import { describe, expect, it } from 'vitest'
import type { OrgNode } from '../api/types'
import { branchesUnder, typeCounts, typeState, withBranch, withType } from './unit-selection'

const tree: OrgNode = {
  id: 1,
  kind: 'committee',
  name: '机关工委',
  children: [
    {
      id: 2,
      kind: 'subcommittee',
      name: '综合部门分工委',
      children: [
        { id: 10, kind: 'branch', name: '办公室第一党支部', unitType: 'organ' },
        { id: 11, kind: 'branch', name: '企业党支部', unitType: 'enterprise' },
        { id: 12, kind: 'branch', name: '办公室第二党支部', unitType: 'organ' },
      ],
    },
    { id: 20, kind: 'branch', name: '直属党支部', unitType: null },
  ],
}

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
