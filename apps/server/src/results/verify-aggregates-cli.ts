// `pnpm verify-aggregates [--campaign ID]`: `verifyAggregates` without a signed-in session, on
// the database the server is configured for (DATABASE_URL, else PGlite in DATA_DIR). It only
// reads: read-only transactions, no migration, and a missing PGlite folder is never created.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  type Database,
  DataDirLockedError,
  lockDataDir,
  lockHolder,
  openDatabase,
  queryRows,
} from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { type Config, loadConfig } from '../config'
import { verifyAggregates } from './verify-aggregates'
import { describeCheck } from './verify-aggregates-report'

const USAGE = `Usage:
  pnpm verify-aggregates [--campaign ID]
      Recomputes the running aggregates of campaign ID (default: every campaign) from its
      responses and prints each difference. Reads only. Same configuration as the server:
      DATABASE_URL (PostgreSQL), else DATA_DIR (PGlite; the server must be stopped).
      Exit status: 0 no differences, 1 differences, 2 could not check.`

/** The command could not check: bad arguments, or the database could not be opened. Exit 2. */
class CannotCheckError extends Error {
  override readonly name = 'CannotCheckError'
}

const EXIT = { equal: 0, different: 1, cannotCheck: 2 } as const

function parseCampaign(argv: string[]): { help: boolean; campaign?: number } {
  let values: { campaign?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { campaign: { type: 'string' }, help: { type: 'boolean' } },
    }))
  } catch (error) {
    throw new CannotCheckError(`${(error as Error).message}\n\n${USAGE}`)
  }
  if (values.campaign === undefined) return { help: values.help ?? false }
  const id = Number(values.campaign)
  if (!/^\d+$/.test(values.campaign) || id < 1 || id > 2_147_483_647) {
    throw new CannotCheckError(
      `--campaign ${JSON.stringify(values.campaign)}: not a campaign id. A campaign's id is a ` +
        'whole number from 1 (the number in its address, /campaigns/7).',
    )
  }
  return { help: values.help ?? false, campaign: id }
}

/** Opens the configured database for reading; `close` also releases PGlite's data folder. */
async function openForReading(config: Config): Promise<{ database: Database; where: string }> {
  if (config.DATABASE_URL) {
    const where = `PostgreSQL ${withoutPassword(config.DATABASE_URL)} (DATABASE_URL)`
    // One connection, so the session setting below holds for every query.
    const database = await openDatabase({
      url: config.DATABASE_URL,
      maxConnections: 1,
      connectTimeout: 10,
    })
    return { database: await readOnly(database, where), where }
  }
  const dataDir = join(config.DATA_DIR, 'pglite')
  const where = `PGlite ${dataDir} (DATA_DIR)`
  // PGlite would create a new, empty database in a folder that holds none.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new CannotCheckError(
      `No PGlite database in ${dataDir}: DATA_DIR (${config.DATA_DIR}) is not the server's data ` +
        'folder. Set DATA_DIR to it, or DATABASE_URL for PostgreSQL. Nothing was created.',
    )
  }
  const running = lockHolder(config.DATA_DIR)
  if (running !== undefined) throw new DataDirLockedError(config.DATA_DIR, running)
  const release = lockDataDir(config.DATA_DIR)
  try {
    const database = await openDatabase({ dataDir, worker: false })
    const opened = await readOnly(database, where)
    return {
      database: {
        ...opened,
        close: async () => {
          try {
            await opened.close()
          } finally {
            release()
          }
        },
      },
      where,
    }
  } catch (error) {
    release()
    throw error
  }
}

async function readOnly(database: Database, where: string): Promise<Database> {
  try {
    await database.db.execute(sql`set default_transaction_read_only = on`)
    return database
  } catch (error) {
    await database.close().catch(() => {})
    throw new CannotCheckError(`Cannot open ${where}: ${(error as Error).message}`)
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(an unreadable URL)'
  }
}

async function check(database: Database, where: string, only: number | undefined) {
  const { db } = database
  const campaigns = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from campaigns
      ${only === undefined ? sql`` : sql`where id = ${only}`} order by id`,
  )
  if (only !== undefined && campaigns.length === 0) {
    throw new CannotCheckError(`Campaign ${only} does not exist in ${where}; nothing was checked.`)
  }
  let differing = 0
  for (const campaign of campaigns) {
    const result = await verifyAggregates(db, campaign.id)
    const unitIds = [...new Set(result.differences.map((d) => Number(d.key.unit_id)))]
    const units =
      unitIds.length === 0
        ? []
        : await queryRows<{ id: number; name: string }>(
            db,
            sql`select id, name from orgs where id in (${sql.join(unitIds, sql`, `)})`,
          )
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]))
    for (const line of describeCheck(result, { name: campaign.name, unitNames })) console.log(line)
    if (result.differenceCount > 0) differing++
  }
  const checked = `${campaigns.length} campaign${campaigns.length === 1 ? '' : 's'} checked in ${where}`
  console.log(
    differing === 0
      ? `${checked}: the running aggregates equal the responses`
      : `${checked}: ${differing} with differences`,
  )
  return differing === 0 ? EXIT.equal : EXIT.different
}

async function main(): Promise<number> {
  const { help, campaign } = parseCampaign(process.argv.slice(2))
  if (help) {
    console.log(USAGE)
    return EXIT.equal
  }
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    throw new CannotCheckError((error as Error).message)
  }
  const { database, where } = await openForReading(config)
  try {
    return await check(database, where, campaign)
  } finally {
    await database.close()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(
        `\n  ${error.message}\n  While the server runs, ask it instead: ` +
          'GET /api/campaigns/:id/aggregates/verify (docs/deploy.md).\n',
      )
    } else if (error instanceof CannotCheckError) {
      console.error(`\n  ${error.message}\n`)
    } else {
      console.error(error)
    }
    process.exitCode = EXIT.cannotCheck
  },
)
