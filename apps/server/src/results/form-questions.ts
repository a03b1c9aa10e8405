import { type Db, queryRows, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { countedQuestions } from './question-stats'

type Writer = Pick<Db, 'insert'>

/**
 * Lists a new form version's counted questions in `form_version_questions`, each marked whether
 * its answers are grouped by value: what the database's trigger reads to keep
 * `unit_answer_totals` as responses arrive. Call it in the transaction that inserts the version.
 *
 * @example
 * await recordFormQuestions(tx, created.id, content)
 */
export async function recordFormQuestions(
  db: Writer,
  formVersionId: number,
  json: FormJson,
): Promise<void> {
  const { questions, categorical } = countedQuestions(json)
  if (questions.length === 0) return
  const grouped = new Set(categorical)
  await db
    .insert(schema.formVersionQuestions)
    .values(
      questions.map((q) => ({ formVersionId, name: q.name, categorical: grouped.has(q.name) })),
    )
    .onConflictDoNothing()
}

/**
 * Lists the questions of form versions stored before `form_version_questions` existed and counts
 * their stored answers into `unit_answer_totals` — once, at start, after the migrations (the
 * migration itself cannot compile a form). Each version is done in one transaction that holds
 * `responses` against inserts (SHARE mode) while it counts, so no answer is counted twice or
 * missed. Answers how many versions it listed.
 *
 * @example
 * await countStoredAnswers(database.db) // 0 once every version is listed
 */
export async function countStoredAnswers(db: Db): Promise<number> {
  const unlisted = await queryRows<{ id: number; json: FormJson }>(
    db,
    sql`select v.id, v.json from form_versions v
      where not exists (select 1 from form_version_questions q where q.form_version_id = v.id)`,
  )
  let listed = 0
  for (const version of unlisted) {
    if (countedQuestions(version.json).questions.length === 0) continue
    await db.transaction(async (tx) => {
      await tx.execute(sql`lock table responses in share mode`)
      await recordFormQuestions(tx, version.id, version.json)
      await tx.execute(sql`delete from unit_answer_totals where form_version_id = ${version.id}`)
      await tx.execute(sql`insert into unit_answer_totals (campaign_id, unit_id, source_key,
          form_version_id, question, value, n, number_sum, number_count)
        select ${ANSWER_GROUPS_SQL} and r.form_version_id = ${version.id}
        group by 1, 2, 3, 4, 5, 6`)
    })
    listed++
  }
  return listed
}

/**
 * The answer groups of responses `r`, as the trigger counts them (`select` it, add conditions
 * after `where`, then `group by 1, 2, 3, 4, 5, 6`): the recount at start and the verifier share it.
 */
export const ANSWER_GROUPS_SQL = sql.raw(`r.campaign_id, r.unit_id, r.source_key, r.form_version_id,
    a.key, case when q.categorical then a.value else 'null'::jsonb end, count(*)::int,
    coalesce(sum((a.value #>> '{}')::numeric) filter (where jsonb_typeof(a.value) = 'number'), 0),
    (count(*) filter (where jsonb_typeof(a.value) = 'number'))::int
  from responses r cross join lateral jsonb_each(
    case when jsonb_typeof(r.answers) = 'object' then r.answers else '{}' end
  ) a
  join form_version_questions q on q.form_version_id = r.form_version_id and q.name = a.key
  where a.value not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)`)
