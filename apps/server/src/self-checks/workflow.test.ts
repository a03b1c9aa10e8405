import { SELF_CHECK_STATUSES } from '@yardstick/db'
import { describe, expect, it } from 'vitest'
import { AppError } from '../http/errors'
import { assertEditable, assertStep, SELF_CHECK_STEPS, type SelfCheckStep } from './workflow'

describe('self-check workflow rules', () => {
  it('allows each step from exactly one status, in the order draft → approved → announced → submitted', () => {
    const allowed: string[] = []
    for (const status of SELF_CHECK_STATUSES) {
      for (const step of Object.keys(SELF_CHECK_STEPS) as SelfCheckStep[]) {
        try {
          assertStep(status, step)
          allowed.push(`${status} → ${SELF_CHECK_STEPS[step].to}`)
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
          expect((error as AppError).code).toBe('invalidTransition')
          expect((error as AppError).details).toEqual({
            from: status,
            to: SELF_CHECK_STEPS[step].to,
            requires: SELF_CHECK_STEPS[step].from,
          })
        }
      }
    }
    expect(allowed).toEqual(['draft → approved', 'approved → announced', 'announced → submitted'])
  })

  it('lets answers change in draft only', () => {
    expect(() => assertEditable('draft')).not.toThrow()
    for (const status of ['approved', 'announced', 'submitted'] as const) {
      expect(() => assertEditable(status)).toThrow(/answers change only in draft/)
    }
  })
})
