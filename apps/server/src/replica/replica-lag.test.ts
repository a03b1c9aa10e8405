import { describe, expect, it } from 'vitest'
import { throttled } from './replica-lag'

describe('throttled', () => {
  it('runs one measurement for concurrent callers and reuses it within its interval', async () => {
    let runs = 0
    const lag = throttled(async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 20))
      return runs
    }, 100)
    expect(await Promise.all([lag.get(), lag.get(), lag.get()])).toEqual([1, 1, 1])
    expect([await lag.get(), runs]).toEqual([1, 1])
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect([await lag.get(), runs]).toEqual([2, 2])
    lag.reset()
    expect([await lag.get(), runs]).toEqual([3, 3])
  })

  it('keeps a failure for its interval too, so a failing query is not run per caller', async () => {
    let runs = 0
    const lag = throttled(async () => {
      runs++
      throw new Error('no lag')
    }, 100)
    await expect(lag.get()).rejects.toThrow('no lag')
    await expect(lag.get()).rejects.toThrow('no lag')
    expect(runs).toBe(1)
  })
})
