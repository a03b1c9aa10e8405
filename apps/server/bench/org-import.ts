import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OrgImportReport } from '@yardstick/contract'
import {
  type Database,
  type DatabaseKind,
  type Db,
  migrate,
  openDatabase,
  queryRows,
  schema,
} from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import { sql } from 'drizzle-orm'
import type { AuthUser } from '../src/auth/sessions'
import { importOrgs } from '../src/orgs/import/import-orgs'
import { createUser, insertOrg } from '../src/orgs/org-tree'
import { type BenchOrgRow, benchCsv, benchOrgRows, changedRows } from './org-import-data'

const RUNS = 3
const TARGETS: Record<DatabaseKind, string> = { postgres: '< 5 s', pglite: '< 10 s' }
const STEPS = [
  'dry run, new tree (6,300 rows → create)',
  'apply, new tree (6,300 creates + 6,300 audit entries)',
  're-import the same file (apply → all unchanged, nothing written)',
  'changed file, apply (62 renames, 20 moves, 40 creates)',
  'baseline: plain multi-row INSERT … VALUES of the same 6,300 rows (chunks of 1,000, one transaction)',
  'baseline: plain INSERT … SELECT unnest(arrays) of the same 6,300 rows (chunks of 1,000, one transaction)',
] as const
type Step = (typeof STEPS)[number]

