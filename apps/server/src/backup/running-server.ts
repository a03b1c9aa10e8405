// A backup of a running server's PGlite: only the server process may open its data folder
// (PGlite is single-process), so the command asks it. The request is a file in the data folder
// and SIGUSR2 says "look": no credentials or port needed, only the right to signal the process,
// which is the right to stop it anyway.
import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from '@yardstick/db'

const PREFIX = 'backup-request-'

interface BackupRequest {
  /** Absolute path the archive goes to. */
  file: string
}

/** Where a failed backup's reason is written, beside the archive it would have been. */
const errorFileOf = (file: string) => `${file}.error`

/**
 * Answers backup requests on SIGUSR2: each request file in the data folder gets the database's
 * archive written to its path (through a `.partial` file renamed when complete, so a reader
 * never sees half an archive), or its reason in `<path>.error`.
 *
 * @returns a function that stops listening
 */
export function serveBackupRequests(dataDir: string, database: Database): () => void {
  let running = Promise.resolve()
  const onSignal = () => {
    running = running.then(() => answerRequests(dataDir, database))
  }
  process.on('SIGUSR2', onSignal)
  return () => process.off('SIGUSR2', onSignal)
}

async function answerRequests(dataDir: string, database: Database): Promise<void> {
  for (const name of readdirSync(dataDir).filter((n) => n.startsWith(PREFIX))) {
    const path = join(dataDir, name)
    let request: BackupRequest
    try {
      request = JSON.parse(readFileSync(path, 'utf8')) as BackupRequest
    } finally {
      rmSync(path, { force: true })
    }
    try {
      if (!database.dumpDataDir) throw new Error('this server does not run on PGlite')
      const archive = await database.dumpDataDir()
      writeFileSync(`${request.file}.partial`, archive)
      renameSync(`${request.file}.partial`, request.file)
      console.log(`Backup written to ${request.file} (${archive.byteLength} bytes)`)
    } catch (error) {
      writeFileSync(errorFileOf(request.file), String((error as Error).message ?? error))
    }
  }
}

/**
 * Asks the server process `pid`, which holds `dataDir`, for a backup into `file`, and waits
 * until it is written; throws the server's reason, or on timeout.
 */
export async function requestBackup(
  dataDir: string,
  pid: number,
  file: string,
  timeoutMs: number,
): Promise<void> {
  const request = join(dataDir, `${PREFIX}${randomUUID()}.json`)
  writeFileSync(request, JSON.stringify({ file } satisfies BackupRequest))
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (existsSync(file)) return
    if (existsSync(errorFileOf(file))) {
      const reason = readFileSync(errorFileOf(file), 'utf8')
      rmSync(errorFileOf(file), { force: true })
      throw new Error(`The server (pid ${pid}) could not back up: ${reason}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  rmSync(request, { force: true })
  throw new Error(`The server (pid ${pid}) wrote no backup within ${timeoutMs} ms`)
}
