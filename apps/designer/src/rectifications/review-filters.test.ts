import { describe, expect, it } from 'vitest'
import { filtersQuery, readFilters } from './review-filters'

describe('the office screen’s filters in the address', () => {
  it('read back what they wrote', () => {
    for (const filters of [
      { overdue: false },
      { campaignId: 3, status: 'fixed' as const, overdue: false },
      { subtree: 4, overdue: true },
    ]) {
      expect(readFilters(filtersQuery(filters))).toEqual(filters)
    }
  })

  it('leave out what they do not know', () => {
    expect(readFilters('?status=done&campaignId=x&subtree=-2&overdue=yes')).toEqual({
      overdue: false,
    })
  })
})
