import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { sourcesFingerprint, withLock } from '../../../scripts/build-ui.mjs'
import { startServerProcess } from './server-process'

const CACHE = join(import.meta.dirname, '../../../node_modules/.cache/yardstick-demo-data')
const STAMP = '.source-fingerprint'
// The running server's own lock (packages/db data-dir-lock.ts): never copied into a new folder.
const NOT_COPIED = new Set([STAMP, 'yardstick.lock'])

/**
 * Fills `dataDir` with the demo data a server seeds at its first start with `password`, copied
 * from a folder kept for the server's current sources: seeding takes a server start about four
 * seconds that every browser test would otherwise spend. The kept folder is made, when the
 * sources changed, by a real server process that seeds it and is stopped with SIGTERM (its
 * graceful stop), one maker at a time across processes.
 *
 * @example
 * await copyDemoData(dataDir, PASSWORD)
 */
export async function copyDemoData(dataDir: string, password: string): Promise<void> {
  const kept = await keptDemoData(password)
  cpSync(kept, dataDir, {
    recursive: true,
    filter: (source) => source === kept || !NOT_COPIED.has(basename(source)),
  })
}

async function keptDemoData(password: string): Promise<string> {
  const key = createHash('sha256').update(password).digest('hex').slice(0, 12)
  const dir = join(CACHE, key)
  return withLock(`demo-data-${key}`, async () => {
    const sources = sourcesFingerprint('server')
    if (readStamp(dir) === sources) return dir
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const server = await startServerProcess({
      DATA_DIR: dir,
      SEED_DEMO: 'true',
      SEED_PASSWORD: password,
    })
    await stopGracefully(server.child, server.output)
    writeFileSync(join(dir, STAMP), sources)
    return dir
  })
}

/** The fingerprint the kept folder was seeded for; null when there is none yet. */
function readStamp(dir: string): string | null {
  try {
    return readFileSync(join(dir, STAMP), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** SIGTERM, then waits for the exit; anything but a clean exit is an error (with the output). */
function stopGracefully(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`the demo data's server stopped with ${code ?? signal}:\n${output()}`)),
    )
    child.kill('SIGTERM')
  })
}
