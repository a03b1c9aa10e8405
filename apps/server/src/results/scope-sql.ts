import { type SQL, sql } from 'drizzle-orm'

/**
 * The SQL condition that keeps responses (aliased `r`) of a campaign's units in scope: every unit
 * of the campaign, or the given ids, passed as one `int[]` parameter however many there are.
 *
 * @example
 * sql`select count(*) from responses r where ${unitScopeSql(7, [17, 18])}`
 */
export function unitScopeSql(campaignId: number, scope: number[] | 'all'): SQL {
  if (scope === 'all') {
    return sql`r.campaign_id = ${campaignId} and r.unit_id in (select unit_id from campaign_units where campaign_id = ${campaignId})`
  }
  return sql`r.campaign_id = ${campaignId} and r.unit_id = any(${`{${scope.join(',')}}`}::int[])`
}

/**
 * `(a, b, c)` of text parameters, or undefined for an empty list (SQL has no `in ()`).
 *
 * @example
 * sql`a.key in ${textList(['study', 'service'])}`
 */
export function textList(values: readonly string[]): SQL | undefined {
  if (values.length === 0) return undefined
  return sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`
}
