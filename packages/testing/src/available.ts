/** What a test needs from the machine that is not there, and what then does not run. */
export interface AvailableOrSkipOptions {
  /** Whether the service answers (or the program is installed). */
  available: boolean
  /** What is missing, e.g. `PostgreSQL is not reachable at …`. */
  missing: string
  /** What does not run without it, e.g. `portal-embed does not run`. */
  skipped: string
}

/**
 * The one rule for what a test needs from the machine (Chromium, PostgreSQL, Redis): there, the
 * test runs; missing with `CI` set, an error, because CI installs all of them (`.ci/run`) and a
 * skip there would pass a job that tested nothing; missing elsewhere, a loud warning and a skip.
 *
 * @example
 * const ready = availableOrSkip({ available: await redisAnswers(), missing, skipped })
 * describe.runIf(ready)('two processes share a form', () => { … })
 */
export function availableOrSkip({ available, missing, skipped }: AvailableOrSkipOptions): boolean {
  if (available) return true
  if (process.env.CI) throw new Error(`${missing}, and CI is set`)
  console.warn(`⚠ ${missing}: ${skipped}`)
  return false
}
