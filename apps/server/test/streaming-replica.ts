// A PostgreSQL primary and its hot standby (streaming replication), private to one test file.
//
// Why a private primary rather than a standby of the machine's PostgreSQL (127.0.0.1:5432): its
// pg_hba.conf allows `all` databases but no `replication` connection ("no pg_hba.conf entry for
// replication connection from host 127.0.0.1"), and a test must not edit the system's files. A
// cluster made here with `initdb -A trust` allows replication from 127.0.0.1 by default. The
// same PostgreSQL 15 binaries, run as the `postgres` OS user (initdb refuses root).
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, openDatabase } from '@yardstick/db'
import { sql } from 'drizzle-orm'

/** `PG_BIN`, else the newest Debian PostgreSQL's binaries (15 on this project's machines). */
const BIN = process.env.PG_BIN ?? newestDebianBin()
const OS_USER = 'postgres'

/** Why a streaming pair cannot start here, or null when it can. */
export function streamingPairMissing(): string | null {
  if (!existsSync(join(BIN, 'pg_basebackup'))) return `PostgreSQL binaries are not in ${BIN}`
  if (process.getuid?.() !== 0 && userName() !== OS_USER)
    return `the tests run neither as root nor as ${OS_USER} (pg_ctl must run as ${OS_USER})`
  try {
    execFileSync('id', ['-u', OS_USER], { stdio: 'ignore' })
  } catch {
    return `there is no ${OS_USER} OS user to run PostgreSQL as`
  }
  return null
}

/** A running primary and hot standby; URLs name a database on either. */
export interface StreamingPair {
  primaryUrl: (database: string) => string
  replicaUrl: (database: string) => string
  /** `pg_wal_replay_pause()` on the standby, once it reports `paused`. */
  pauseReplay: () => Promise<void>
  resumeReplay: () => Promise<void>
  /** Until the standby has replayed everything the primary has written so far. */
  caughtUp: () => Promise<void>
  stopReplica: () => void
  startReplica: () => Promise<void>
  close: () => Promise<void>
}

/**
 * Makes a primary (initdb, a free port) and a hot standby of it (`pg_basebackup -R`, another
 * free port) in a temporary folder owned by `postgres`; `close` stops both and removes it.
 *
 * @example
 * const pair = await startStreamingPair()
 * afterAll(() => pair.close())
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-replica-'))
  const uid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }))
  const gid = Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' }))
  chownSync(dir, uid, gid)
  const primaryDir = join(dir, 'primary')
  const replicaDir = join(dir, 'replica')
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const url = (port: number) => (database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${database}`
  const admins: Database[] = []
  const ctl = (...args: string[]) => asPostgres('pg_ctl', args)
  try {
    asPostgres('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync'])
    appendConf(primaryDir, primaryPort, dir, uid, gid)
    ctl('-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start')
    asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', replicaDir, '-R', '-X', 'stream', '--no-sync'],
    ])
    // The copied postgresql.conf names the primary's port; the last setting wins.
    appendConf(replicaDir, replicaPort, dir, uid, gid)
    const startReplica = async () => {
      ctl('-D', replicaDir, '-l', join(dir, 'replica.log'), '-w', 'start')
    }
    await startReplica()
    const primary = await openDatabase({ url: url(primaryPort)('postgres'), maxConnections: 1 })
    admins.push(primary)
    // postgres-js reconnects by itself after the standby is stopped and started again.
    const replica = await openDatabase({ url: url(replicaPort)('postgres'), maxConnections: 1 })
    admins.push(replica)
    const replayState = async () => {
      const rows = await replica.db.execute<{ state: string }>(
        sql`select pg_get_wal_replay_pause_state() as state`,
      )
      return rows[0]?.state
    }
    return {
      primaryUrl: url(primaryPort),
      replicaUrl: url(replicaPort),
      pauseReplay: async () => {
        await replica.db.execute(sql`select pg_wal_replay_pause()`)
        await until(async () => (await replayState()) === 'paused', 'replay to pause')
      },
      resumeReplay: async () => {
        await replica.db.execute(sql`select pg_wal_replay_resume()`)
      },
      caughtUp: async () => {
        const [row] = await primary.db.execute<{ lsn: string }>(
          sql`select pg_current_wal_lsn()::text as lsn`,
        )
        const lsn = row?.lsn as string
        await until(async () => {
          const [replayed] = await replica.db.execute<{ done: boolean }>(
            sql`select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ${lsn}::pg_lsn) >= 0 as done`,
          )
          return replayed?.done === true
        }, `the replica to replay up to ${lsn}`)
      },
      stopReplica: () => {
        ctl('-D', replicaDir, '-m', 'fast', '-w', 'stop')
      },
      startReplica,
      close: async () => {
        await Promise.all(admins.map((admin) => admin.close().catch(() => {})))
        stopQuietly(replicaDir)
        stopQuietly(primaryDir)
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await Promise.all(admins.map((admin) => admin.close().catch(() => {})))
    stopQuietly(replicaDir)
    stopQuietly(primaryDir)
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

function asPostgres(program: string, args: string[]) {
  const path = join(BIN, program)
  const [command, all] =
    process.getuid?.() === 0 ? ['runuser', ['-u', OS_USER, '--', path, ...args]] : [path, args]
  execFileSync(command, all, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 })
}

function stopQuietly(dataDir: string) {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return
  try {
    asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
  } catch {}
}

/** Own port and socket folder; no fsync (a test's data); a standby that serves reads. */
function appendConf(dataDir: string, port: number, socketDir: string, uid: number, gid: number) {
  const file = join(dataDir, 'postgresql.conf')
  const lines = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    'fsync = off',
    'hot_standby = on',
    'max_wal_senders = 4',
    'wal_level = replica',
  ]
  writeFileSync(file, `\n${lines.join('\n')}\n`, { flag: 'a' })
  chownSync(file, uid, gid)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function userName(): string {
  try {
    return execFileSync('id', ['-un'], { encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

function newestDebianBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  return join(root, versions[0] ?? '15', 'bin')
}
