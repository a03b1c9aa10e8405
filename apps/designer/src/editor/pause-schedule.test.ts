import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { schedulePauses } from './pause-schedule'

describe('schedulePauses', () => {
  // Fake timers move `Date.now()` with them, to the millisecond each timer is due.
  const now = () => Date.now()
  const pass = (ms: number) => vi.advanceTimersByTime(ms)
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })
  afterEach(() => vi.useRealTimers())

  it('runs once, a pause after a burst of changes', () => {
    const run = vi.fn()
    const schedule = schedulePauses(run, { pauseMs: () => 100, spacing: 2, now })
    schedule.changed()
    pass(30)
    schedule.changed()
    schedule.changed()
    pass(69)
    expect(run).not.toHaveBeenCalled()
    pass(1)
    expect(run).toHaveBeenCalledTimes(1)
    pass(1000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('waits while this editor keeps typing, and runs once it has been still for the pause', () => {
    const run = vi.fn()
    const schedule = schedulePauses(run, { pauseMs: () => 100, spacing: 2, now })
    schedule.changed()
    for (let key = 0; key < 20; key++) {
      schedule.active()
      schedule.changed()
      pass(60)
    }
    expect(run).not.toHaveBeenCalled()
    pass(39)
    expect(run).not.toHaveBeenCalled()
    pass(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it("is not postponed by colleagues' edits, only by this editor's own activity", () => {
    const runs: number[] = []
    const schedule = schedulePauses(
      () => {
        runs.push(now())
        schedule.finished()
      },
      { pauseMs: () => 100, spacing: 2, now },
    )
    // Colleagues' edits every 20 ms for a second; this editor does nothing.
    for (let t = 0; t < 1000; t += 20) {
      schedule.changed()
      pass(20)
    }
    schedule.stop()
    expect(runs[0]).toBe(100)
    expect(runs.length).toBeGreaterThanOrEqual(9)
  })

  it('spaces runs by their cost', () => {
    const starts: number[] = []
    const schedule = schedulePauses(
      () => {
        starts.push(now())
        setTimeout(() => schedule.finished(), 100)
      },
      { pauseMs: () => 50, spacing: 2, now },
    )
    for (let t = 0; t < 3000; t += 20) {
      schedule.changed()
      pass(20)
    }
    schedule.stop()
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] as number))
    expect(starts.length).toBeGreaterThan(5)
    // The first run took nothing yet; from the second on a run took 100 ms: 200 ms between starts.
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(200)
  })

  it('never starts a run while one is under way, and runs once more after it for the changes meanwhile', () => {
    const starts: number[] = []
    const schedule = schedulePauses(() => starts.push(now()), {
      pauseMs: () => 50,
      spacing: 0,
      now,
    })
    schedule.changed()
    pass(50)
    expect(starts).toEqual([50])
    schedule.changed()
    pass(500)
    expect(starts).toEqual([50])
    schedule.finished()
    pass(50)
    expect(starts).toEqual([50, 600])
  })

  it('runs nothing once stopped', () => {
    const run = vi.fn()
    const schedule = schedulePauses(run, { pauseMs: () => 100, spacing: 2, now })
    schedule.changed()
    schedule.stop()
    schedule.changed()
    pass(1000)
    expect(run).not.toHaveBeenCalled()
  })
})
