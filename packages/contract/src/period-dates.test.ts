import { describe, expect, it } from 'vitest'
import { periodLabel, suggestNextPeriod } from './period-dates'

describe('suggestNextPeriod', () => {
  it('moves a monthly period on by a month and renames 2026年1月 to 2026年2月', () => {
    const next = suggestNextPeriod(
      {
        name: '2026年1月 支部月度点评',
        opensAt: '2026-01-01T00:00:00+08:00',
        closesAt: '2026-01-31T23:59:00+08:00',
      },
      'monthly',
    )
    // 31 January + 1 month keeps the month's last day, 28 February.
    expect(next).toEqual({
      name: '2026年2月 支部月度点评',
      opensAt: '2026-01-31T16:00:00.000Z',
      closesAt: '2026-02-28T15:59:00.000Z',
    })
  })

  it('moves a quarterly period on by three months, across a year', () => {
    const next = suggestNextPeriod(
      {
        name: '2025年第四季度考核',
        opensAt: '2025-10-01T00:00:00+08:00',
        closesAt: '2025-12-31T00:00:00+08:00',
      },
      'quarterly',
    )
    expect(next.name).toBe('2026年第一季度考核')
    expect(periodLabel(next.opensAt, 'quarterly')).toBe('2026年第一季度')
    expect(next.closesAt).toBe('2026-03-30T16:00:00.000Z')
  })

  it('moves a yearly period on by a year, and puts the label in front of a name without one', () => {
    const next = suggestNextPeriod(
      { name: '年度述职', opensAt: '2025-01-01T00:00:00Z', closesAt: '2025-12-31T00:00:00Z' },
      'yearly',
    )
    expect(next).toEqual({
      name: '2026年 年度述职',
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-12-31T00:00:00.000Z',
    })
  })
})
