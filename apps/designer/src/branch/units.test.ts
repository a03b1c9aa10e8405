import { describe, expect, it } from 'vitest'
import { branchUnits } from './units'

const grant = (role: string, orgId: number) => ({ role, orgId, path: `/1/${orgId}/` })

describe('branch units', () => {
  it('are the organisations of the secretary grants, once each', () => {
    expect(
      branchUnits({ grants: [grant('secretary', 7), grant('secretary', 7), grant('editor', 1)] }),
    ).toEqual([7])
    expect(branchUnits({ grants: [grant('reviewer', 1)] })).toEqual([])
  })
})
