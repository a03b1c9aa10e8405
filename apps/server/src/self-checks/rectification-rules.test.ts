import { RECTIFICATION_STATUSES } from '@yardstick/db'
import { describe, expect, it } from 'vitest'
import { AppError } from '../http/errors'
import {
  assertTransition,
  isOverdue,
  RECTIFICATION_ACTORS,
  RECTIFICATION_TRANSITIONS,
} from './rectification-rules'

describe('rectification rules', () => {
  it('allow exactly the moves of the one table, and refuse every other with invalidTransition', () => {
    const allowed: string[] = []
    for (const from of RECTIFICATION_STATUSES) {
      for (const to of RECTIFICATION_STATUSES) {
        for (const by of RECTIFICATION_ACTORS) {
          try {
            assertTransition(from, to, by)
            allowed.push(`${from} → ${to} by ${by}`)
          } catch (error) {
            expect(error).toBeInstanceOf(AppError)
            expect((error as AppError).code).toBe('invalidTransition')
            expect((error as AppError).details).toMatchObject({ from, to, by })
          }
        }
      }
    }
    expect(allowed.sort()).toEqual(
      RECTIFICATION_TRANSITIONS.map((t) => `${t.from} → ${t.to} by ${t.by}`).sort(),
    )
    expect(allowed.sort()).toEqual(
      [
        'open → inProgress by branch',
        'open → fixed by branch',
        'inProgress → fixed by branch',
        'returned → inProgress by branch',
        'returned → fixed by branch',
        'fixed → inProgress by branch',
        'fixed → accepted by superior',
        'fixed → returned by superior',
      ].sort(),
    )
  })

  it('let only the superior accept or return, and nobody move an accepted one', () => {
    for (const t of RECTIFICATION_TRANSITIONS) {
      if (t.to === 'accepted' || t.to === 'returned') expect(t.by).toBe('superior')
      expect(t.from).not.toBe('accepted')
    }
  })

  it('count a returned rectification as late after its deadline, and a fixed or accepted one never', () => {
    const today = '2025-03-18'
    expect(isOverdue('2025-03-17', 'returned', today)).toBe(true)
    expect(isOverdue('2025-03-17', 'inProgress', today)).toBe(true)
    expect(isOverdue('2025-03-18', 'open', today)).toBe(false)
    expect(isOverdue('2025-03-17', 'fixed', today)).toBe(false)
    expect(isOverdue('2025-03-17', 'accepted', today)).toBe(false)
    expect(isOverdue(null, 'open', today)).toBe(false)
  })
})
