import { readdirSync, readFileSync } from 'node:fs'
import autocannon, { type AutocannonRequest } from 'autocannon'

/** The load every target gets: the same connections, bodies and run length. */
export const LOAD = { connections: 50, warmupSeconds: 3, seconds: 12 }

/** What one measured run saw from the client side. */
export interface LoadResult {
  requests: number
  seconds: number
  perSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  ok: number
  non2xx: number
  errors: number
  /** The `Idempotency-Key`s (with their slug, as stored) answered 2xx. */
  acknowledged: Set<string>
  /** CPU used by the server process during the run, in cores (1 = one core busy). */
  serverCores: number
  /** CPU used by this process (autocannon) during the run, in cores. */
  clientCores: number
  /** CPU used by every `postgres` process of the machine during the run, in cores. */
  postgresCores: number
  /** CPU used by the whole machine during the run, in cores (of 2): the rest is other work. */
  machineCores: number
}

/** A process's user + system CPU time in seconds, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The busy CPU time of the whole machine in seconds, from /proc/stat (all but idle and iowait). */
export function machineCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? []
  const [user, nice, system, , , irq, softirq, steal] = fields.slice(1).map(Number)
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100
  )
}

/** The CPU time of every PostgreSQL process (the server and its backends), in seconds. */
export function postgresCpuSeconds(): number {
  let total = 0
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
        total += cpuSecondsOf(+pid)
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total
}

/** CPU seconds so far: the server, PostgreSQL, this process, and the whole machine. */
interface CpuSnapshot {
  at: number
  server: number
  postgres: number
  client: number
  machine: number
}

function snapshot(pid: number): CpuSnapshot {
  const client = process.cpuUsage()
  return {
    at: performance.now(),
    server: cpuSecondsOf(pid),
    postgres: postgresCpuSeconds(),
    client: (client.user + client.system) / 1e6,
    machine: machineCpuSeconds(),
  }
}

interface RunOptions {
  url: string
  paths: readonly string[]
  slugs: readonly string[]
  bodies: readonly string[]
  pid: number
  /** Prefix of this run's keys, so runs on one server never share one. */
  prefix: string
  /** Total requests (each connection stops once its share is answered); else `duration`. */
  amount?: number
  duration?: number
}

async function run({ url, paths, slugs, bodies, pid, prefix, amount, duration }: RunOptions) {
  const acknowledged = new Set<string>()
  let sent = 0
  let answered = 0
  const start = snapshot(pid)
  let end = start
  const result = await autocannon({
    url,
    connections: LOAD.connections,
    ...(amount === undefined ? { duration } : { amount }),
    requests: [
      {
        method: 'POST',
        setupRequest: (request: AutocannonRequest, context) => {
          const n = sent++
          const key = `${prefix}-${n}`
          const link = n % paths.length
          context.key = `${slugs[link]}:${key}`
          return {
            ...request,
            path: paths[link],
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: bodies[n % bodies.length],
          }
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300) acknowledged.add(context.key as string)
          // The last answer ends the measurement (autocannon reports up to a second later).
          if (++answered === amount) end = snapshot(pid)
        },
      },
    ],
  })
  return { result, acknowledged, start, end }
}

/**
 * Drives `POST <path>` with autocannon from this process: a warm-up of `LOAD.warmupSeconds`
 * (its rate sizes the measured run), then a measured run of `amount` requests — about
 * `LOAD.seconds` — each with a unique `Idempotency-Key` and one of `bodies`. A measured run ends
 * when every connection has its last answer, so no request is left in flight and the stored
 * count can be compared exactly with the 2xx count. Req/s and CPU are counted from the first
 * request to the last answer.
 *
 * @example
 * const load = await drive({ url, paths, slugs, bodies, pid })
 */
export async function drive(options: {
  url: string
  paths: readonly string[]
  slugs: readonly string[]
  bodies: readonly string[]
  pid: number
}): Promise<LoadResult> {
  const warm = await run({ ...options, prefix: 'warmup', duration: LOAD.warmupSeconds })
  const rate = warm.result.requests.total / warm.result.duration
  const amount = Math.max(LOAD.connections * 20, Math.round(rate * LOAD.seconds))
  const { result, acknowledged, start, end } = await run({ ...options, prefix: 'run', amount })
  const seconds = (end.at - start.at) / 1000
  const cores = (key: Exclude<keyof CpuSnapshot, 'at'>) => (end[key] - start[key]) / seconds
  const requests = result.requests.total
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    acknowledged,
    serverCores: cores('server'),
    clientCores: cores('client'),
    postgresCores: cores('postgres'),
    machineCores: cores('machine'),
  }
}
