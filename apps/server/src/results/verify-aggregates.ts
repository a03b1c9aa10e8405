import type { AggregateCheck, AggregateDifference } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { type SQL, sql } from 'drizzle-orm'
import { ANSWER_GROUPS_SQL } from './form-questions'

// Enough to see what went wrong; `differenceCount` says how many in all.
const MAX_LISTED = 100

interface Comparison {
  table: AggregateDifference['table']
  keys: string[]
  values: string[]
  recomputed: SQL
}

// Each recomputation is written from the responses again, independently of the trigger's
// statement (the answers' grouping aside, which is shared with the recount at start), so a
// mistake in one shows as a difference instead of being repeated in both.
const comparisons = (campaignId: number): Comparison[] => [
  {
    table: 'unit_source_totals',
    keys: ['unit_id', 'source_key', 'form_version_id'],
    values: ['n', 'percent_micros', 'satisfied', 'answered', 'vetoes'],
    recomputed: sql`select unit_id, source_key, form_version_id, count(*)::int as n,
        sum(ys_micros(percent)) as percent_micros, sum(satisfied) as satisfied,
        sum(answered) as answered, (count(*) filter (where veto))::int as vetoes
      from responses where campaign_id = ${campaignId} group by 1, 2, 3`,
  },
  {
    table: 'unit_dimension_totals',
    keys: ['unit_id', 'source_key', 'form_version_id', 'dimension'],
    values: ['n', 'score_micros', 'max_score_micros'],
    recomputed: sql`select r.unit_id, r.source_key, r.form_version_id, d.key as dimension,
        count(*)::int as n, sum(ys_micros((d.value->>'score')::float8)) as score_micros,
        sum(ys_micros((d.value->>'maxScore')::float8)) as max_score_micros
      from responses r cross join lateral jsonb_each(
        case when jsonb_typeof(r.score->'dimensions') = 'object' then r.score->'dimensions' else '{}' end
      ) d
      where r.campaign_id = ${campaignId} group by 1, 2, 3, 4`,
  },
  {
    table: 'unit_answer_totals',
    keys: ['unit_id', 'source_key', 'form_version_id', 'question', 'value'],
    values: ['n', 'number_sum', 'number_count'],
    recomputed: sql`select unit_id, source_key, form_version_id, question, value, n,
        number_sum, number_count
      from (select ${ANSWER_GROUPS_SQL} and r.campaign_id = ${campaignId}
        group by 1, 2, 3, 4, 5, 6) g(campaign_id, unit_id, source_key, form_version_id, question,
        value, n, number_sum, number_count)`,
  },
]

/**
 * Recomputes a campaign's running aggregates from its responses — the `GROUP BY` over every
 * response that results used to run — and lists every group whose kept figures differ (exact
 * comparison: the sums are integers and decimals). An empty `differences` means results,
 * dimension and question figures read from the aggregates are those of the responses. Costs
 * O(responses): a check, run by the tests after load and chaos and by `verify-aggregates`.
 *
 * @example
 * const check = await verifyAggregates(db, 7)
 * check.differenceCount // 0
 */
export async function verifyAggregates(db: Db, campaignId: number): Promise<AggregateCheck> {
  const compared = {} as AggregateCheck['compared']
  const differences: AggregateDifference[] = []
  let differenceCount = 0
  for (const { table, keys, values, recomputed } of comparisons(campaignId)) {
    const using = sql.raw(keys.join(', '))
    const kept = sql.raw(values.map((v) => `k.${v}`).join(', '))
    const fresh = sql.raw(values.map((v) => `f.${v}`).join(', '))
    const keyJson = sql.raw(keys.map((k) => `'${k}', ${k}`).join(', '))
    const rows = await queryRows<{
      key: Record<string, unknown>
      expected: Record<string, unknown> | null
      actual: Record<string, unknown> | null
      differs: boolean
      total: number
      differing: number
    }>(
      db,
      sql`with f as (${recomputed}),
        k as (select * from ${sql.raw(table)} where campaign_id = ${campaignId}),
        j as (select jsonb_build_object(${keyJson}) as key,
            case when f is null then null else jsonb_build_object(${sql.raw(pairs('f', values))}) end as expected,
            case when k is null then null else jsonb_build_object(${sql.raw(pairs('k', values))}) end as actual,
            (f is null or k is null or (${fresh}) is distinct from (${kept})) as differs
          from f full join k using (${using}))
      select key, expected, actual, differs, count(*) over ()::int as total,
        (count(*) filter (where differs) over ())::int as differing
      from j order by differs desc limit ${MAX_LISTED}`,
    )
    compared[table] = rows[0]?.total ?? 0
    for (const row of rows) {
      if (!row.differs) break
      differences.push({ table, key: row.key, expected: row.expected, actual: row.actual })
    }
    differenceCount += rows[0]?.differing ?? 0
  }
  return { campaignId, compared, differences, differenceCount }
}

// `'n', f.n, 'percent_micros', f.percent_micros, …`: numerics as text, so JSON keeps every digit.
function pairs(alias: string, values: string[]): string {
  return values.map((v) => `'${v}', ${alias}.${v}::text`).join(', ')
}
