import { describe, expect, it } from 'vitest'
import { daysLeft } from './days-left'

describe('days left until a deadline', () => {
  it('counts a part of a day as a day, and nothing once it has passed', () => {
    const now = new Date('2026-12-30T12:00:00+08:00')
    expect(daysLeft('2026-12-31T23:59:59+08:00', now)).toBe(2)
    expect(daysLeft('2026-12-30T12:00:01+08:00', now)).toBe(1)
    expect(daysLeft('2026-12-30T12:00:00+08:00', now)).toBe(0)
    expect(daysLeft('2026-12-01T00:00:00+08:00', now)).toBe(0)
  })
})
