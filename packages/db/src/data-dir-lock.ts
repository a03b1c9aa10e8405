import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Why a data folder could not be locked. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another Yardstick process (pid ${pid}). PGlite is single-process: ` +
        'two servers on one data folder silently lose acknowledged writes. Stop the other one, ' +
        'or give this one its own DATA_DIR (or DATABASE_URL for PostgreSQL).',
    )
  }
}

/**
 * Takes the data folder for this process alone, or throws `DataDirLockedError` naming the
 * process that has it. A lock left by a process that died (SIGKILL, power cut) is taken over:
 * the lock file holds a pid, and a pid that no longer runs holds nothing. (A lock library
 * based on mtime staleness would make a restart after SIGKILL wait out the stale period.)
 *
 * @returns a function that releases the lock
 * @example
 * const release = lockDataDir('./.data')
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'yardstick.lock')
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(dataDir, holder)
      }
      // The holder is gone: remove its lock and try again (another starter may win the race).
      rmSync(file, { force: true })
    }
  }
  throw new DataDirLockedError(dataDir, Number.NaN)
}

/**
 * The pid of the running process that holds the data folder, or undefined when none does
 * (no lock, or the lock of a process that died). Takes nothing.
 */
export function lockHolder(dataDir: string): number | undefined {
  let holder: number
  try {
    holder = Number.parseInt(readFileSync(join(dataDir, 'yardstick.lock'), 'utf8'), 10)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return Number.isInteger(holder) && isRunning(holder) ? holder : undefined
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