const median = (times: readonly number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
const ms = (value: number) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

function expectCounts(
  report: OrgImportReport,
  counts: Partial<OrgImportReport['counts']>,
  step: string,
) {
  for (const [action, n] of Object.entries(counts)) {
    const got = report.counts[action as keyof typeof counts]
    if (got !== n) {
      const refused = report.rows.find((row) => row.action === 'refuse')
      throw new Error(`${step}: ${action} ${got}, expected ${n}; ${JSON.stringify(refused)}`)
    }
  }
}

// The baselines: the same rows as bare INSERTs — ids from the sequence, paths computed, no file
// to read, no matching, no rules, no audit — one bind parameter per cell (drizzle's `values`) or
// one array per column (`unnest`, as the import writes).
async function plainInsert(
  db: Db,
  committee: { id: number; path: string },
  rows: readonly BenchOrgRow[],
  how: 'values' | 'unnest',
) {
  await db.transaction(async (tx) => {
    const ids = await queryRows<{ id: number }>(
      tx as unknown as Db,
      sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id from generate_series(1, ${rows.length}::int)`,
    )
    const byCode = new Map<string, { id: number; path: string }>()
    const values = rows.map((row, i) => {
      const id = Number(ids[i]?.id)
      const parent = row.parentCode
        ? (byCode.get(row.parentCode) as { id: number; path: string })
        : committee
      const path = `${parent.path}${id}/`
      byCode.set(row.code, { id, path })
      return {
        id,
        parentId: parent.id,
        kind: row.kind === '分工委' ? ('subcommittee' as const) : ('branch' as const),
        name: row.name,
        unitType: row.kind === '分工委' ? null : ('organ' as const),
        code: row.code,
        path,
      }
    })
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000)
      if (how === 'values') {
        await tx.insert(schema.orgs).values(chunk)
        continue
      }
      const column = <K extends keyof (typeof chunk)[number]>(key: K) =>
        sql.param(chunk.map((v) => v[key]))
      await tx.execute(sql`insert into orgs (id, parent_id, kind, name, unit_type, code, path)
        select * from unnest(${column('id')}::int[], ${column('parentId')}::int[],
          ${column('kind')}::text[], ${column('name')}::text[], ${column('unitType')}::text[],
          ${column('code')}::text[], ${column('path')}::text[])`)
    }
  })
}

async function measure(kind: DatabaseKind, database: Database) {
  const { db } = database
  const times = new Map<Step, number[]>(STEPS.map((step) => [step, []]))
  const record = (step: Step, value: number) => times.get(step)?.push(value)
  const actor = await createUser(db, {
    email: `bench-org-import-${kind}@example.org`,
    name: 'bench admin',
    password: 'bench-password-1',
  })
  let fileBytes = 0
  for (let run = 1; run <= RUNS; run++) {
    const committee = await insertOrg(db, { kind: 'committee', name: `省直机关工委${run}` })
    const user: AuthUser = {
      id: actor.id,
      email: actor.email,
      name: actor.name,
      grants: [{ role: 'admin', orgId: committee.id, path: committee.path }],
    }
    const rows = benchOrgRows(committee.name)
    const file = benchCsv(rows)
    fileBytes = file.length
    const options = { rootId: committee.id, contentType: 'text/csv' }
    const dry = await timed(() => importOrgs(db, user, file, { ...options, dryRun: true }))
    expectCounts(dry.value, { create: rows.length, refuse: 0 }, 'dry run')
    record(STEPS[0], dry.ms)
    const apply = await timed(() => importOrgs(db, user, file, { ...options, dryRun: false }))
    expectCounts(apply.value, { create: rows.length, refuse: 0 }, 'apply')
    record(STEPS[1], apply.ms)
    const [before] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log`,
    )
    const again = await timed(() => importOrgs(db, user, file, { ...options, dryRun: false }))
    expectCounts(again.value, { unchanged: rows.length, create: 0, update: 0 }, 're-import')
    const [after] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log`,
    )
    if (before?.n !== after?.n) throw new Error('re-import wrote audit entries')
    record(STEPS[2], again.ms)
    const changed = benchCsv(changedRows(rows))
    const change = await timed(() => importOrgs(db, user, changed, { ...options, dryRun: false }))
    expectCounts(change.value, { create: 40, update: 82, refuse: 0 }, 'changed file')
    record(STEPS[3], change.ms)

    const baselineRoot = await insertOrg(db, { kind: 'committee', name: `基线${run}` })
    const plain = await timed(() => plainInsert(db, baselineRoot, rows, 'values'))
    record(STEPS[4], plain.ms)
    const unnestRoot = await insertOrg(db, { kind: 'committee', name: `基线（unnest）${run}` })
    const unnest = await timed(() => plainInsert(db, unnestRoot, rows, 'unnest'))
    record(STEPS[5], unnest.ms)
    console.log(
      `${kind} run ${run}: dry ${ms(dry.ms)}, apply ${ms(apply.ms)}, re-import ${ms(again.ms)}, changed ${ms(change.ms)}, plain INSERT ${ms(plain.ms)}, unnest INSERT ${ms(unnest.ms)}`,
    )
  }
  return { kind, times, fileBytes }
}

// PGlite: a data folder on disk, as the server runs it.
async function onPglite() {
  const dataDir = await mkdtemp(join(tmpdir(), 'yardstick-bench-org-'))
  const database = await openDatabase({ dataDir })
  try {
    await migrate(database)
    return await measure('pglite', database)
  } finally {
    await database.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

// PostgreSQL: a fresh database at 127.0.0.1:5432, dropped afterwards.
async function onPostgres() {
  const database = await createTestDatabase('postgres')
  try {
    return await measure('postgres', database)
  } finally {
    await database.close()
  }
}

/**
 * The organisation import benchmark (issue 13): a file of 20 sub-committees and 6,280 branches
 * (`org-import-data.ts`) imported through `importOrgs` — the route's service, file parsing
 * included — on PostgreSQL and on PGlite (data folder on disk): dry run, apply, the same file
 * again (all unchanged), a changed file; beside a plain multi-row INSERT of the same rows in the
 * same run. Three runs per store, each under a new committee. Prints a markdown table.
 *
 * @example
 * await runOrgImportBench()
 */
export async function runOrgImportBench(): Promise<void> {
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')
  const results = [await onPostgres(), await onPglite()]
  console.log(
    `\nload average before: ${load}; after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  )
  console.log(`file: ${(results[0]?.fileBytes ?? 0).toLocaleString('en')} bytes (UTF-8 CSV)\n`)
  console.log('| store | step | median of 3 (min–max) | target |')
  console.log('| --- | --- | ---: | --- |')
  for (const { kind, times } of results) {
    for (const step of STEPS) {
      const values = times.get(step) ?? []
      const range = `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`
      const target = step === STEPS[1] ? TARGETS[kind] : ''
      console.log(`| ${kind} | ${step} | ${range} | ${target} |`)
    }
  }
}
