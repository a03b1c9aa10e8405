// PostgreSQL is backed up and restored with its own tools: pg_dump takes one consistent
// snapshot while writes go on, in the custom format pg_restore reads.
import { type ChildProcess, spawn } from 'node:child_process'

/** Runs one of PostgreSQL's client programs; rejects with its stderr, or saying it is missing. */
function run(program: string, args: readonly string[]): Promise<void> {
  return exited(spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] }), program)
}

/** Resolves when `child` has exited 0; rejects with its stderr, or saying the program is missing. */
function exited(child: ChildProcess, program: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${program} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    )
    // 'close', not 'exit': its output has then all been read.
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${stderr.trim()}`)),
    )
  })
}

/** `pg_dump` of the database at `url` into `file` (custom format). */
export function pgDump(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url])
}

/*
 * Dropped first, whole: `responses` is partitioned by campaign (migration 0010), and pg_restore's
 * `--clean` drops each partition's key on its own, which PostgreSQL refuses (the key is the
 * parent's); dropping the parent drops its partitions, and the rest of `--clean` skips them.
 */
const DROP_FIRST = 'DROP TABLE IF EXISTS public.responses CASCADE;\n'

/**
 * `pg_restore` of `file` into the database at `url`, replacing the objects it holds, in one
 * transaction: either the whole backup is in place or nothing changed. pg_restore writes the
 * script; psql runs it after `DROP_FIRST` inside BEGIN, and gets the COMMIT only once pg_restore
 * has written it all (a backup that fails to read halfway is rolled back, not half restored).
 */
export async function pgRestore(url: string, file: string): Promise<void> {
  const script = spawn(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file=-', file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const psql = spawn(
    'psql',
    ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${url}`, '--file=-'],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  )
  const input = psql.stdin as NodeJS.WritableStream
  input.on('error', () => {}) // psql stopped early: its exit says why
  input.write(`BEGIN;\n${DROP_FIRST}`)
  script.stdout?.pipe(input, { end: false })
  const ran = exited(psql, 'psql')
  try {
    await exited(script, 'pg_restore')
  } catch (error) {
    input.end() // no COMMIT: psql's session ends, the transaction with it
    await ran.catch(() => {})
    throw error
  }
  input.end('COMMIT;\n')
  await ran
}
