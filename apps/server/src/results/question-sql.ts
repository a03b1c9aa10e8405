import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { textList, unitScopeSql } from './scope-sql'

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

/** What to aggregate: a campaign's source, the units in scope, which questions. */
export interface AnswerQuery {
  campaignId: number
  sourceKey: string
  scope: number[] | 'all'
  /** Every question to count. */
  names: readonly string[]
  /** Only responses answered on this form version (a source with one per branch type). */
  formVersionId?: number
}

/**
 * Non-empty answers per question, read from the running aggregates (`unit_answer_totals`, kept
 * by the database as responses arrive): per whole answer for the form version's categorical
 * questions (a checkbox's list stays one group; its values are split in JavaScript), once per
 * question for the rest, with the exact sum of numeric answers. Bounded by units × questions ×
 * distinct answers, never by responses: free text is counted, not kept.
 *
 * @example
 * await loadAnswerGroups(db, { campaignId: 7, sourceKey: 'members', scope: 'all', names: ['study'] })
 * // [{ name: 'study', value: 'satisfied', n: 412, numberSum: null, numberCount: 0 }, …]
 */
export async function loadAnswerGroups(db: Db, query: AnswerQuery): Promise<AnswerGroup[]> {
  const names = textList(query.names)
  if (!names) return []
  return queryRows<AnswerGroup>(
    db,
    sql`select r.question as name, case when r.value = 'null'::jsonb then null else r.value end as value,
      sum(r.n)::int as n,
      case when sum(r.number_count) > 0 then sum(r.number_sum)::float8 end as "numberSum",
      sum(r.number_count)::int as "numberCount"
    from unit_answer_totals r
    where ${unitScopeSql(query.campaignId, query.scope)} and r.source_key = ${query.sourceKey}
      ${onVersionSql(query.formVersionId)} and r.question in ${names}
    group by r.question, r.value`,
  )
}

/**
 * How many responses of a campaign's source the units in scope have, from the running totals.
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
    sql`select coalesce(sum(r.n), 0)::int as n from unit_source_totals r
      where ${unitScopeSql(campaignId, scope)} and r.source_key = ${sourceKey}
        ${onVersionSql(formVersionId)}`,
  )
  return row?.n ?? 0
}

function onVersionSql(formVersionId: number | undefined) {
  return formVersionId === undefined ? sql`` : sql`and r.form_version_id = ${formVersionId}`
}
