import type { SQL } from 'drizzle-orm'
import type { Db } from './client'

/**
 * Runs raw SQL and returns its rows on either store: postgres-js answers with an array of rows,
 * PGlite with `{ rows }`. Cast counts to `int` in the SQL (postgres-js returns `bigint` as text).
 *
 * @example
 * const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs`)
 */
export async function queryRows<Row>(db: Pick<Db, 'execute'>, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown
  if (Array.isArray(result)) return result as Row[]
  return ((result as { rows?: Row[] }).rows ?? []) as Row[]
}
