import { describe, expect, it } from 'vitest'
import { ANNOUNCED_AT, clockText } from './Countdown'

describe('clockText', () => {
  it('shows minutes and seconds, rounding up so 00:00 means the time is up', () => {
    expect(clockText(20 * 60_000)).toBe('20:00')
    expect(clockText(75_400)).toBe('01:16')
    expect(clockText(1)).toBe('00:01')
    expect(clockText(0)).toBe('00:00')
    expect(clockText(-5_000)).toBe('00:00')
    expect(clockText(2 * 3600_000 + 5_000)).toBe('2:00:05')
  })

  it('announces a handful of marks, not every second', () => {
    expect(ANNOUNCED_AT.length).toBeLessThanOrEqual(5)
    expect([...ANNOUNCED_AT]).toEqual([...ANNOUNCED_AT].sort((a, b) => b - a))
  })
})
