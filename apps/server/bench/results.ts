import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type DatabaseKind, migrate, openDatabase } from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import type { MemoryPeak } from './memory'
import { loadResultsDataSet, type ResultsDataSet } from './results-data'
import { BENCH_TASKS, type BenchTask } from './results-tasks'

const TARGETS: Record<DatabaseKind, string> = { postgres: '1 s', pglite: '3 s' }
const PROBE = fileURLToPath(new URL('./results-probe.ts', import.meta.url))

/** One line of the table: a query on a store, its times (ms) and peak memory. */
interface Line {
  store: DatabaseKind
  what: string
  note: string
  times: number[]
  peak: MemoryPeak
}

/** Where a probe finds the store: PostgreSQL's URL, or PGlite's data folder. */
type StoreLocation = { BENCH_URL: string } | { BENCH_DATA_DIR: string }

function runProbe(task: BenchTask, location: StoreLocation, data: ResultsDataSet) {
  const { campaignId, subcommitteeId, adminEmail, password } = data
  const env = {
    ...process.env,
    ...location,
    BENCH_TASK: task.id,
    BENCH_TARGET: JSON.stringify({ campaignId, subcommitteeId, adminEmail, password }),
  }
  return new Promise<{ times: number[]; peak: MemoryPeak }>((resolve, reject) => {
    const limit = task.heapLimitMiB ? [`--max-old-space-size=${task.heapLimitMiB}`] : []
    const child = spawn(process.execPath, [...process.execArgv, ...limit, PROBE], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) reject(new Error(`probe ${task.id} exited ${code}: ${output}`))
      else resolve(JSON.parse(line.slice('RESULT '.length)))
    })
  })
}

async function measure(
  kind: DatabaseKind,
  location: StoreLocation,
  data: ResultsDataSet,
  tasks: readonly BenchTask[],
) {
  const lines: Line[] = []
  for (const task of tasks) {
    const { times, peak } = await runProbe(task, location, data)
    const note = task.note.replace('{target}', TARGETS[kind])
    lines.push({ store: kind, what: task.what, note, times, peak })
    console.log(
      `${kind}: ${task.id}: median ${ms(median(times))}, peak ΔRSS ${mib(peak.rss)}, Δheap ${mib(peak.heap)}`,
    )
  }
  return lines
}

// PostgreSQL: a fresh database at 127.0.0.1:5432, dropped afterwards.
async function onPostgres(tasks: readonly BenchTask[]): Promise<Line[]> {
  const database = await createTestDatabase('postgres')
  try {
    const data = await loadResultsDataSet(database.db)
    console.log(`postgres: loaded ${data.responses} responses in ${data.loadSeconds.toFixed(1)} s`)
    return await measure('postgres', { BENCH_URL: database.url ?? '' }, data, tasks)
  } finally {
    await database.close()
  }
}

// PGlite: a data folder on disk, as the server runs it; closed before the probes open it.
async function onPglite(tasks: readonly BenchTask[]): Promise<Line[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yardstick-bench-'))
  try {
    const database = await openDatabase({ dataDir })
    await migrate(database)
    const data = await loadResultsDataSet(database.db)
    await database.close()
    console.log(`pglite: loaded ${data.responses} responses in ${data.loadSeconds.toFixed(1)} s`)
    return await measure('pglite', { BENCH_DATA_DIR: dataDir }, data, tasks)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

const median = (times: readonly number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const ms = (value: number) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`

/**
 * The results benchmark: 6,280 branches × (30 member responses + 1 self-check + 1 scorecard) =
 * 200,960 responses on PostgreSQL and on PGlite; each query runs in a fresh server process
 * (`results-probe.ts`) — once while memory is sampled (the warm-up), then five times timed — beside
 * a plain `GROUP BY` over the same rows. Prints a markdown table.
 *
 * @example
 * await runResultsBench()
 */
export async function runResultsBench(): Promise<void> {
  await runOnResultsData(BENCH_TASKS)
}

/**
 * Runs tasks on the results benchmark's 6,280 branches (PostgreSQL, then PGlite), each in a
 * fresh process (`results-probe.ts`), and prints the markdown table.
 *
 * @example
 * await runOnResultsData(REPORT_TASKS)
 */
export async function runOnResultsData(tasks: readonly BenchTask[]): Promise<void> {
  const lines = [...(await onPostgres(tasks)), ...(await onPglite(tasks))]
  console.log('\n| store | query | median of 5 (min–max) | peak ΔRSS | peak Δheap | note |')
  console.log('| --- | --- | ---: | ---: | ---: | --- |')
  for (const { store, what, note, times, peak } of lines) {
    const range = `${ms(median(times))} (${ms(Math.min(...times))}–${ms(Math.max(...times))})`
    console.log(
      `| ${store} | ${what} | ${range} | ${mib(peak.rss)} | ${mib(peak.heap)} | ${note} |`,
    )
  }
}
