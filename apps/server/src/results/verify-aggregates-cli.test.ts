// `pnpm verify-aggregates` as an operator types it: a real process on a PGlite data folder or a
// PostgreSQL database that a server filled, its output and its exit status.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, type Db, migrate, openDatabase, queryRows } from '@yardstick/db'
import { createTestDatabase, testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { insertResponses, seedCampaign, type TestCampaign } from './test-campaign'
import { memberAnswers, TEST_BANDS } from './test-forms'
import { MAX_PRINTED } from './verify-aggregates-report'

const SERVER_ROOT = join(import.meta.dirname, '../..')
const ROOT = join(SERVER_ROOT, '../..')
const TIMEOUT = 120_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `pnpm verify-aggregates`'s command with `env` as the whole configuration. */
function verifyCli(args: string[], env: Record<string, string>, pnpm = false): Promise<Run> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env
  const [command, commandArgs, cwd] = pnpm
    ? ['pnpm', ['--silent', 'verify-aggregates', ...args], ROOT]
    : [
        process.execPath,
        [
          '--import',
          'tsx',
          '--conditions=@yardstick/source',
          'src/results/verify-aggregates-cli.ts',
          ...args,
        ],
        SERVER_ROOT,
      ]
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...inherited, ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe.each(await testStores())('pnpm verify-aggregates on %s', (kind) => {
  const folder = mkdtempSync(join(tmpdir(), 'ys-verify-'))
  folders.push(folder)
  const env: Record<string, string> = { DATA_DIR: folder }
  let postgres: (Database & { url?: string }) | undefined
  let f: Fixture | undefined
  let campaign: TestCampaign
  let second: TestCampaign
  let branch1: number

  // PGlite's folder is one process's at a time: the test opens it only while the command is not
  // running. PostgreSQL stays open.
  const withDb = async <T>(use: (db: Db) => Promise<T>): Promise<T> => {
    if (postgres) return use(postgres.db)
    const database = await openDatabase({ dataDir: join(folder, 'pglite'), worker: false })
    try {
      return await use(database.db)
    } finally {
      await database.close()
    }
  }

  beforeAll(async () => {
    let database: Database
    if (kind === 'postgres') {
      postgres = await createTestDatabase('postgres')
      env.DATABASE_URL = postgres.url as string
      database = postgres
    } else {
      database = await openDatabase({ dataDir: join(folder, 'pglite'), worker: false })
      await migrate(database)
    }
    f = await createFixture(kind, {}, { database })
    const { db } = database
    branch1 = f.orgs.branch1
    campaign = await seedCampaign(db, {
      orgId: f.orgs.committee,
      unitIds: [f.orgs.branch1, f.orgs.branch2],
      sources: [{ key: 'members', weight: 1, form: templates.satisfaction }],
      bands: TEST_BANDS,
    })
    await insertResponses(db, campaign, [
      { unitId: f.orgs.branch1, source: 'members', answers: memberAnswers('satisfied') },
      { unitId: f.orgs.branch1, source: 'members', answers: memberAnswers('basic') },
      { unitId: f.orgs.branch2, source: 'members', answers: memberAnswers('dissatisfied') },
    ])
    second = await seedCampaign(db, {
      orgId: f.orgs.committee,
      unitIds: [f.orgs.branch3],
      sources: [{ key: 'members', weight: 1, form: templates.satisfaction }],
      bands: TEST_BANDS,
      name: '2026年度综合评定',
    })
    await insertResponses(db, second, [
      { unitId: f.orgs.branch3, source: 'members', answers: memberAnswers('basic') },
    ])
    if (kind === 'pglite') {
      await f.close()
      f = undefined
    }
  }, TIMEOUT)
  afterAll(async () => {
    await f?.close()
  })

  it(
    'checks every campaign of a consistent database and exits 0',
    async () => {
      const run = await verifyCli([], env)
      expect(run, run.stderr).toMatchObject({ code: 0 })
      expect(run.stdout).toMatch(
        new RegExp(
          `campaign ${campaign.id} \\(2025年度综合评定\\): compared 2 unit_source_totals, .*: no differences`,
        ),
      )
      expect(run.stdout).toContain(`campaign ${second.id} (2026年度综合评定): compared`)
      expect(run.stdout).toContain('2 campaigns checked in ')
      expect(run.stdout).toContain('the running aggregates equal the responses')
    },
    TIMEOUT,
  )

  it(
    'exits 1 and names the unit, the source and the figure of a tampered aggregate row',
    async () => {
      const tamper = (by: number) =>
        withDb((db) =>
          db.execute(sql`update unit_source_totals set n = n + ${by}
            where campaign_id = ${campaign.id} and unit_id = ${branch1} and source_key = 'members'`),
        )
      await tamper(1)
      try {
        const run = await verifyCli(['--campaign', String(campaign.id)], env)
        expect(run, run.stderr).toMatchObject({ code: 1 })
        const version = campaign.formVersionIds.members
        expect(run.stdout).toContain(`campaign ${campaign.id} (2025年度综合评定): compared`)
        expect(run.stdout).toContain(': 1 difference\n')
        expect(run.stdout).toContain(
          `  unit_source_totals, unit ${branch1} (第一党支部), source members, form version ${version}: n kept 3, recomputed 2\n`,
        )
        expect(run.stdout).not.toContain(`campaign ${second.id}`)
        expect(run.stdout).toContain('1 campaign checked in ')
        expect(run.stdout).toContain(': 1 with differences')
      } finally {
        await tamper(-1)
      }
      expect((await verifyCli(['--campaign', String(campaign.id)], env)).code).toBe(0)
    },
    TIMEOUT,
  )

  it(
    'prints the first differences and counts the rest',
    async () => {
      const tamper = (by: number) =>
        withDb((db) =>
          queryRows<{ n: number }>(
            db,
            sql`with changed as (update unit_answer_totals set n = n + ${by}
              where campaign_id = ${campaign.id} returning 1) select count(*)::int as n from changed`,
          ),
        )
      const [changed] = await tamper(1)
      try {
        const count = changed?.n ?? 0
        expect(count).toBeGreaterThan(MAX_PRINTED)
        const run = await verifyCli([], env)
        expect(run, run.stderr).toMatchObject({ code: 1 })
        expect(run.stdout).toContain(`: ${count} differences\n`)
        expect(run.stdout.match(/^ {2}unit_answer_totals, /gm)).toHaveLength(MAX_PRINTED)
        expect(run.stdout).toContain(`  … and ${count - MAX_PRINTED} more\n`)
        expect(run.stdout).toMatch(new RegExp(`campaign ${second.id} .*: no differences`))
      } finally {
        await tamper(-1)
      }
    },
    TIMEOUT,
  )

  it(
    'says so and exits 2 for a campaign the database does not have',
    async () => {
      const run = await verifyCli(['--campaign', '999999'], env)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('Campaign 999999 does not exist in ')
      expect(run.stdout).toBe('')
    },
    TIMEOUT,
  )

  if (kind === 'pglite') {
    it(
      'refuses, exit 2, a data folder a running server holds, and leaves its lock alone',
      async () => {
        // This test process stands for the server: a running pid in the lock file.
        const lock = join(folder, 'yardstick.lock')
        writeFileSync(lock, String(process.pid))
        try {
          const run = await verifyCli([], env)
          expect(run.code).toBe(2)
          expect(run.stderr).toContain(
            `is in use by another Yardstick process (pid ${process.pid})`,
          )
          expect(run.stderr).toContain('GET /api/campaigns/:id/aggregates/verify')
          expect(existsSync(lock)).toBe(true)
        } finally {
          rmSync(lock, { force: true })
        }
      },
      TIMEOUT,
    )

    it(
      'exits 2 on a DATA_DIR without a database, and creates nothing there',
      async () => {
        const empty = join(folder, 'not-a-data-dir')
        const run = await verifyCli([], { DATA_DIR: empty })
        expect(run.code).toBe(2)
        expect(run.stderr).toContain(`No PGlite database in ${join(empty, 'pglite')}`)
        expect(existsSync(empty)).toBe(false)
      },
      TIMEOUT,
    )
  }
})

describe('pnpm verify-aggregates, bad arguments', () => {
  it(
    'exits 2 on --campaign abc at the repository root, saying what is wrong and why',
    async () => {
      const run = await verifyCli(['--campaign', 'abc'], { DATA_DIR: tmpdir() }, true)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('--campaign "abc": not a campaign id')
      expect(run.stderr).toContain('whole number')
      expect(run.stdout).toBe('')
    },
    TIMEOUT,
  )

  it(
    'exits 2 with the usage on an unknown option',
    async () => {
      const run = await verifyCli(['--campain', '7'], { DATA_DIR: tmpdir() })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain("Unknown option '--campain'")
      expect(run.stderr).toContain('pnpm verify-aggregates [--campaign ID]')
    },
    TIMEOUT,
  )
})
