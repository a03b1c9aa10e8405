import type { Db } from '@yardstick/db'
import { queryRows } from '@yardstick/db'
import type { Answers } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { unitScopeSql } from '../results/scope-sql'

/** One stored response as the raw export reads it. */
export interface ExportedResponse {
  id: number
  unitId: number
  /** The form version it answered (a source may have one per branch type). */
  formVersionId: number
  createdAt: Date | string
  percent: number
  veto: boolean
  answers: Answers
  respondent: string | null
}

/** Which responses to read: a campaign's source, the units in scope, the batch size. */
export interface ResponsesQuery {
  campaignId: number
  sourceKey: string
  scope: number[] | 'all'
  /** Rows per query (default 1,000). */
  batchSize?: number
  /** Leave the respondent out (anonymous sources): it is not even read. */
  anonymous: boolean
}

/**
 * Reads a campaign source's responses in id order, one batch per query (keyset pagination on
 * `id`, no offset), so an export of 200,000 responses holds one batch in memory at a time.
 *
 * @example
 * for await (const batch of readResponses(db, { campaignId: 7, sourceKey: 'members', scope: 'all', anonymous: true }))
 *   write(batch)
 */
export async function* readResponses(
  db: Db,
  { campaignId, sourceKey, scope, batchSize = 1000, anonymous }: ResponsesQuery,
): AsyncGenerator<ExportedResponse[]> {
  if (scope !== 'all' && scope.length === 0) return
  const respondent = anonymous
    ? sql`null::text`
    : sql`(select u.name from users u where u.id = r.respondent_id)`
  let after = 0
  for (;;) {
    const rows = await queryRows<ExportedResponse>(
      db,
      sql`select r.id::float8 as id, r.unit_id as "unitId",
        r.form_version_id as "formVersionId", r.created_at as "createdAt",
        r.percent, r.veto, r.answers, ${respondent} as respondent
      from responses r
      where ${unitScopeSql(campaignId, scope)} and r.source_key = ${sourceKey} and r.id > ${after}
      order by r.id limit ${batchSize}`,
    )
    if (rows.length === 0) return
    yield rows
    after = (rows[rows.length - 1] as ExportedResponse).id
    if (rows.length < batchSize) return
  }
}
