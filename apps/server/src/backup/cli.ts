// `pnpm backup [--out FILE]` and `pnpm restore FILE`: the same configuration as the server
// (DATABASE_URL, DATA_DIR). PostgreSQL: pg_dump / pg_restore. PGlite: the data folder's archive,
// taken by the running server when there is one (it alone may open the folder), else directly.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  DataDirLockedError,
  lockDataDir,
  lockHolder,
  openDatabase,
  RestoreRefusedError,
  restorePgliteArchive,
} from '@yardstick/db'
import { type Config, loadConfig } from '../config'
import { pgDump, pgRestore } from './postgres-tools'
import { requestBackup } from './running-server'

const USAGE = `Usage:
  pnpm backup [--out FILE]   back up the database (PostgreSQL: pg_dump custom format;
                             PGlite: a .tar.gz of its data folder, taken while the server runs)
  pnpm restore FILE          restore a backup (PostgreSQL: replaces the database's objects in one
                             transaction; PGlite: the server must be stopped, the current data
                             folder is moved aside, never deleted)`

/** Relative paths are relative to where the user typed the command, as DATA_DIR is. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path)

const stamp = () =>
  new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z')

async function backup(config: Config, out: string | undefined): Promise<string> {
  const store = config.DATABASE_URL ? 'postgres' : 'pglite'
  const file = out
    ? fromUser(out)
    : fromUser(`backups/yardstick-${store}-${stamp()}.${store === 'postgres' ? 'dump' : 'tar.gz'}`)
  mkdirSync(dirname(file), { recursive: true })
  if (config.DATABASE_URL) {
    await pgDump(config.DATABASE_URL, file)
    return file
  }
  const running = lockHolder(config.DATA_DIR)
  if (running !== undefined) {
    await requestBackup(
      config.DATA_DIR,
      running,
      file,
      Number(process.env.BACKUP_TIMEOUT_MS ?? 600_000),
    )
    return file
  }
  const release = lockDataDir(config.DATA_DIR)
  try {
    const database = await openDatabase({ dataDir: join(config.DATA_DIR, 'pglite'), worker: false })
    try {
      const archive = await database.dumpDataDir?.()
      if (!archive) throw new Error('PGlite gave no archive')
      writeFileSync(`${file}.partial`, archive)
      renameSync(`${file}.partial`, file)
    } finally {
      await database.close()
    }
  } finally {
    release()
  }
  return file
}

async function restore(config: Config, file: string): Promise<string> {
  const path = fromUser(file)
  if (config.DATABASE_URL) {
    await pgRestore(config.DATABASE_URL, path)
    return `PostgreSQL restored from ${path}`
  }
  const release = lockDataDir(config.DATA_DIR)
  try {
    const archive = readFileSync(path)
    const dataDir = join(config.DATA_DIR, 'pglite')
    const aside = `${dataDir}.before-restore-${stamp()}`
    let moved = false
    try {
      renameSync(dataDir, aside)
      moved = true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    await restorePgliteArchive(archive, dataDir)
    return `PGlite restored from ${path} into ${dataDir}${moved ? `; the previous data is in ${aside}` : ''}`
  } finally {
    release()
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean' } },
  })
  const [command, file] = positionals
  if (values.help || (command !== 'backup' && command !== 'restore')) {
    console.log(USAGE)
    process.exit(values.help ? 0 : 2)
  }
  const config = loadConfig(process.env)
  if (command === 'backup') {
    console.log(`Backup written to ${await backup(config, values.out)}`)
    return
  }
  if (!file) {
    console.error(`pnpm restore needs the backup file.\n\n${USAGE}`)
    process.exit(2)
  }
  console.log(await restore(config, file))
}

main().catch((error: unknown) => {
  const known = error instanceof DataDirLockedError || error instanceof RestoreRefusedError
  console.error(known ? `\n  ${(error as Error).message}\n` : error)
  process.exit(1)
})
