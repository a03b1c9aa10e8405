import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '@yardstick/db/testing'
import { kill9, type ServerProcess, startServerProcess } from '@yardstick/testing'
import { REDIS_URL, redisPrefix, scaleOutReady } from '../test/collab/redis'
import { type Balancer, haproxyReady, startHaproxy } from '../test/reliability/haproxy'
import { describeLatency, type Pooled } from './collab'
import { buildNationalTree, officeCall, openNationalCampaign, signInOffice } from './national-data'
import {
  coEdit,
  EDITORS,
  pushResponses,
  type Reloads,
  reloadDashboard,
  summary,
} from './national-load'
import { measureStore, type StoreFigures } from './national-store'
import { LOAD } from './submissions-load'
import { answerBodies } from './submissions-setup'

const PROCESSES = 3

/** The run's size and bounds, from the environment (defaults: the 1/50 national run). */
export interface NationalSize {
  /** `NATIONAL_UNITS`: branches, in whole sub-committees of 1,000 (default 100,000). */
  units: number
  /** `NATIONAL_RESPONSES`: member responses pushed over HTTP (default 2,000,000). */
  responses: number
  /** `NATIONAL_MINUTES`: the push stops after this long even if short (default 30). */
  minutes: number
  /** `NATIONAL_CONNECTIONS`: concurrent submitting connections (default the submissions bench's). */
  connections: number
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw}: a positive number`)
  return value
}

function nationalSize(): NationalSize {
  return {
    units: positive('NATIONAL_UNITS', 100_000),
    responses: positive('NATIONAL_RESPONSES', 2_000_000),
    minutes: positive('NATIONAL_MINUTES', 30),
    connections: positive('NATIONAL_CONNECTIONS', LOAD.connections),
  }
}

/** Everything the run started, stopped in `finally` (and on SIGINT / the hard limit). */
class Started {
  processes: ServerProcess[] = []
  folders: string[] = []
  balancer: Balancer | undefined
  closeDatabase: (() => Promise<void>) | undefined
  #done = false

  async stop(): Promise<void> {
    if (this.#done) return
    this.#done = true
    await this.balancer?.stop()
    for (const p of this.processes) await kill9(p.child)
    await this.closeDatabase?.()
    for (const folder of this.folders) rmSync(folder, { recursive: true, force: true })
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
const int = (value: number) => Math.round(value).toLocaleString('en-US')
const seconds = (since: number) => (performance.now() - since) / 1000

/** The timed verifier route: its answer and how long it took. */
async function verify(url: string, token: string, campaignId: number) {
  const started = performance.now()
  const response = await fetch(`${url}/api/campaigns/${campaignId}/aggregates/verify`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(600_000),
  })
  const ms = performance.now() - started
  const text = await response.text()
  if (response.status !== 200) return { ms, verdict: `${response.status} ${text.slice(0, 200)}` }
  const { differences, compared } = JSON.parse(text) as {
    differences: unknown[]
    compared?: Record<string, number>
  }
  const rows = `rows compared ${JSON.stringify(compared ?? {})}`
  const verdict =
    differences.length === 0
      ? `\`differences: []\`, ${rows}`
      : `${differences.length} DIFFERENCES: ${JSON.stringify(differences.slice(0, 3))}; ${rows}`
  return { ms, verdict }
}

/**
 * The 1/50 national run (issue 17): `NATIONAL_UNITS` branches (100,000) and their office built in
 * SQL on a fresh PostgreSQL database; 3 server processes on it and Redis behind HAProxy (the
 * balancer test's helpers, docs/deploy/haproxy.cfg), all on 127.0.0.1; the campaign created and
 * opened over the API; then `NATIONAL_RESPONSES` member responses (2,000,000) pushed through
 * the public link endpoint across the processes, while the office reloads its dashboard
 * (results + dimension results) and 3 editors co-edit a form over y-websocket. Afterwards: the
 * dashboard on a quiet machine, the aggregates verifier (must answer no difference), the
 * `GROUP BY` recomputation timed beside the dashboard, and the database's size. Bounded: the push
 * stops after `NATIONAL_MINUTES` (30), the whole run after that plus 30 minutes; every process and
 * the database are removed at the end. Prints a markdown table.
 *
 * @example
 * NATIONAL_UNITS=1000 NATIONAL_RESPONSES=20000 pnpm --filter @yardstick/server bench national
 */
export async function runNationalBench(): Promise<void> {
  const size = nationalSize()
  if (!((await scaleOutReady('the national run')) && (await haproxyReady('the national run')))) {
    return
  }
  const started = new Started()
  const hardLimit = setTimeout(
    () => {
      console.error('national: past the hard time limit; stopping everything')
      void started.stop().finally(() => process.exit(2))
    },
    (size.minutes + 30) * 60_000,
  )
  const interrupted = () => void started.stop().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    await run(size, started)
  } catch (error) {
    for (const [i, p] of started.processes.entries()) {
      console.error(`--- server process ${i + 1}, last output:\n${p.output().slice(-2000)}`)
    }
    throw error
  } finally {
    clearTimeout(hardLimit)
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await started.stop()
  }
}

