// Co-editing through crashes and restarts (issue 16 item 2, RELIABILITY.md "Co-editing through
// crashes and restarts"): editors who keep typing while the server is SIGKILLed or stopped and
// started again lose nothing, and nobody is cut off. `YS_CHAOS=1` (`pnpm chaos`) runs the heavy
// variant; the figures it prints go into RELIABILITY.md.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '@yardstick/db/testing'
import {
  kill9,
  type ServerProcess,
  signInAndCreateForm,
  startServerProcess,
} from '@yardstick/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { connect, eventually, synced } from '../collab/collab-harness'
import { REDIS_URL, redisPrefix, scaleOutReady } from '../collab/redis'
import { type CrowdClient, resyncTimes, TypingCrowd } from './typing-crowd'

const CHAOS = process.env.YS_CHAOS === '1'
/** How the server goes down, in order: CI kills once and stops once; chaos three times each. */
const SINGLE_RESTARTS: Array<'SIGKILL' | 'SIGTERM'> = CHAOS
  ? ['SIGKILL', 'SIGKILL', 'SIGKILL', 'SIGTERM', 'SIGTERM', 'SIGTERM']
  : ['SIGKILL', 'SIGTERM']
/** SIGKILLs of one of two processes (alternating which one). */
const SCALE_OUT_KILLS = CHAOS ? 3 : 1
/** How long the crowd types between restarts, and how often each typist strikes a key. */
const TYPE_MS = CHAOS ? 4000 : 1000
const KEYSTROKE_EVERY_MS = 20
/** How long a wait for the crowd to resync or settle may take (servers start slowly under load). */
const PATIENCE_MS = 60_000
/** The whole test's limit. */
const TEST_MS = CHAOS ? 900_000 : 240_000
/** How long the server stays down while everyone keeps typing. */
const DOWN_MS = 300

const ADMIN = { ADMIN_EMAIL: 'chief@example.org', ADMIN_PASSWORD: 'chief-password-1' }
const wsOf = (url: string) => `${url.replace('http', 'ws')}/collab`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const portOf = (url: string) => new URL(url).port

/** Stops a server process the way an operator (SIGTERM) or a crash (SIGKILL) does. */
function stop(server: ServerProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (signal === 'SIGKILL') return kill9(server.child)
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill('SIGTERM')
  })
}

interface RunFigures {
  crowd: TypingCrowd
  run: string
  typed: number
  stored: number
  seenByObserver: number
  /** What the reconnect times are measured from. */
  from: string
  /** Per restart: ms from `from` to each client resynced (`null`: it never did). */
  reconnectMs: Array<Array<number | null>>
}

/** How many closes the clients heard, by code (`1006` while a server is down, `4503` at SIGTERM). */
function closeCounts(closes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const close of closes) {
    const code = close.split(' ')[1] ?? '?'
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}

function report(figures: RunFigures): void {
  const all = figures.reconnectMs
    .flat()
    .filter((ms) => ms !== null)
    .sort((a, b) => a - b)
  const cutOff = figures.reconnectMs.flat().length - all.length
  const median = all[Math.floor(all.length / 2)] ?? 0
  console.log(
    `co-editing-restarts ${figures.run}: typed ${figures.typed}, stored ${figures.stored}, seen by the observer ${figures.seenByObserver}; ` +
      `per restart ${JSON.stringify(figures.reconnectMs)}; closes heard by code: ${JSON.stringify(closeCounts(figures.crowd.closes))}; ` +
      `resync ${figures.from}: median ${median} ms, max ${all.at(-1) ?? 0} ms (${all.length} reconnects, ${cutOff} clients never resynced)`,
  )
}

/** Reads a form's stored keystrokes through a fresh client of `url` (no local state). */
async function readBack(url: string, formId: number, token: string, crowd: TypingCrowd) {
  const reader = connect(wsOf(url), formId, token)
  try {
    await synced(reader.provider, 30_000)
    return crowd.account(reader.doc)
  } finally {
    reader.provider.destroy()
  }
}

/**
 * Waits until the observer has every keystroke typed and every typist agrees with it; gives up
 * quietly after `timeoutMs` (the figures are printed, then the assertions say what is missing).
 */
async function settled(crowd: TypingCrowd, timeoutMs = 20_000): Promise<void> {
  await eventually(() => {
    expect(crowd.account(crowd.observer.doc).missing).toEqual([])
    for (const typist of crowd.typists) {
      expect(crowd.account(typist.doc).stored).toBe(crowd.typed.size)
    }
  }, timeoutMs).catch(() => {})
}

/**
 * The suite's invariant: every client resynced after every restart, and every keystroke typed is
 * in storage and in the observer's copy, each exactly once.
 */
function expectNothingLost(
  crowd: TypingCrowd,
  reconnectMs: Array<Array<number | null>>,
  stored: ReturnType<TypingCrowd['account']>,
  observer: ReturnType<TypingCrowd['account']>,
): void {
  expect(reconnectMs.flat()).not.toContain(null)
  for (const [copy, account] of [
    ['stored', stored],
    ['observer', observer],
  ] as const) {
    expect(account.missing, copy).toEqual([])
    expect(account.duplicated, copy).toBe(0)
    expect(account.letters, copy).toBe(crowd.typed.size)
  }
}

