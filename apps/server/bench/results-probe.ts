/**
 * One measured query in a fresh server process (spawned by `results.ts`): opens the store, signs
 * in, then runs the query once while sampling memory (that run is also the warm-up) and five
 * times timed. Prints one `RESULT {json}` line.
 */
import { openDatabase } from '@yardstick/db'
import { createMemorySampler } from './memory'
import { REPORT_TASKS } from './report-tasks'
import { BENCH_TASKS, type BenchTarget } from './results-tasks'

const RUNS = 5
const { BENCH_TASK, BENCH_URL, BENCH_DATA_DIR, BENCH_TARGET } = process.env
const task = [...BENCH_TASKS, ...REPORT_TASKS].find((t) => t.id === BENCH_TASK)
if (!task || !BENCH_TARGET) throw new Error(`results-probe: unknown task ${BENCH_TASK}`)
const target = JSON.parse(BENCH_TARGET) as BenchTarget
const database = await openDatabase(BENCH_URL ? { url: BENCH_URL } : { dataDir: BENCH_DATA_DIR })
const sampler = createMemorySampler()
try {
  const run = await task.prepare(database, target)
  const { peak } = await sampler.measure(run)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  console.log(`RESULT ${JSON.stringify({ times, peak })}`)
} finally {
  await sampler.close()
  await database.close()
}