async function run(size: NationalSize, started: Started): Promise<void> {
  console.log(`load average before: ${load()}`)
  const database = await createTestDatabase('postgres')
  started.closeDatabase = database.close
  console.error(
    `  database ${new URL(database.url as string).pathname.slice(1)} (dropped at the end)`,
  )
  const building = performance.now()
  const tree = await buildNationalTree(database.db, size.units)
  console.error(`  ${int(tree.units)} units in SQL in ${seconds(building).toFixed(1)} s`)
  const env = {
    DATABASE_URL: database.url as string,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix(),
    TRUST_PROXY: '1',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
  }
  for (let i = 0; i < PROCESSES; i++) {
    const folder = mkdtempSync(join(tmpdir(), `ys-national${i}-`))
    started.folders.push(folder)
    started.processes.push(
      await startServerProcess({ ...env, DATA_DIR: folder }, { timeout: 240_000 }),
    )
  }
  const balancer = await startHaproxy(started.processes.map((p) => p.url))
  started.balancer = balancer
  const url = balancer.url
  // The campaign is made on one process directly: its 100,000 units and links took 11–13 s on a
  // loaded machine, and a slower one must not meet the balancer's 60 s server timeout.
  const first = started.processes[0] as ServerProcess
  const token = await signInOffice(first.url)
  const campaign = await openNationalCampaign(database.db, first.url, token, tree)
  const { campaignId } = campaign
  console.error(`  campaign over the API in ${campaign.createSeconds.toFixed(1)} s`)

  const before = await reloadDashboard({ url, token, campaignId, times: 3 })
  let pushing = true
  const target = {
    name: 'national',
    process: first,
    wsUrl: `${url.replace('http', 'ws')}/collab`,
    token,
    newRoom: async () =>
      String(
        (await officeCall<{ id: number }>(url, token, '/api/forms', { title: '共编表单' })).id,
      ),
  }
  const loadBefore = load()
  const [push, during, edits] = await Promise.all([
    pushResponses({
      url,
      slugs: campaign.slugs,
      bodies: answerBodies(1000),
      total: size.responses,
      connections: size.connections,
      deadline: Date.now() + size.minutes * 60_000,
      pids: started.processes.map((p) => p.child.pid as number),
    }).finally(() => {
      pushing = false
    }),
    reloadDashboard({ url, token, campaignId, going: () => pushing }),
    coEdit(target, () => pushing),
  ])
  const loadAfter = load()
  const after = await reloadDashboard({ url, token, campaignId, times: 5 })
  // On one process directly, as the campaign's creation: a recomputation over millions of
  // responses may outlast the balancer's 60 s, which would then send the same GET again.
  const verified = await verify(first.url, token, campaignId)
  const store = await measureStore(database.db, campaignId)
  report({ size, tree, push, before, during, after, edits, verified, store, loadBefore, loadAfter })
}

interface Figures {
  size: NationalSize
  tree: { units: number }
  push: Awaited<ReturnType<typeof pushResponses>>
  before: Reloads
  during: Reloads
  after: Reloads
  edits: Pooled
  verified: { ms: number; verdict: string }
  store: StoreFigures
  loadBefore: string
  loadAfter: string
}

function report(f: Figures): void {
  const { push, store } = f
  const c = push.cores
  const rows: Array<[string, string]> = [
    [
      'size',
      `${int(f.tree.units)} units, ${int(f.size.responses)} responses asked, ${PROCESSES} processes, ${f.size.connections} connections`,
    ],
    [
      '**submissions** (POST /api/links/:slug/responses via HAProxy)',
      `**${int(push.perSecond)}/s**, p50 ${push.p50} ms, **p99 ${push.p99} ms**, max ${push.max} ms; ` +
        `${int(push.requests)} answered in ${int(push.seconds)} s${push.stopped ? ' (STOPPED by the time limit)' : ''}`,
    ],
    [
      'answers',
      `${int(push.ok)} 2xx, ${int(push.non2xx)} non-2xx, ${int(push.errors)} errors; ${int(store.responses)} rows stored; ` +
        `by status ${JSON.stringify(push.statuses)}`,
    ],
    ['first refusals', push.refusals.length === 0 ? 'none' : push.refusals.join('; ')],
    [
      'CPU cores during the push',
      `servers ${c.servers.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, bench client ${c.client.toFixed(2)}, machine ${c.machine.toFixed(2)} of 2`,
    ],
    [
      'CPU per answered submission',
      `servers ${int((c.servers / push.perSecond) * 1e6)} µs, PostgreSQL ${int((c.postgres / push.perSecond) * 1e6)} µs`,
    ],
    [
      'dashboard before, no response yet: `GET /results` p50 / p99 / max (n)',
      summary(f.before.results),
    ],
    ['dashboard before: `GET /results/dimensions`', summary(f.before.dimensions)],
    ['dashboard during: `GET /results`', summary(f.during.results)],
    ['dashboard during: `GET /results/dimensions`', summary(f.during.dimensions)],
    ['dashboard after: `GET /results`', summary(f.after.results)],
    ['dashboard after: `GET /results/dimensions`', summary(f.after.dimensions)],
    [
      'dashboard failures',
      [f.before, f.during, f.after].every((r) => r.failures.length === 0)
        ? 'none'
        : [...f.before.failures, ...f.during.failures, ...f.after.failures].slice(0, 5).join('; '),
    ],
    [`co-editing during (${EDITORS} editors, p50 / p99, seen/expected)`, describeLatency(f.edits)],
    ['**verifier** `GET /aggregates/verify`', `${f.verified.verdict} in ${int(f.verified.ms)} ms`],
    ['`verifyAggregates` in the bench process', `${int(store.differenceCount)} differences`],
    ...store.timings.map(([what, ms]): [string, string] => [what, `${int(ms)} ms`]),
    ...store.sizes.map(([what, bytes]): [string, string] => [what, mib(bytes)]),
    ['load average (1/5/15 min) before / after the push', `${f.loadBefore} / ${f.loadAfter}`],
  ]
  console.log('\n| what | figure |\n| --- | --- |')
  for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`)
}

const mib = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`
