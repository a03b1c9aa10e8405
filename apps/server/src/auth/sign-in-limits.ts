import { Redis } from 'ioredis'
import {
  type IRateLimiterOptions,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import type { Config } from '../config'
import { AppError } from '../http/errors'

/** What the limits read of the configuration. */
export type SignInLimitsConfig = Pick<
  Config,
  'SIGN_IN_ATTEMPTS' | 'SIGN_IN_LOCK_MINUTES' | 'REDIS_URL' | 'REDIS_PREFIX'
>

/**
 * Failed sign-ins counted three ways, after OWASP's authentication cheat sheet and
 * rate-limiter-flexible's login recipe:
 * - `pair` — consecutive failures on one account from one address: `SIGN_IN_ATTEMPTS`, then
 *   that pair is locked for `SIGN_IN_LOCK_MINUTES`; a success clears it. Taken *before* the
 *   password is checked, so parallel guesses cannot all slip through before the first failure
 *   is counted.
 * - `account` — failures on one account from any address (a guesser with many addresses):
 *   five times as many per hour, also taken before the check and cleared by a success. Set
 *   looser than `pair` because anyone who knows an e-mail can spend it and lock its owner out.
 * - `address` — failures from one address on any account (one guesser trying many e-mails):
 *   ten times as many per hour, counted after a failure only, so an office signing in together
 *   behind one NAT address is never refused for its successes.
 * A temporary lockout rather than a growing delay: a delay does not slow a guesser who sends
 * attempts in parallel, and "N tries, then wait M minutes" is a rule a user can be told.
 */
function limiterOptions({ SIGN_IN_ATTEMPTS, SIGN_IN_LOCK_MINUTES }: SignInLimitsConfig) {
  const lock = Math.ceil(SIGN_IN_LOCK_MINUTES * 60)
  const hour = 60 * 60
  return {
    pair: { points: SIGN_IN_ATTEMPTS, duration: 24 * hour, blockDuration: lock },
    account: { points: 5 * SIGN_IN_ATTEMPTS, duration: hour, blockDuration: lock },
    address: { points: 10 * SIGN_IN_ATTEMPTS, duration: hour, blockDuration: lock },
  } satisfies Record<string, IRateLimiterOptions>
}

type Limiter = RateLimiterMemory | RateLimiterRedis

/** The sign-in guard of one server process (shared through Redis by all of them). */
export interface SignInLimits {
  /** Takes an attempt on `email` from `address`; throws 429 `tooManyAttempts` when refused. */
  admit: (email: string, address: string) => Promise<void>
  /** Counts a failed attempt (a wrong password, an unknown or deactivated account). */
  failed: (email: string, address: string) => Promise<void>
  /** A success: clears the account's counts. */
  succeeded: (email: string, address: string) => Promise<void>
  /** Closes the Redis connection, if any. */
  close: () => Promise<void>
}

/**
 * The sign-in limits: in Redis when `REDIS_URL` is set (every process sees the same counts;
 * while Redis is unreachable each process falls back to counting in memory), else in memory.
 *
 * @example
 * const limits = createSignInLimits(config)
 * await limits.admit('a@example.org', '203.0.113.7') // throws AppError('tooManyAttempts') when locked
 */
export function createSignInLimits(config: SignInLimitsConfig): SignInLimits {
  const options = limiterOptions(config)
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
    : null
  // A command that fails (Redis unreachable) is answered by the in-memory fallback, and ioredis
  // reconnects by itself: the error event needs no more than that.
  redis?.on('error', () => {})
  const make = (name: keyof typeof options): Limiter => {
    const memory = new RateLimiterMemory({ ...options[name], keyPrefix: `sign-in:${name}` })
    if (!redis) return memory
    return new RateLimiterRedis({
      ...options[name],
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}sign-in:${name}`,
      insuranceLimiter: memory,
    })
  }
  const pair = make('pair')
  const account = make('account')
  const address = make('address')
  const keys = (email: string, from: string) => {
    const who = email.trim().toLowerCase()
    return { pair: `${who}|${from}`, account: who, address: from }
  }
  return {
    admit: async (email, from) => {
      const key = keys(email, from)
      const seen = await address.get(key.address)
      if (seen && seen.consumedPoints >= options.address.points) refuse([seen])
      const taken = await Promise.allSettled([pair.consume(key.pair), account.consume(key.account)])
      const refusals = taken.flatMap((result) => {
        if (result.status === 'fulfilled') return []
        if (result.reason instanceof RateLimiterRes) return [result.reason]
        throw result.reason
      })
      if (refusals.length > 0) refuse(refusals)
    },
    failed: async (email, from) => {
      await address.consume(keys(email, from).address).catch(ignoreRefusal)
    },
    succeeded: async (email, from) => {
      const key = keys(email, from)
      await Promise.all([pair.delete(key.pair), account.delete(key.account)])
    },
    close: async () => {
      await redis?.quit().catch(() => redis.disconnect())
    },
  }
}

/** A limiter's refusal is an answer, not an error; anything else is. */
function ignoreRefusal(error: unknown): void {
  if (!(error instanceof RateLimiterRes)) throw error
}

function refuse(refusals: RateLimiterRes[]): never {
  const ms = Math.max(...refusals.map((res) => res.msBeforeNext))
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000))
  throw new AppError(
    'tooManyAttempts',
    `Too many failed sign-ins: try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  )
}
