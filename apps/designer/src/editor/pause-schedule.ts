/** Options of `schedulePauses`. */
export interface PauseScheduleOptions {
  /** How long this editor must have been still before a run (read at each decision). */
  pauseMs: () => number
  /**
   * Colleagues' edits never postpone a run, but runs start at most every `spacing` times the
   * last one took: with `spacing` 2 the work takes at most a third of the time.
   */
  spacing: number
  /** The clock (tests pass their own). */
  now?: () => number
}

/** What `schedulePauses` is told, and how it is stopped. */
export interface PauseSchedule {
  /** Something changed (anyone's edit): run once this editor has paused. */
  changed: () => void
  /** This editor did something (a key, a click, a scroll, an edit of its own). */
  active: () => void
  /**
   * The last run has finished (its duration spaces the next). Every run must be followed by
   * this: no run starts while one is under way.
   */
  finished: () => void
  stop: () => void
}

/**
 * Runs costly work that follows the form (the preview's SurveyJS model, `validateForm` of 500
 * questions) when this editor pauses, never between its keystrokes, where it would compete with
 * typing for the machine's cores. Every change is followed by exactly one run once the editor
 * has been still for `pauseMs`; changes while waiting share that run.
 *
 * @example
 * const schedule = schedulePauses(rebuild, { pauseMs: () => 150, spacing: 2 })
 * view.subscribe(schedule.changed)
 */
export function schedulePauses(
  run: () => void,
  { pauseMs, spacing, now = () => performance.now() }: PauseScheduleOptions,
): PauseSchedule {
  let lastActivity = Number.NEGATIVE_INFINITY
  let started = Number.NEGATIVE_INFINITY
  let took = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let running = false
  // A change came while a run was under way: one more run once it is done.
  let again = false

  const attempt = () => {
    timer = undefined
    if (stopped) return
    if (running) {
      again = true
      return
    }
    const at = now()
    const wait = Math.max(pauseMs() - (at - lastActivity), spacing * took - (at - started))
    if (wait > 0) {
      timer = setTimeout(attempt, wait)
      return
    }
    started = at
    running = true
    run()
  }
  const changed = () => {
    if (!stopped) timer ??= setTimeout(attempt, pauseMs())
  }
  return {
    changed,
    active: () => {
      lastActivity = now()
    },
    finished: () => {
      if (!running) return
      running = false
      took = now() - started
      if (again) {
        again = false
        changed()
      }
    },
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