describe('co-editing through SIGKILL and SIGTERM of one server process (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-coedit-restarts-'))
  const env = { DATA_DIR: dataDir, ...ADMIN }
  let server: ServerProcess | undefined
  let crowd: TypingCrowd | undefined
  afterAll(async () => {
    crowd?.destroy()
    if (server) await kill9(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    `[COL7] keeps every keystroke of 3 typists through ${SINGLE_RESTARTS.join(', ')} and restarts on the same data`,
    async () => {
      server = await startServerProcess(env)
      const port = portOf(server.url)
      const { token, formId } = await signInAndCreateForm(
        server.url,
        env.ADMIN_EMAIL,
        env.ADMIN_PASSWORD,
      )
      // One address, as behind a fixed host name: the restarted server listens on the same port.
      crowd = new TypingCrowd(
        () => wsOf(server?.url ?? ''),
        formId,
        token,
        (current) => current,
      )
      await crowd.synced()
      crowd.startTyping(KEYSTROKE_EVERY_MS)
      const reconnectMs: Array<Array<number | null>> = []
      for (const signal of SINGLE_RESTARTS) {
        await sleep(TYPE_MS)
        await stop(server, signal)
        await sleep(DOWN_MS)
        server = await startServerProcess({ ...env, PORT: port })
        const back = Date.now()
        reconnectMs.push(await resyncTimes(crowd.all, back, PATIENCE_MS))
      }
      await sleep(TYPE_MS)
      crowd.stopTyping()
      const stoppedAt = Date.now()
      await settled(crowd, PATIENCE_MS)
      console.log(
        `co-editing-restarts one process: settled ${Date.now() - stoppedAt} ms after typing stopped`,
      )

      const observer = crowd.account(crowd.observer.doc)
      // What the server said, should anything be missing.
      if (observer.missing.length > 0) console.log(server.output().slice(-4000))
      // Only the server's storage counts: a fresh process on the same data, a client with nothing.
      crowd.destroy()
      await stop(server, 'SIGKILL')
      server = await startServerProcess({ ...env, PORT: port })
      const stored = await readBack(server.url, formId, token, crowd)
      report({
        run: `one process, PGlite, ${SINGLE_RESTARTS.join('+')}`,
        crowd,
        typed: crowd.typed.size,
        stored: stored.stored,
        seenByObserver: observer.stored,
        from: 'after the restarted server printed its URL',
        reconnectMs,
      })
      expectNothingLost(crowd, reconnectMs, stored, observer)
    },
    TEST_MS,
  )
})

const scaleOut = await scaleOutReady('the co-editing restarts test with two processes')

describe.runIf(scaleOut)(
  'co-editing through SIGKILL of one of two processes (PostgreSQL, Redis)',
  () => {
    const servers: ServerProcess[] = []
    const dataDirs: string[] = []
    let crowd: TypingCrowd | undefined
    let closeDatabase: (() => Promise<void>) | undefined
    afterAll(async () => {
      crowd?.destroy()
      for (const s of servers) await kill9(s.child)
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
      await closeDatabase?.()
    })

    it(
      `[COL7][COL18] keeps every keystroke of 3 typists spread over two processes through ${SCALE_OUT_KILLS} SIGKILL(s) of one`,
      async () => {
        const database = await createTestDatabase('postgres')
        closeDatabase = database.close
        const env = {
          DATABASE_URL: database.url as string,
          REDIS_URL,
          REDIS_PREFIX: redisPrefix(),
          ...ADMIN,
        }
        const start = async (port = '0') => {
          const dir = mkdtempSync(join(tmpdir(), 'ys-coedit-scale-'))
          dataDirs.push(dir)
          return startServerProcess({ ...env, DATA_DIR: dir, PORT: port })
        }
        servers.push(await start(), await start())
        const urls = servers.map((s) => wsOf(s.url))
        const live = new Set(urls)
        const { token, formId } = await signInAndCreateForm(
          servers[0]?.url ?? '',
          env.ADMIN_EMAIL,
          env.ADMIN_PASSWORD,
        )
        // A load balancer: a client stays where it is while that process lives, else goes to one
        // that does. Typists a and c and the observer start on the first process, b on the second.
        crowd = new TypingCrowd(
          (i) => urls[i === 1 ? 1 : 0] ?? '',
          formId,
          token,
          (current) => (live.has(current) ? current : ([...live][0] ?? current)),
        )
        await crowd.synced()
        crowd.startTyping(KEYSTROKE_EVERY_MS)
        const reconnectMs: Array<Array<number | null>> = []
        for (let kill = 0; kill < SCALE_OUT_KILLS; kill++) {
          await sleep(TYPE_MS)
          const victim = kill % 2
          const victimUrl = urls[victim] as string
          const stranded = crowd.all.filter((c: CrowdClient) => c.provider.serverUrl === victimUrl)
          live.delete(victimUrl)
          const killedAt = Date.now()
          const resynced = resyncTimes(stranded, killedAt, PATIENCE_MS)
          await stop(servers[victim] as ServerProcess, 'SIGKILL')
          // The stranded clients move to the survivor; the victim comes back on its address for
          // the next kill (after the last one, its clients stay on the survivor).
          reconnectMs.push(await resynced)
          if (kill < SCALE_OUT_KILLS - 1) {
            servers[victim] = await start(portOf((servers[victim] as ServerProcess).url))
            live.add(victimUrl)
          }
        }
        await sleep(TYPE_MS)
        crowd.stopTyping()
        await settled(crowd, PATIENCE_MS)
        const observer = crowd.account(crowd.observer.doc)
        crowd.destroy()
        for (const s of servers) await stop(s, 'SIGKILL')
        servers.splice(0, servers.length, await start())
        const stored = await readBack(servers[0]?.url ?? '', formId, token, crowd)
        report({
          run: `two processes, PostgreSQL + Redis, ${SCALE_OUT_KILLS} SIGKILL`,
          crowd,
          typed: crowd.typed.size,
          stored: stored.stored,
          seenByObserver: observer.stored,
          from: "of the killed process's clients after the SIGKILL",
          reconnectMs,
        })
        expectNothingLost(crowd, reconnectMs, stored, observer)
      },
      TEST_MS,
    )
  },
)
