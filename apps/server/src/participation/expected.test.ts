import { describe, expect, it } from 'vitest'
import { expectedOf, participationStatus } from './expected'

describe('what a unit is expected to answer', () => {
  it('expects one self-check of each branch, whatever its tokens or minimum', () => {
    expect(
      expectedOf({ answeredBy: 'selfCheck', panelSize: 0, minResponses: 3, tokensIssued: 9 }),
    ).toEqual({
      expected: 1,
      basis: 'selfCheck',
    })
  })

  it('expects one answer per token issued, before the source’s minimum', () => {
    expect(
      expectedOf({ answeredBy: 'members', panelSize: 0, minResponses: 5, tokensIssued: 40 }),
    ).toEqual({
      expected: 40,
      basis: 'tokens',
    })
    expect(
      expectedOf({ answeredBy: 'members', panelSize: 0, minResponses: 5, tokensIssued: 0 }),
    ).toEqual({
      expected: 5,
      basis: 'minResponses',
    })
  })

  it('expects one superior scorecard unless the source asks for more', () => {
    expect(
      expectedOf({ answeredBy: 'assessors', panelSize: 0, minResponses: null, tokensIssued: 0 }),
    ).toEqual({
      expected: 1,
      basis: 'one',
    })
    expect(
      expectedOf({ answeredBy: 'assessors', panelSize: 0, minResponses: 3, tokensIssued: 0 }),
    ).toEqual({
      expected: 3,
      basis: 'minResponses',
    })
  })

  it('has no target for an open survey with neither tokens nor a minimum', () => {
    expect(
      expectedOf({ answeredBy: 'members', panelSize: 0, minResponses: null, tokensIssued: 0 }),
    ).toEqual({
      expected: null,
      basis: 'none',
    })
    expect(
      expectedOf({ answeredBy: 'members', panelSize: 0, minResponses: 0, tokensIssued: 0 }).basis,
    ).toBe('none')
  })

  it('expects one rating from each member of a panel, whatever its minimum', () => {
    expect(
      expectedOf({ answeredBy: 'panel', panelSize: 7, minResponses: 3, tokensIssued: 0 }),
    ).toEqual({
      expected: 7,
      basis: 'panel',
    })
  })

  it('calls a unit done once it reaches the expected count, or answers at all without one', () => {
    expect(participationStatus(0, 5)).toBe('none')
    expect(participationStatus(0, null)).toBe('none')
    expect(participationStatus(4, 5)).toBe('partial')
    expect(participationStatus(5, 5)).toBe('complete')
    expect(participationStatus(6, 5)).toBe('complete')
    expect(participationStatus(1, null)).toBe('complete')
  })
})
