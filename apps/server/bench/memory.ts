import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'

setFlagsFromString('--expose-gc')
/** A full garbage collection, so a level measured after it is the live memory. */
export const collectGarbage = runInNewContext('gc') as () => void

/** Peak memory while something ran, above the level just before it (bytes). */
export interface MemoryPeak {
  rss: number
  heap: number
}

// A worker samples the process RSS even while the main thread is busy (PGlite runs a query
// synchronously in WebAssembly), writing the highest value into shared memory.
const WORKER = `
const { workerData } = require('node:worker_threads')
const peak = new Float64Array(workerData)
setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss }, 10)
`

/** Measures the peak memory of tasks; one sampling worker for its whole life. */
export interface MemorySampler {
  /** Runs `task`, returning its result and the peak above the level just before it (after a GC). */
  measure: <T>(task: () => Promise<T>) => Promise<{ result: T; peak: MemoryPeak }>
  close: () => Promise<void>
}

/**
 * Starts a sampler: RSS every 10 ms from a worker thread (started once, so its own memory is in
 * every baseline), heap every 10 ms from the main thread whenever it is free, and both once more
 * when the task ends.
 *
 * @example
 * const sampler = createMemorySampler()
 * const { peak } = await sampler.measure(() => app.request('/api/campaigns/1/results'))
 */
export function createMemorySampler(): MemorySampler {
  const shared = new SharedArrayBuffer(8)
  const rssPeak = new Float64Array(shared)
  const worker = new Worker(WORKER, { eval: true, workerData: shared })
  const measure = async <T>(task: () => Promise<T>) => {
    collectGarbage()
    const before = process.memoryUsage()
    rssPeak[0] = before.rss
    let heapPeak = before.heapUsed
    const sample = () => {
      const { heapUsed, rss } = process.memoryUsage()
      heapPeak = Math.max(heapPeak, heapUsed)
      rssPeak[0] = Math.max(rssPeak[0] ?? 0, rss)
    }
    const timer = setInterval(sample, 10)
    try {
      const result = await task()
      sample()
      const rss = (rssPeak[0] ?? before.rss) - before.rss
      return { result, peak: { rss, heap: heapPeak - before.heapUsed } }
    } finally {
      clearInterval(timer)
    }
  }
  return { measure, close: async () => void (await worker.terminate()) }
}
