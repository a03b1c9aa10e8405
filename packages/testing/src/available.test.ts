import { afterEach, describe, expect, it, vi } from 'vitest'
import { availableOrSkip } from './available'

const MISSING = { missing: 'Redis is not reachable', skipped: 'scale-out does not run' }

describe('availableOrSkip: a missing service skips loudly, except in CI', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('runs the test, silently, when the service is there', () => {
    vi.stubEnv('CI', 'true')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(availableOrSkip({ available: true, ...MISSING })).toBe(true)
    expect(warn).not.toHaveBeenCalled()
  })

  it('fails in CI rather than skip, naming what is missing', () => {
    vi.stubEnv('CI', 'true')
    expect(() => availableOrSkip({ available: false, ...MISSING })).toThrow(
      'Redis is not reachable, and CI is set',
    )
  })

  it('skips elsewhere with a warning naming what is missing and what does not run', () => {
    vi.stubEnv('CI', '')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(availableOrSkip({ available: false, ...MISSING })).toBe(false)
    expect(warn).toHaveBeenCalledWith('⚠ Redis is not reachable: scale-out does not run')
  })
})
