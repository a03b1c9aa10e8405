// PostgreSQL is backed up and restored with its own tools: pg_dump takes one consistent
// snapshot while writes go on, in the custom format pg_restore reads.
import { spawn } from 'node:child_process'

/** Runs one of PostgreSQL's client programs; rejects with its stderr, or saying it is missing. */
function run(program: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${program} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    )
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${stderr.trim()}`)),
    )
  })
}

/** `pg_dump` of the database at `url` into `file` (custom format). */
export function pgDump(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url])
}

/**
 * `pg_restore` of `file` into the database at `url`, replacing the objects it holds, in one
 * transaction: either the whole backup is in place or nothing changed.
 */
export function pgRestore(url: string, file: string): Promise<void> {
  return run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ])
}
