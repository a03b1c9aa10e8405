// Sign-in: guessing, timing and hashing load (issue 16 item 4, RELIABILITY.md "Sign-in:
// guessing, timing and hashing load"). Guessing is limited per account and address (shared
// through Redis by every process), an unknown e-mail costs the same scrypt as a known one, and
// a flood of sign-ins does not starve the event loop. `YS_CHAOS=1` (`pnpm chaos`) floods with
// 200 parallel sign-ins and prints the figures RELIABILITY.md quotes.
import * as crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { createSignInLimits } from '../../src/auth/sign-in-limits'
import { loadConfig } from '../../src/config'
import { REDIS_URL, redisPrefix, scaleOutReady } from '../collab/redis'
import { createFixture, type Fixture, PASSWORD } from '../harness'

// Every scrypt the server computes goes through this spy: the timing rule is asserted as "the
// same number of hashes", never as a duration.
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>()
  return { ...actual, scrypt: vi.fn(actual.scrypt) }
})
const scrypt = vi.mocked(crypto.scrypt)

const CHAOS = process.env.YS_CHAOS === '1'
/** Parallel sign-ins in the flood, and health probes before and during it. */
const FLOOD = CHAOS ? 200 : 20
const PROBES = CHAOS ? 200 : 30
const GUESSES = 200
/** Refusals timed per path for the median. */
const RUNS = CHAOS ? 51 : 7

const login = (f: Fixture, email: string, password: string, headers: Record<string, string> = {}) =>
  f.call('POST', '/api/auth/login', { body: { email, password }, headers })

// One app with limits high enough never to refuse, for what is not about the limits: timing,
// the flood, a database for the Redis test. Fixtures are few: each costs seconds to build.
let generous: Fixture
beforeAll(async () => {
  generous = await createFixture('pglite', { SIGN_IN_ATTEMPTS: '100000' })
})
afterAll(() => generous.close())

describe.each(await testStores())('sign-in guessing on %s', (kind) => {
  let f: Fixture
  beforeAll(async () => {
    f = await createFixture(kind)
  })
  afterAll(() => f.close())

  it(`refuses the right password after ${GUESSES} wrong ones, with 429 and Retry-After`, async () => {
    const email = f.users.editor.email
    const statuses: number[] = []
    for (let i = 0; i < GUESSES; i++) statuses.push((await login(f, email, `guess-${i}`)).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]))
    const right = await login(f, email, PASSWORD)
    expect(right.status).toBe(429)
    expect(right.body.error.code).toBe('tooManyAttempts')
    const retryAfter = Number(right.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(right.body.error.details.retryAfterSeconds).toBe(retryAfter)
    // The same e-mail in capitals is the same account.
    expect((await login(f, email.toUpperCase(), PASSWORD)).status).toBe(429)
    // Another account from the same address is not locked by this one's guesses.
    expect((await login(f, f.users.reviewer.email, PASSWORD)).status).toBe(200)
  })

  it('refuses parallel guesses beyond the limit: none slips through before the first failure', async () => {
    const email = f.users.assessor.email
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(f, email, `parallel-${i}`)),
    )
    const checked = answers.filter((a) => a.status === 401).length
    expect(checked).toBe(10)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40)
    expect((await login(f, email, PASSWORD)).status).toBe(429)
  })

  it('a success clears the count: nine wrong, right, nine wrong, right', async () => {
    const email = f.users.secretary.email
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect((await login(f, email, `wrong-${i}`)).status).toBe(401)
      expect((await login(f, email, PASSWORD)).status).toBe(200)
    }
  })

  it('ignores X-Forwarded-For without a trusted proxy: a forged address gets no fresh attempts', async () => {
    const email = f.users.outsider.email
    for (let i = 0; i < 10; i++) {
      const forged = { 'x-forwarded-for': `198.51.100.${i}` }
      expect((await login(f, email, `wrong-${i}`, forged)).status).toBe(401)
    }
    const fresh = { 'x-forwarded-for': '198.51.100.200' }
    expect((await login(f, email, PASSWORD, fresh)).status).toBe(429)
  })

  it('counts an unknown e-mail like a known one (no free guesses, same refusal)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await login(f, 'nobody@example.org', 'x')).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429])
  })
})

describe('sign-in limits behind a trusted proxy', () => {
  let behindProxy: Fixture
  beforeAll(async () => {
    behindProxy = await createFixture('pglite', { TRUST_PROXY: 'true' })
  })
  afterAll(() => behindProxy.close())

  it('behind a trusted proxy, counts per forwarded address', async () => {
    const email = behindProxy.users.editor.email
    const guesser = { 'x-forwarded-for': '203.0.113.9' }
    for (let i = 0; i < 10; i++) await login(behindProxy, email, `wrong-${i}`, guesser)
    expect((await login(behindProxy, email, PASSWORD, guesser)).status).toBe(429)
    // The owner, from their own address, still signs in (the account-wide limit is looser).
    const owner = { 'x-forwarded-for': '192.0.2.44' }
    expect((await login(behindProxy, email, PASSWORD, owner)).status).toBe(200)
    // A client's own X-Forwarded-For entries left of the proxy's are not believed.
    const spoofed = { 'x-forwarded-for': '192.0.2.44, 203.0.113.9' }
    expect((await login(behindProxy, email, PASSWORD, spoofed)).status).toBe(429)
  })
})

