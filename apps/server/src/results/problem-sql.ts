import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import { type SQL, sql } from 'drizzle-orm'
import type { ProblemQuestion } from './problem-questions'
import { unitScopeSql } from './scope-sql'

/** Responses of one source of a campaign, of the units in scope. */
export interface SourceScope {
  campaignId: number
  sourceKey: string
  scope: number[] | 'all'
}

/** A question and how many units it went wrong for. */
export interface QuestionUnits {
  name: string
  units: number
}

/**
 * Per question, how many units have a response whose stored score lists it as a problem (the
 * self-check's 否: `score->'problems'`, as `scoreResponse` found them). One row per question.
 *
 * @example
 * await countProblemUnits(db, { campaignId: 7, sourceKey: 'self', scope: 'all' })
 * // [{ name: 'partyDues', units: 812 }, …]
 */
export async function countProblemUnits(db: Db, query: SourceScope): Promise<QuestionUnits[]> {
  return queryRows<QuestionUnits>(
    db,
    sql`select p->>'question' as name, count(distinct r.unit_id)::int as units
    from responses r cross join lateral jsonb_array_elements(
      case when jsonb_typeof(r.score->'problems') = 'array' then r.score->'problems' else '[]' end
    ) p
    where ${unitScopeSql(query.campaignId, query.scope)} and r.source_key = ${query.sourceKey}
    group by 1`,
  )
}

// The text a JSON value is matched to a choice by: the SDK's `valueKey` (a string as itself,
// anything else as JSON), so `5` matches the choice keyed '5'.
const valueKeySql = (value: SQL) =>
  sql`case when jsonb_typeof(${value}) = 'string' then ${value} #>> '{}' else ${value}::text end`

/**
 * Per scored question, how many units have a response that lost points on it (earned less than
 * its maximum) or, for a deduction item, had points taken off — from the stored answers, with
 * the points per choice, maximum and cap of each question passed in as a `VALUES` list from the
 * SDK's compiled plan, so no response is loaded into JavaScript. Earned points follow the SDK's
 * `pointsOf`: a choice's score, a checkbox's distinct choices summed and capped, a number entry's
 * value. An unanswered question counts as 0 when it is always visible; one a `visibleIf` may hide
 * counts only when answered (stored answers hold only visible questions' answers).
 *
 * @example
 * await countLostPointUnits(db, { campaignId: 7, sourceKey: 'superior', scope: 'all' }, questions)
 * // [{ name: 'venue', units: 1530 }, …]
 */
export async function countLostPointUnits(
  db: Db,
  query: SourceScope,
  questions: readonly ProblemQuestion[],
): Promise<QuestionUnits[]> {
  const scored = questions.filter((q) => q.measure !== 'problem')
  if (scored.length === 0) return []
  const rows = sql.join(
    scored.map(
      (q) =>
        sql`(${q.formVersionId}::int, ${q.key}::text, ${q.name}::text, ${q.measure}::text,
          ${q.mode}::text, ${q.maximum}::float8, ${q.cap}::float8, ${JSON.stringify(q.choices)}::jsonb,
          ${q.conditional}::boolean)`,
    ),
    sql`, `,
  )
  const answer = sql`v.a`
  const element = sql`e.value`
  return queryRows<QuestionUnits>(
    db,
    sql`with q(version, key, name, measure, mode, maximum, cap, choices, conditional) as (
      values ${rows}
    )
    select q.name, count(distinct r.unit_id)::int as units
    from responses r
    join q on q.version = r.form_version_id
    cross join lateral (select r.answers -> q.key as a) v
    cross join lateral (select case q.mode
        when 'number' then case when jsonb_typeof(${answer}) = 'number' then (${answer})::float8 else 0 end
        when 'single' then coalesce((q.choices ->> ${valueKeySql(answer)})::float8, 0)
        else least(coalesce(q.cap, 'infinity'::float8), coalesce((
          select sum((q.choices ->> k.key)::float8) from (
            select distinct ${valueKeySql(element)} as key from jsonb_array_elements(
              case when jsonb_typeof(${answer}) = 'array' then ${answer} else jsonb_build_array(${answer}) end
            ) e
          ) k), 0))
      end as earned) p
    where ${unitScopeSql(query.campaignId, query.scope)} and r.source_key = ${query.sourceKey}
      and (coalesce(jsonb_typeof(${answer}), 'null') <> 'null' or not q.conditional)
      and case when q.measure = 'deducted' then p.earned > 0 else p.earned < q.maximum end
    group by q.name`,
  )
}

/**
 * How many units in scope have a response of the source (from the running totals).
 *
 * @example
 * await countUnitsWithResponses(db, { campaignId: 7, sourceKey: 'self', scope: 'all' }) // 6280
 */
export async function countUnitsWithResponses(db: Db, query: SourceScope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct r.unit_id)::int as n from unit_source_totals r
      where ${unitScopeSql(query.campaignId, query.scope)} and r.source_key = ${query.sourceKey}`,
  )
  return row?.n ?? 0
}
