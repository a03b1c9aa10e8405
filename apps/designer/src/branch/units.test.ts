import { describe, expect, it } from 'vitest'
import { branchUnits, isBranchOnly } from './units'

const grant = (role: string, orgId: number) => ({ role, orgId, path: `/1/${orgId}/` })

describe('branch units', () => {
  it('are the organisations of the secretary grants, once each', () => {
    expect(
      branchUnits({ grants: [grant('secretary', 7), grant('secretary', 7), grant('editor', 1)] }),
    ).toEqual([7])
    expect(branchUnits({ grants: [grant('reviewer', 1)] })).toEqual([])
  })

  it('make a branch-only user, unless they also hold a designer role', () => {
    expect(isBranchOnly({ grants: [grant('secretary', 7)] })).toBe(true)
    expect(isBranchOnly({ grants: [grant('secretary', 7), grant('editor', 1)] })).toBe(false)
    expect(isBranchOnly({ grants: [] })).toBe(false)
  })
})
