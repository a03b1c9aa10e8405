import autocannon from 'autocannon'
import { latency, type Pooled, pool, type Target } from './collab'
import { cpuSecondsOf, machineCpuSeconds, postgresCpuSeconds } from './submissions-load'

/** How the members' responses are pushed through the balancer. */
export interface PushOptions {
  url: string
  /** One members link per unit; request `n` goes to link `n % slugs.length`. */
  slugs: readonly string[]
  bodies: readonly string[]
  total: number
  connections: number
  /** When the push stops even if `total` is not reached (ms since the epoch). */
  deadline: number
  /** The server processes, for their CPU time. */
  pids: readonly number[]
}

/** What the push saw from the client side, and the CPU the machine spent on it. */
export interface PushResult {
  requests: number
  seconds: number
  perSecond: number
  p50: number
  p99: number
  max: number
  ok: number
  non2xx: number
  errors: number
  /** Answers by status code, and the first few refusals' bodies. */
  statuses: Record<string, number>
  refusals: string[]
  /** Whether the deadline stopped it before `total`. */
  stopped: boolean
  /** Cores busy on average: the server processes, PostgreSQL, this process, the machine. */
  cores: { servers: number; postgres: number; client: number; machine: number }
}

function cpuNow(pids: readonly number[]) {
  const client = process.cpuUsage()
  return {
    at: performance.now(),
    servers: pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    postgres: postgresCpuSeconds(),
    client: (client.user + client.system) / 1e6,
    machine: machineCpuSeconds(),
  }
}

/**
 * Pushes `total` member responses through `POST /api/links/:slug/responses` with autocannon (a
 * unique `Idempotency-Key` each, `national-<n>`), spread over every unit's link; stops at the
 * deadline. Prints progress to stderr every 30 s.
 *
 * @example
 * const push = await pushResponses({ url, slugs, bodies, total: 20_000, connections: 50, deadline, pids })
 */
export async function pushResponses(options: PushOptions): Promise<PushResult> {
  const { url, slugs, bodies, total, connections, deadline, pids } = options
  let sent = 0
  const refusals: string[] = []
  const start = cpuNow(pids)
  const instance = autocannon({
    url,
    connections,
    amount: total,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = sent++
          return {
            ...request,
            path: `/api/links/${slugs[n % slugs.length]}/responses`,
            headers: { 'content-type': 'application/json', 'idempotency-key': `national-${n}` },
            // Shifted on each pass over the units, so a unit gets different answer sets.
            body: bodies[(n + Math.floor(n / slugs.length)) % bodies.length],
          }
        },
        onResponse: (status, body) => {
          if (status >= 300 && refusals.length < 5)
            refusals.push(`${status} ${body.slice(0, 160).replaceAll('|', '/')}`)
        },
      },
    ],
  })
  let answered = 0
  let ticks = 0
  let lastReport = 0
  instance.on('tick', ({ counter }) => {
    answered += counter
    if (++ticks % 30 !== 0) return
    const rate = (answered - lastReport) / 30
    lastReport = answered
    console.error(
      `  ${answered.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}, ${Math.round(rate)}/s`,
    )
  })
  let stopped = false
  const limit = setTimeout(() => {
    stopped = true
    instance.stop()
  }, deadline - Date.now())
  const result = await instance
  clearTimeout(limit)
  const end = cpuNow(pids)
  const seconds = (end.at - start.at) / 1000
  const cores = (key: 'servers' | 'postgres' | 'client' | 'machine') =>
    (end[key] - start[key]) / seconds
  const requests = result['2xx'] + result.non2xx
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    refusals,
    stopped,
    cores: {
      servers: cores('servers'),
      postgres: cores('postgres'),
      client: cores('client'),
      machine: cores('machine'),
    },
  }
}

/** Milliseconds of each reload of the two dashboard routes, and the failed ones. */
export interface Reloads {
  results: number[]
  dimensions: number[]
  failures: string[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function timedGet(url: string, token: string, into: number[], failures: string[]) {
  const started = performance.now()
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(120_000),
    })
    await response.arrayBuffer()
    if (response.status === 200) into.push(performance.now() - started)
    else failures.push(`${response.status} ${new URL(url).pathname}`)
  } catch (error) {
    failures.push(`${(error as Error).name} ${new URL(url).pathname}`)
  }
}

/**
 * The office's dashboard, reloaded as a person would: `GET /results` then
 * `GET /results/dimensions` (each the first page, 100 units), `pauseMs` apart, while `going()`,
 * or `times` reloads when given.
 *
 * @example
 * const during = await reloadDashboard({ url, token, campaignId, going: () => pushing })
 */
export async function reloadDashboard({
  url,
  token,
  campaignId,
  going = () => true,
  times = Number.POSITIVE_INFINITY,
  pauseMs = 1000,
}: {
  url: string
  token: string
  campaignId: number
  going?: () => boolean
  times?: number
  pauseMs?: number
}): Promise<Reloads> {
  const reloads: Reloads = { results: [], dimensions: [], failures: [] }
  const base = `${url}/api/campaigns/${campaignId}/results`
  for (let i = 0; i < times && going(); i++) {
    await timedGet(base, token, reloads.results, reloads.failures)
    await timedGet(`${base}/dimensions`, token, reloads.dimensions, reloads.failures)
    await sleep(pauseMs)
  }
  return reloads
}

/** How many editors co-edit one form at a time, each round a new form. */
export const EDITORS = 3

/**
 * Editors co-editing through the balancer while `going()`: rounds of the collab benchmark's
 * `latency` workload (3 editors on one form, 60 edits 250 ms apart), pooled.
 *
 * @example
 * const seen = await coEdit(target, () => pushing)
 */
export async function coEdit(target: Target, going: () => boolean): Promise<Pooled> {
  const pooled: Pooled = { samples: [], expected: 0 }
  while (going()) pool(pooled, await latency(target, 1, EDITORS, 60, 250))
  return pooled
}

/** The count, median, 99th percentile and maximum of some times, in ms. */
export function summary(times: readonly number[]): string {
  if (times.length === 0) return 'none'
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`
  return `${ms(at(0.5))} / ${ms(at(0.99))} / ${ms(sorted[sorted.length - 1] ?? 0)} (${sorted.length})`
}
