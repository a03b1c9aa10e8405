import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { z } from 'zod'

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** `REPLICA_MAX_LAG_SECONDS` unset: figures at most half a minute old. */
export const DEFAULT_REPLICA_MAX_LAG_SECONDS = 30

/** Every setting comes from the environment, with a working default (docs/DESIGN.md §4). */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  /**
   * A streaming replica of `DATABASE_URL` for the lag-tolerant reads: dashboards, reports and
   * exports (docs/deploy.md, "The read replica"). Needs `DATABASE_URL`: PGlite has no replica.
   */
  DATABASE_REPLICA_URL: z.string().startsWith('postgres').optional(),
  /**
   * The most the replica may lag the primary, in seconds, for dashboards, reports and exports
   * to read it: past it they read the primary until it is back under (measured at most once a
   * second per process; docs/deploy.md, "The read replica").
   */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().default(DEFAULT_REPLICA_MAX_LAG_SECONDS),
  /**
   * Runs embedded PGlite in a worker thread (its WebAssembly beside the server's thread) rather
   * than on the server's thread. The trade-off is measured in BENCHMARKS.md.
   */
  PGLITE_WORKER: boolean.default(true),
  REDIS_URL: z.string().optional(),
  /** Channel prefix on Redis, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().default('yardstick:collab:'),
  /** Signs nothing yet but reserved for cookies and links; random per start when unset. */
  SECRET: z.string().min(16).optional(),
  SEED_DEMO: boolean.default(true),
  SEED_PASSWORD: z.string().min(6).optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Largest request body in bytes (Hono has none by default). */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /**
   * Largest spreadsheet an import accepts (organisation and people imports), in bytes: a whole
   * committee's branch list with name paths runs past the general limit (6,280 branches ≈ 0.7 MB
   * with codes only, ≈ 1.5 MB with parent name paths).
   */
  IMPORT_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /**
   * Time limit of one form check at publish (`validateForm` in a worker thread), waiting for a
   * free worker included; past it: 503 `validationUnavailable`. The largest form allowed checks
   * in 1–3 s on one core, 3–4 s on a machine loaded many times over (RELIABILITY.md, "Large and
   * deep forms"): the limit stops a runaway check, not a slow machine.
   */
  FORM_VALIDATION_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Session lifetime in hours. */
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /**
   * How many reverse proxies (TLS terminators) stand in front of this server: `false`/`0` (the
   * default) trusts no `X-Forwarded-*` header; `true` is one proxy; a number is that many. Only
   * then do `X-Forwarded-For` name the client (sign-in limits) and `X-Forwarded-Proto: https`
   * mark the session cookie `Secure`.
   */
  TRUST_PROXY: z
    .union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)])
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : value))
    .default(0),
  /**
   * Failed sign-ins one client address may make on one account before that pair is locked out
   * for `SIGN_IN_LOCK_MINUTES` (a success clears the count; apps/server/src/auth/sign-in-limits.ts).
   */
  SIGN_IN_ATTEMPTS: z.coerce.number().int().positive().default(10),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /**
   * The CJK font the report PDF (通报) embeds: a TrueType/OpenType file or collection (.ttf, .otf,
   * .ttc). Default: Debian's fonts-wqy-microhei. Missing: the PDF answers 503 `reportFontMissing`.
   */
  REPORT_FONT: z.string().default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  /** The PostScript name of the face to use when `REPORT_FONT` is a collection (.ttc, .otc). */
  REPORT_FONT_FACE: z.string().optional(),
})

export type Config = z.output<typeof ConfigSchema> & { SECRET: string }

/**
 * Reads the configuration from an environment; throws a readable error naming each bad
 * variable.
 *
 * @example
 * const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  if (parsed.data.DATABASE_REPLICA_URL && !parsed.data.DATABASE_URL)
    throw new Error(
      'Invalid configuration:\n  DATABASE_REPLICA_URL: needs DATABASE_URL (a replica of PostgreSQL; PGlite has none)',
    )
  // A relative DATA_DIR is relative to where the user typed the command (`pnpm start` at the
  // root runs the server in apps/server; pnpm passes the original folder as INIT_CWD).
  const base = env.INIT_CWD ?? process.cwd()
  return {
    ...parsed.data,
    DATA_DIR: resolve(base, parsed.data.DATA_DIR),
    SECRET: parsed.data.SECRET ?? randomBytes(32).toString('hex'),
  }
}