describe.runIf(await scaleOutReady('sign-in limits shared by two processes'))(
  'sign-in limits in Redis',
  () => {
    it('two app instances on one Redis share one count', async () => {
      const f = generous
      const config = loadConfig({ SEED_DEMO: 'false', REDIS_URL, REDIS_PREFIX: redisPrefix() })
      const limits = [createSignInLimits(config), createSignInLimits(config)]
      const apps = limits.map((signInLimits) =>
        createApp({ database: f.database, config, signInLimits }),
      )
      const attempt = (app: (typeof apps)[number], password: string) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: f.users.editor.email, password }),
        })
      try {
        // Five wrong guesses on each process: ten in all, the limit.
        for (let i = 0; i < 10; i++) {
          const app = i % 2 === 0 ? apps[0] : apps[1]
          if (!app) throw new Error('two apps')
          expect((await attempt(app, `wrong-${i}`)).status).toBe(401)
        }
        for (const app of apps) expect((await attempt(app, PASSWORD)).status).toBe(429)
      } finally {
        await Promise.all(limits.map((l) => l.close()))
      }
    })
  },
)

describe('sign-in timing: unknown and known e-mails cost one scrypt each', () => {
  let f: Fixture
  beforeAll(async () => {
    f = generous
    // The dummy hash is made on first use; make it before counting.
    await login(f, 'warm-up@example.org', 'x')
    await f.database.db
      .update(schema.users)
      .set({ deactivatedAt: new Date() })
      .where(eq(schema.users.id, f.users.outsider.id))
  })

  const hashesFor = async (email: string, password: string) => {
    scrypt.mockClear()
    const answer = await login(f, email, password)
    return { status: answer.status, hashes: scrypt.mock.calls.length }
  }

  it('a wrong password, an unknown e-mail and a deactivated account: one hash each, one answer', async () => {
    const known = await hashesFor(f.users.editor.email, 'wrong-password')
    const unknown = await hashesFor('no-such-person@example.org', 'wrong-password')
    const deactivated = await hashesFor(f.users.outsider.email, PASSWORD)
    expect(known).toEqual({ status: 401, hashes: 1 })
    expect(unknown).toEqual(known)
    expect(deactivated).toEqual(known)
  })

  it('prints the median refusal time of each (figures, not asserted)', async () => {
    // Interleaved, so a machine that gets busier during the run weighs on both alike.
    const timed = async (email: string) => {
      const start = performance.now()
      await login(f, email, 'wrong-password')
      return performance.now() - start
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < RUNS; i++) {
      known.push(await timed(f.users.editor.email))
      unknown.push(await timed('no-such-person@example.org'))
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0
    console.log(
      `sign-in refusal median of ${RUNS}: known e-mail ${median(known).toFixed(1)} ms, unknown e-mail ${median(unknown).toFixed(1)} ms`,
    )
    expect(known).toHaveLength(RUNS)
  })
})

describe(`health during ${FLOOD} parallel sign-ins`, () => {
  let f: Fixture
  let url: string
  let close: () => void
  beforeAll(async () => {
    f = generous
    const server = serve({ fetch: f.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => close())

  const probe = async () => {
    const start = performance.now()
    const response = await fetch(`${url}/api/health`)
    await response.text()
    return { status: response.status, ms: performance.now() - start }
  }
  const p95 = (times: number[]) =>
    [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0

  it('answers every health probe while the sign-ins queue for scrypt', async () => {
    for (let i = 0; i < 10; i++) await probe() // warm: the first requests open the connection
    const idle: number[] = []
    for (let i = 0; i < PROBES; i++) idle.push((await probe()).ms)
    let done = false
    const started = performance.now()
    const flood = Promise.all(
      Array.from({ length: FLOOD }, () =>
        fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: f.users.editor.email, password: PASSWORD }),
        }).then((r) => r.status),
      ),
    ).finally(() => {
      done = true
    })
    const during: Array<{ status: number; ms: number }> = []
    while (!done) during.push(await probe())
    const statuses = await flood
    const lasted = performance.now() - started
    expect(new Set(statuses)).toEqual(new Set([200]))
    // Health kept answering while the sign-ins were being hashed (not after the flood).
    expect(during.length).toBeGreaterThanOrEqual(3)
    expect(during.every((p) => p.status === 200)).toBe(true)
    console.log(
      `sign-in flood (${FLOOD} parallel): /api/health p95 idle ${p95(idle).toFixed(1)} ms, during ${p95(during.map((p) => p.ms)).toFixed(1)} ms (${during.length} probes); the sign-ins took ${(lasted / 1000).toFixed(1)} s`,
    )
    // The sign-ins queue for one hashing thread: 200 of them take a while on a busy machine.
  }, 300_000)
})
