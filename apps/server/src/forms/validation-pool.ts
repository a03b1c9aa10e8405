import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { FormValidation } from '@yardstick/sdk'
import { Piscina } from 'piscina'
import { AppError } from '../http/errors'

// The production build (build.config.ts) puts the worker, as JavaScript, beside the bundle that
// holds this module; from sources there is none, and the TypeScript worker runs through tsx.
const BUILT_WORKER = new URL('./validate.worker.js', import.meta.url)
const BUILT = existsSync(fileURLToPath(BUILT_WORKER))
const WORKER = BUILT ? BUILT_WORKER.href : new URL('./validate.worker.ts', import.meta.url).href

// The TypeScript worker imports workspace packages by their source: it needs the same loader and
// export condition the server runs with from sources (`node --import tsx
// --conditions=@yardstick/source`), given explicitly, since a test runner's worker has neither.
// tsx is resolved from here, not from whatever folder the process started in.
const EXEC_ARGV = BUILT
  ? []
  : ['--conditions=@yardstick/source', '--import', createRequire(import.meta.url).resolve('tsx')]

/** How long one check may take, from the moment it is asked for. */
export interface ValidationPoolOptions {
  /** Milliseconds before the check is stopped (its thread terminated): 20 000 by default. */
  timeoutMs?: number
}

// Checks queued beyond this are refused at once rather than waiting past their time limit.
const MAX_QUEUE = 32

let pool: Piscina<unknown, FormValidation> | null = null

function thePool(minThreads = 0): Piscina<unknown, FormValidation> {
  pool ??= new Piscina<unknown, FormValidation>({
    filename: WORKER,
    execArgv: EXEC_ARGV,
    // The request thread keeps one core; a one-core machine still gets one worker.
    maxThreads: Math.max(1, availableParallelism() - 1),
    minThreads,
    // Starting a thread loads survey-core (about a second): keep it for a while once started.
    idleTimeout: 60_000,
    maxQueue: MAX_QUEUE,
  })
  return pool
}

/**
 * `validateForm` of a form in a worker thread, so the request thread keeps answering (a
 * SurveyJS model of a large form takes seconds of CPU). The check has `timeoutMs` from the
 * moment it is asked for, waiting in the queue included: past it the thread is terminated and
 * the request gets 503 `validationUnavailable` (so does one that finds the queue full) — the
 * form was within `FORM_LIMITS` (checked before), so running out of time says the server is
 * busy, not that the form is wrong; a later retry can succeed.
 *
 * @example
 * const { valid, errors } = await validateFormOffThread(form.json)
 */
export async function validateFormOffThread(
  json: unknown,
  { timeoutMs = 20_000 }: ValidationPoolOptions = {},
): Promise<FormValidation> {
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    return await thePool().run(json, { signal })
  } catch (error) {
    if (signal.aborted || isQueueFull(error)) {
      throw new AppError(
        'validationUnavailable',
        `Checking the form did not finish within ${timeoutMs} ms: nothing was published, retry later`,
        { timeoutMs, retryAfterSeconds: RETRY_AFTER_SECONDS },
      )
    }
    throw error
  }
}

/** What `Retry-After` says with a 503 `validationUnavailable`. */
export const RETRY_AFTER_SECONDS = 5

function isQueueFull(error: unknown): boolean {
  return error instanceof Error && error.message === 'Task queue is at limit'
}

/**
 * Starts the pool with one thread ready (the server's start), so the first publish does not
 * wait for a thread to load survey-core; without it the pool starts at the first check.
 *
 * @example
 * startValidationPool()
 */
export function startValidationPool(): void {
  thePool(1)
}

/**
 * Stops the validation threads (the server's `stop`); the next check starts a new pool.
 *
 * @example
 * await closeValidationPool()
 */
export async function closeValidationPool(): Promise<void> {
  const closing = pool
  pool = null
  await closing?.destroy()
}
