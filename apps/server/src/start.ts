import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Server as HttpServer } from 'node:http'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { type Database, lockDataDir, migrate, openDatabase, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { createApp } from './app'
import { createSignInLimits, type SignInLimits } from './auth/sign-in-limits'
import { serveBackupRequests } from './backup/running-server'
import { CollabServer } from './collab/collab-server'
import { seedFromStoredForm } from './collab/form-documents'
import type { Config } from './config'
import { closeValidationPool, startValidationPool } from './forms/validation-pool'
import { createUser, insertOrg } from './orgs/org-tree'
import { openReplicaReads, type ReadDatabase } from './replica/read-database'
import { countStoredAnswers } from './results/form-questions'
import { type DemoAccount, seedDemo } from './seed/demo'
import type { DemoQuiz } from './seed/demo-quiz'
import { submissionWriter } from './submissions/group-commit'

/** A running server: its URL, the demo accounts, and how to stop it (flushes, closes, unlocks). */
export interface RunningServer {
  url: string
  database: Database
  demoAccounts: DemoAccount[]
  /** The demo's timed quiz and its tokens (printed at start); null without the demo. */
  demoQuiz: DemoQuiz | null
  collab: CollabServer
  stop: () => Promise<void>
}

/**
 * Starts everything on one port: locks `DATA_DIR` (PGlite is single-process), opens the
 * database, applies migrations, seeds the demo data on first run, ensures the `ADMIN_EMAIL`
 * administrator, and serves the app.
 *
 * @example
 * const server = await startServer(loadConfig())
 * console.log(server.url)
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const release = lockDataDir(config.DATA_DIR)
  let database: Database | undefined
  let readDatabase: ReadDatabase | undefined
  let signInLimits: SignInLimits | undefined
  try {
    database = await openDatabase(
      config.DATABASE_URL
        ? { url: config.DATABASE_URL }
        : { dataDir: join(config.DATA_DIR, 'pglite'), worker: config.PGLITE_WORKER },
    )
    await migrate(database)
    // Versions stored before their questions were listed: counted once, before any request.
    await countStoredAnswers(database.db)
    // After the migrations: the replica gets them by replication, never by a migrate of its own.
    if (config.DATABASE_REPLICA_URL)
      readDatabase = await openReplicaReads(database.db, config.DATABASE_REPLICA_URL, {
        maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
      })
    const demoAccounts = config.SEED_DEMO ? await demoAccountsFor(database, config) : []
    const demoQuiz = config.SEED_DEMO ? readJson<DemoQuiz>(demoQuizFile(config)) : null
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD)
      await ensureAdmin(database, config.ADMIN_EMAIL, config.ADMIN_PASSWORD)
    const collab = new CollabServer({
      database,
      redisUrl: config.REDIS_URL,
      redisPrefix: config.REDIS_PREFIX,
      seed: seedFromStoredForm(database.db),
    })
    const limits = createSignInLimits(config)
    signInLimits = limits
    const app = createApp({
      database,
      config,
      readDatabase,
      demoAccounts,
      documents: collab,
      responses: collab,
      sockets: collab,
      signInLimits: limits,
    })
    const server = await listen(app.fetch, config)
    // Once serving (not competing with the start for CPU): a check thread loads survey-core, so
    // the first publish does not wait for it.
    startValidationPool()
    collab.attach(server as HttpServer)
    // `pnpm backup` of a running PGlite server asks this process (running-server.ts).
    const stopBackups = database.dumpDataDir
      ? serveBackupRequests(config.DATA_DIR, database)
      : () => {}
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`
    const open = database
    const reads = readDatabase
    return {
      url,
      database: open,
      demoAccounts,
      demoQuiz,
      collab,
      stop: async () => {
        // Sockets first (their updates are flushed), then HTTP, then queued submissions, then
        // the database: nothing acknowledged is left unwritten.
        stopBackups()
        await collab.close()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await limits.close()
        await submissionWriter(open.db).close()
        await reads?.close()
        await open.close()
        await closeValidationPool()
        release()
      },
    }
  } catch (error) {
    await signInLimits?.close()
    await readDatabase?.close()
    await database?.close()
    await closeValidationPool()
    release()
    throw error
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.PORT, hostname: config.HOST }, () => resolve(server))
    server.once('error', reject)
  })
}

/**
 * Seeds the demo world on first run and keeps its accounts in `DATA_DIR/demo-accounts.json`
 * and the demo quiz's tokens in `DATA_DIR/demo-quiz.json` (mode 0600), so every later start can
 * print them again: the database keeps only hashes.
 */
async function demoAccountsFor(database: Database, config: Config): Promise<DemoAccount[]> {
  const file = join(config.DATA_DIR, 'demo-accounts.json')
  const created = await seedDemo(database.db, { password: config.SEED_PASSWORD })
  if (created) {
    writeSecret(file, created.accounts)
    writeSecret(demoQuizFile(config), created.quiz)
    return created.accounts
  }
  return readJson<DemoAccount[]>(file) ?? []
}

/** Where the demo quiz's tokens are kept between starts (the database keeps only hashes). */
function demoQuizFile(config: Config): string {
  return join(config.DATA_DIR, 'demo-quiz.json')
}

/** Writes JSON readable by its owner only (mode 0600): accounts and tokens are secrets. */
function writeSecret(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2))
  chmodSync(file, 0o600)
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null
}

/** Creates (or resets the password of) the first administrator, on the top committee. */
async function ensureAdmin({ db }: Database, email: string, password: string) {
  const [top] = await db
    .select()
    .from(schema.orgs)
    .where(eq(schema.orgs.kind, 'committee'))
    .limit(1)
  const committee = top ?? (await insertOrg(db, { kind: 'committee', name: '机关工委' }))
  await createUser(db, {
    email,
    name: '管理员',
    password,
    grants: [{ role: 'admin', orgId: committee.id }],
  })
}
