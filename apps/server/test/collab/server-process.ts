// A whole server in its own process, for tests that kill it or run two of them.
import { loadConfig } from '../../src/config'
import { startServer } from '../../src/start'

const server = await startServer(loadConfig(process.env))
console.log(`running at ${server.url}`)
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)))

// Benchmarks ask for the heap after a full collection (needs --expose-gc).
process.on('SIGUSR2', () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  console.log(`memory ${JSON.stringify(process.memoryUsage())}`)
})
