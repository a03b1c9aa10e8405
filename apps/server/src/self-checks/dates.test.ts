import { isRealDate } from '@yardstick/contract'
import { describe, expect, it } from 'vitest'
import { localToday } from './dates'
import { rectificationView } from './rectifications'

describe('dates and overdue', () => {
  it('accepts real calendar dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true)
    for (const text of ['2025-02-29', '2025-13-01', '2025-3-1', '2025-03-18T00:00', '']) {
      expect(isRealDate(text), text).toBe(false)
    }
  })

  it('reads today on the local clock', () => {
    expect(localToday(new Date(2025, 2, 8, 23, 59))).toBe('2025-03-08')
  })

  it('marks an item overdue from the day after its deadline, unless fixed', () => {
    const item = (deadline: string | null, status: 'open' | 'inProgress' | 'fixed') => ({
      deadline,
      status,
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    const today = '2025-03-18'
    expect(rectificationView(item('2025-03-18', 'open'), today).overdue).toBe(false)
    expect(rectificationView(item('2025-03-17', 'open'), today).overdue).toBe(true)
    expect(rectificationView(item('2025-03-17', 'inProgress'), today).overdue).toBe(true)
    expect(rectificationView(item('2025-03-17', 'fixed'), today).overdue).toBe(false)
    expect(rectificationView(item(null, 'open'), today).overdue).toBe(false)
  })
})
