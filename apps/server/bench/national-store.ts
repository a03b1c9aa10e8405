import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { verifyAggregates } from '../src/results/verify-aggregates'

/** What the database holds after the run: rows, sizes in bytes, and timed recomputations. */
export interface StoreFigures {
  responses: number
  sizes: Array<[string, number]>
  timings: Array<[string, number]>
  /** `verifyAggregates` called in this process: its differences (0 when equal). */
  differenceCount: number
}

// The tables measured, each with its partitions (pg_partition_tree lists none for a plain table)
// and indexes; those not (yet) there are left out.
const TABLES = [
  'responses',
  'unit_source_totals',
  'unit_dimension_totals',
  'unit_answer_totals',
  'links',
  'campaign_units',
  'orgs',
]

// The results path before running aggregates (issue 17): every response of the campaign read and
// grouped per (unit, source) — as `GET /results` did — and per dimension through `jsonb_each`, as
// `GET /results/dimensions` did. Timed as baselines beside the dashboard, like the results
// benchmark's plain `GROUP BY`.
const GROUP_BY: Array<[string, (campaignId: number) => ReturnType<typeof sql>]> = [
  [
    'baseline: `GROUP BY` over responses per (unit, source) — the results path before aggregates',
    (id) => sql`select unit_id, source_key, count(*)::int as n, sum(percent order by id) as p,
      sum(satisfied) as s, sum(answered) as a, bool_or(veto) as v
      from responses where campaign_id = ${id} group by unit_id, source_key`,
  ],
  [
    'baseline: `jsonb_each` + `GROUP BY` per (unit, source, dimension) — the dimensions path before',
    (
      id,
    ) => sql`select r.unit_id, r.source_key, d.key, sum((d.value->>'score')::float8 order by r.id),
      sum((d.value->>'maxScore')::float8 order by r.id)
      from responses r cross join lateral jsonb_each(r.score->'dimensions') d
      where r.campaign_id = ${id} group by r.unit_id, r.source_key, d.key`,
  ],
]

const int = (value: number) => Math.round(value).toLocaleString('en-US')

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/**
 * Counts the campaign's responses, times the `GROUP BY` recomputations (median of 3), and
 * measures the database and its main tables (`pg_total_relation_size` over each table's
 * partitions, indexes and TOAST included).
 *
 * @example
 * const store = await measureStore(db, campaignId)
 */
export async function measureStore(db: Db, campaignId: number): Promise<StoreFigures> {
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from responses where campaign_id = ${campaignId}`,
  )
  const timings: Array<[string, number]> = []
  for (const [what, query] of GROUP_BY) {
    const times: number[] = []
    for (let i = 0; i < 3; i++) times.push(await timed(() => queryRows(db, query(campaignId))))
    timings.push([`${what}, median of 3`, times.sort((a, b) => a - b)[1] ?? 0])
  }
  const started = performance.now()
  const check = await verifyAggregates(db, campaignId)
  timings.push([
    '`verifyAggregates(db, campaignId)` (the recomputation from responses, compared)',
    performance.now() - started,
  ])
  const [database] = await queryRows<{ bytes: number }>(
    db,
    sql`select pg_database_size(current_database())::float8 as bytes`,
  )
  const sizes: Array<[string, number]> = [
    ['**database** (`pg_database_size`)', database?.bytes ?? 0],
  ]
  for (const table of TABLES) {
    const [row] = await queryRows<{ bytes: number | null }>(
      db,
      sql`select coalesce(
          (select sum(pg_total_relation_size(relid)) from pg_partition_tree(t.r)),
          pg_total_relation_size(t.r))::float8 as bytes
        from (select to_regclass(${table}) as r) t where t.r is not null`,
    )
    if (row?.bytes == null) continue
    const [rows] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::float8 as n from ${sql.identifier(table)}`,
    )
    sizes.push([`table \`${table}\` (with indexes), ${int(rows?.n ?? 0)} rows`, row.bytes])
  }
  return { responses: count?.n ?? 0, sizes, timings, differenceCount: check.differenceCount }
}
