import type { Db } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { textList, unitScopeSql } from './scope-sql'
import { queryRows } from './sql-rows'

/** One group of answers: a question, the whole answer for categorical questions, how many. */
export interface AnswerGroup {
  name: string
  /** The answer (a value or a list of values) for categorical questions; null for others. */
  value: unknown
  n: number
  /** Sum and count of the answers that are JSON numbers (for means). */
  numberSum: number | null
  numberCount: number
}

/** What to aggregate: a campaign's source, the units in scope, which questions and how. */
export interface AnswerQuery {
  campaignId: number
  sourceKey: string
  scope: number[] | 'all'
  /** Every question to count. */
  names: readonly string[]
  /** The questions grouped by answer value (choices, booleans, ratings); never free text. */
  categorical: readonly string[]
  /** Only responses answered on this form version (a source with one per branch type). */
  formVersionId?: number
}

/**
 * Counts non-empty answers per question in SQL (`jsonb_each` over `answers`): per whole answer for
 * categorical questions (a checkbox's list stays one group; its values are split in JavaScript),
 * and once per question for the rest, with the sum of numeric answers. Bounded by questions ×
 * distinct answers, never by responses: free text is counted, not fetched.
 *
 * @example
 * await loadAnswerGroups(db, { campaignId: 7, sourceKey: 'members', scope: 'all', names: ['study'], categorical: ['study'] })
 * // [{ name: 'study', value: 'satisfied', n: 412, numberSum: null, numberCount: 0 }, …]
 */
export async function loadAnswerGroups(db: Db, query: AnswerQuery): Promise<AnswerGroup[]> {
  const names = textList(query.names)
  if (!names) return []
  const categorical = textList(query.categorical)
  const groupValue = categorical
    ? sql`case when a.key in ${categorical} then a.value end`
    : sql`null::jsonb`
  return queryRows<AnswerGroup>(
    db,
    sql`select a.key as name, ${groupValue} as value, count(*)::int as n,
      sum(case when jsonb_typeof(a.value) = 'number' then (a.value)::float8 end) as "numberSum",
      count(*) filter (where jsonb_typeof(a.value) = 'number')::int as "numberCount"
    from responses r cross join lateral jsonb_each(r.answers) a
    where ${unitScopeSql(query.campaignId, query.scope)} and r.source_key = ${query.sourceKey}
      ${onVersionSql(query.formVersionId)} and a.key in ${names}
      and a.value not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
    group by 1, 2`,
  )
}

/**
 * How many responses of a campaign's source the units in scope have.
 *
 * @example
 * await countResponses(db, 7, 'members', 'all') // 188400
 */
export async function countResponses(
  db: Db,
  campaignId: number,
  sourceKey: string,
  scope: number[] | 'all',
  formVersionId?: number,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from responses r
      where ${unitScopeSql(campaignId, scope)} and r.source_key = ${sourceKey}
        ${onVersionSql(formVersionId)}`,
  )
  return row?.n ?? 0
}

function onVersionSql(formVersionId: number | undefined) {
  return formVersionId === undefined ? sql`` : sql`and r.form_version_id = ${formVersionId}`
}
