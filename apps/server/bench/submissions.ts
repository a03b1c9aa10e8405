import type { ChildProcess } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { DatabaseKind } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { kill9, type ServerProcess, startServerProcess } from '@yardstick/testing'
import { drive, LOAD, type LoadResult } from './submissions-load'
import { answerBodies, prepareStore, setupCampaign } from './submissions-setup'

const BARE_HONO = fileURLToPath(new URL('./bare-hono.ts', import.meta.url))
const TARGET = { perSecond: 5000, p99: 25 }

/** One line of the table: a server under the load, and what the database holds afterwards. */
interface Line {
  what: string
  load: LoadResult
  loadAverage: string
  /** Rows of the measured run found in the database (null: the baseline stores nothing). */
  stored: number | null
  /** Acknowledged (2xx) keys missing from the database. */
  lost: number | null
}

/** `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of each server process there. */
function nodeArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => void kill9(child).then(resolve), 30_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

async function onBareHono(bodies: string[], withBodyLimit: boolean): Promise<Line> {
  const env = { BARE_BODY_LIMIT: withBodyLimit ? '1' : '0' }
  const server = await startServerProcess(env, { entry: BARE_HONO, nodeArgs: nodeArgs() })
  try {
    const before = loadAverage()
    const slugs = ['bare']
    const paths = ['/api/links/bare/responses']
    const pid = server.child.pid as number
    const load = await drive({ url: server.url, paths, slugs, bodies, pid })
    const what = withBodyLimit
      ? 'baseline: the same + `hono/body-limit` (the app has it on `/api/*`)'
      : 'baseline: bare Hono JSON POST'
    return { what, load, loadAverage: before, stored: null, lost: null }
  } finally {
    await stopGracefully(server.child)
  }
}

/** A store as the server runs it: PGlite on its worker thread (default) or on the main one. */
interface Variant {
  kind: DatabaseKind
  label: string
  env: Record<string, string>
}

const VARIANTS: Variant[] = [
  { kind: 'pglite', label: 'pglite', env: {} },
  { kind: 'pglite', label: "pglite on the server's thread", env: { PGLITE_WORKER: 'false' } },
  { kind: 'postgres', label: 'postgres', env: {} },
]

async function onStore({ kind, label, env }: Variant, bodies: string[]): Promise<Line> {
  const store = await prepareStore(kind)
  let server: ServerProcess | undefined
  try {
    server = await startServerProcess({ ...store.env, ...env }, { nodeArgs: nodeArgs() })
    const { campaignId, slugs } = await setupCampaign(server.url)
    const paths = slugs.map((slug) => `/api/links/${slug}/responses`)
    const before = loadAverage()
    const pid = server.child.pid as number
    const load = await drive({ url: server.url, paths, slugs, bodies, pid })
    // A clean stop first: PGlite is read back from its data folder by this process.
    await stopGracefully(server.child)
    const keys = await store.storedKeys(campaignId)
    if (new Set(keys).size !== keys.length) throw new Error(`${kind}: a key is stored twice`)
    const stored = new Set(keys.filter((key) => key.includes(':run-')))
    const lost = [...load.acknowledged].filter((key) => !stored.has(key)).length
    const what = `**POST /api/links/:slug/responses** on ${label}`
    return { what, load, loadAverage: before, stored: stored.size, lost }
  } finally {
    if (server) await kill9(server.child)
    await store.close()
  }
}

const int = (value: number) => Math.round(value).toLocaleString('en-US')

function verdict(line: Line): string {
  const { load, stored, lost } = line
  const clean = load.non2xx === 0 && load.errors === 0
  if (stored === null) return clean ? 'no errors' : 'ERRORS'
  const exact = stored === load.ok && lost === 0 && load.ok === load.acknowledged.size
  const fast = load.perSecond >= TARGET.perSecond && load.p99 < TARGET.p99
  const checks = exact && clean ? 'stored = 2xx' : `MISMATCH: ${stored} stored, ${lost} lost`
  return `${checks}; target ≥ ${int(TARGET.perSecond)}/s, p99 < ${TARGET.p99} ms: ${fast ? 'met' : 'MISSED'}`
}

/**
 * The submission benchmark: the real server (`test/collab/server-process.ts`, one process, on
 * PGlite in a fresh `DATA_DIR` and on a fresh PostgreSQL database) beside a bare Hono JSON POST
 * handler (`bench/bare-hono.ts`, alone and behind `hono/body-limit` as the app's `/api/*` is),
 * each driven by autocannon from this process with the same load: 50 connections, `POST /api/links/:slug/responses` with complete satisfaction answers and
 * a unique `Idempotency-Key` per request, spread over 10 links. After each real run the server
 * is stopped and the database is read: every key answered 2xx must be stored, and the run's rows
 * must number exactly its 2xx answers. Prints a markdown table.
 *
 * @example
 * await runSubmissionsBench()
 */
export async function runSubmissionsBench(): Promise<void> {
  const bodies = answerBodies(1000)
  // `BENCH_STORES=postgres` measures one store only (while investigating).
  const only = process.env.BENCH_STORES?.split(',')
  const stores = await testStores()
  const variants = VARIANTS.filter(
    ({ kind }) => stores.includes(kind) && (!only || only.includes(kind)),
  )
  console.log(`load average before: ${loadAverage()}`)
  const lines: Line[] = [await onBareHono(bodies, false), await onBareHono(bodies, true)]
  for (const variant of variants) lines.push(await onStore(variant, bodies))
  for (const { what, load } of lines) {
    console.log(
      `${what}: ${int(load.perSecond)}/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
        `server ${load.serverCores.toFixed(2)} cores, postgres ${load.postgresCores.toFixed(2)}, ` +
        `client ${load.clientCores.toFixed(2)} cores`,
    )
  }
  console.log(
    `\n${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up, then about ` +
      `${LOAD.seconds} s measured (a fixed number of requests, each answered)\n`,
  )
  console.log(
    '| server | req/s | p50 | p90 | p99 | max | requests | 2xx | non-2xx | errors | rows stored | ' +
      'CPU cores: server / PostgreSQL / autocannon / anything else | load avg before (1/5/15 min) | check |',
  )
  console.log(`| --- |${' ---: |'.repeat(11)} --- | --- |`)
  for (const line of lines) {
    const { load } = line
    const postgres = line.what.includes('postgres') ? load.postgresCores : 0
    const others = load.machineCores - load.serverCores - postgres - load.clientCores
    const cells = [
      line.what,
      `**${int(load.perSecond)}**`,
      `${load.p50} ms`,
      `${load.p90} ms`,
      `**${load.p99} ms**`,
      `${load.max} ms`,
      int(load.requests),
      int(load.ok),
      int(load.non2xx),
      int(load.errors),
      line.stored === null ? '—' : int(line.stored),
      [load.serverCores, postgres, load.clientCores, Math.max(0, others)]
        .map((cores, i) => (i === 1 && cores === 0 ? '—' : cores.toFixed(2)))
        .join(' / '),
      line.loadAverage,
      verdict(line),
    ]
    console.log(`| ${cells.join(' | ')} |`)
  }
}
