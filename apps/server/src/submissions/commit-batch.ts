import { type Db, queryRows, type SourceKey, schema } from '@yardstick/db'
import type { Answers, ScoreResult } from '@yardstick/sdk'
import { inArray, sql } from 'drizzle-orm'
import { replayRefusals } from './replay'

/** One validated, scored response waiting to be stored. */
export interface SubmissionItem {
  /** `<slug>:<Idempotency-Key>`: unique per link. */
  idempotencyKey: string
  campaignId: number
  unitId: number
  sourceKey: SourceKey
  formVersionId: number
  answers: Answers
  score: ScoreResult
  /** The signed-in respondent of a non-anonymous source, else null. */
  respondentId: number | null
  /** SHA-256 of the one-time token used, or null. Marks the token used; never stored on the row. */
  tokenHash: string | null
  /** What the key is bound to (`requestHash`): a replay must send the same. */
  requestHash: string
  /** The seed of the respondent's quiz draw, kept with the response; null without banks. */
  drawSeed: string | null
}

/** Why a response was refused by the store (each an `ErrorCode` of the API). */
export type SubmissionRefusal =
  | 'campaignNotOpen'
  | 'tokenUsed'
  | 'tokenInvalid'
  | 'idempotencyKeyReused'

/** What became of one submission: stored now, stored before (a retry), or refused. */
export type SubmissionResult =
  | { status: 'created'; id: number; score: ScoreResult }
  | { status: 'replayed'; id: number; score: ScoreResult }
  | { status: 'refused'; code: SubmissionRefusal }

/** Thrown when another writer stored one of the keys mid-transaction: retry to replay it. */
export class ConcurrentInsertError extends Error {
  override readonly name = 'ConcurrentInsertError'
}

type Row = {
  kind: 'stored' | 'open' | 'marked' | 'inserted' | 'lost'
  key: string | null
  id: unknown
  score: unknown
  /** A stored row's `request_hash`. */
  hash: string | null
}

/** The text of the error the batch statement raises when another writer stored one of its keys. */
const CONCURRENT = 'yardstick: idempotency key stored concurrently'

/*
 * The whole batch is ONE statement, run on its own (autocommit: it is its own transaction, and
 * the driver answers only after its commit), the items passed as one jsonb parameter. One
 * statement is one round trip to the database — or, for PGlite, to its worker thread — where
 * BEGIN, statement, COMMIT were three, each waiting for a busy event loop to send the next.
 *
 * Its parts all see one snapshot: `stored` finds retries; `open` the campaigns taking responses;
 * `fresh` the rest; `marked` uses their tokens (`used_at IS NULL`, and only a token of the
 * item's own link) and erases their quiz draw seed (the response keeps its own copy, so nothing
 * ties the token to the questions answered); `inserted` is the multi-row INSERT … ON CONFLICT
 * (campaign_id, idempotency_key) DO NOTHING of the fresh items without a token or whose token was
 * just marked. `responses` is partitioned by campaign: `stored` looks each key up in its item's
 * campaign, one index probe of one partition per item (a join the planner could turn into a scan
 * of every partition; `offset 0` keeps it a lookup per item).
 * The token keeps only the day it was used, so its use cannot be paired with a response by time.
 *
 * `lost` counts the fresh items that should have been inserted and were not: another process
 * committed their key after our snapshot. Then the statement fails on purpose — a runtime cast
 * of a text that is not a number, plain SQL's way to raise — so that it is rolled back whole
 * (tokens included) and the writer retries, replaying the stored row.
 */
const BATCH_SQL = (items: string) => sql`
with input as (
  select * from jsonb_to_recordset(${items}::jsonb) as x(
    key text, campaign_id int, unit_id int, source_key text, form_version_id int,
    answers jsonb, score jsonb, percent float8, satisfied int, answered int, veto boolean,
    respondent_id int, token_hash text, request_hash text, draw_seed text)
),
stored as (
  select s.* from input i cross join lateral (
    select r.idempotency_key as key, r.id, r.score, r.request_hash from responses r
    where r.campaign_id = i.campaign_id and r.idempotency_key = i.key offset 0) s
),
open as (
  select c.id from campaigns c
  where c.id in (select campaign_id from input)
    and c.status = 'open' and c.opens_at <= now() and c.closes_at >= now()
),
fresh as (
  select * from input
  where key not in (select key from stored) and campaign_id in (select id from open)
),
marked as (
  update respondent_tokens t set used_at = date_trunc('day', now()), draw_seed = null
  from fresh f
  where t.token_hash = any (array(select token_hash from fresh where token_hash is not null))
    and t.token_hash = f.token_hash and t.used_at is null and t.campaign_id = f.campaign_id
    and t.unit_id = f.unit_id and t.source_key = f.source_key
  returning t.token_hash
),
inserted as (
  insert into responses (campaign_id, unit_id, source_key, form_version_id, answers, score,
    percent, satisfied, answered, veto, idempotency_key, respondent_id, request_hash, draw_seed)
  select campaign_id, unit_id, source_key, form_version_id, answers, score,
    percent, satisfied, answered, veto, key, respondent_id, request_hash, draw_seed
  from fresh
  where token_hash is null or token_hash in (select token_hash from marked)
  on conflict (campaign_id, idempotency_key) do nothing
  returning id, idempotency_key
),
lost as (
  select count(*) as n from fresh
  where (token_hash is null or token_hash in (select token_hash from marked))
    and key not in (select idempotency_key from inserted)
)
select 'stored' as kind, key, id, score, request_hash as hash from stored
union all select 'open', null, id::bigint, null, null from open
union all select 'marked', token_hash, null, null, null from marked
union all select 'inserted', idempotency_key, id, null, null from inserted
union all select 'lost', null, (${sql.raw(`'${CONCURRENT}: '`)} || n)::bigint, null, null
  from lost where n > 0`

/**
 * Stores a batch of submissions as ONE statement, which is one transaction: replays keys already
 * stored where the retry is the same request (`replayRefusals`: else `idempotencyKeyReused` or
 * the token's refusal), refuses campaigns no longer open, marks one-time tokens used (`used_at IS NULL`
 * guards), and inserts the rest with one multi-row `INSERT … ON CONFLICT (campaign_id,
 * idempotency_key) DO NOTHING RETURNING`. Keys and tokens must be distinct within the batch
 * (the writer sees to it).
 * Results come in item order. Throws when the statement fails — `ConcurrentInsertError` when
 * another process stored one of the keys meanwhile —; nothing of it is then stored.
 *
 * @example
 * const [result] = await commitBatch(db, [item])
 */
export async function commitBatch(
  db: Pick<Db, 'execute' | 'select'>,
  items: readonly SubmissionItem[],
): Promise<SubmissionResult[]> {
  const input = JSON.stringify(
    items.map((item) => ({
      key: item.idempotencyKey,
      campaign_id: item.campaignId,
      unit_id: item.unitId,
      source_key: item.sourceKey,
      form_version_id: item.formVersionId,
      answers: item.answers,
      score: item.score,
      percent: item.score.percent,
      satisfied: item.score.satisfaction?.satisfied ?? 0,
      answered: item.score.satisfaction?.answered ?? 0,
      veto: item.score.veto,
      respondent_id: item.respondentId,
      token_hash: item.tokenHash,
      request_hash: item.requestHash,
      draw_seed: item.drawSeed,
    })),
  )
  let rows: Row[]
  try {
    rows = await queryRows<Row>(db, BATCH_SQL(input))
  } catch (error) {
    if (messagesOf(error).some((message) => message.includes(CONCURRENT))) {
      throw new ConcurrentInsertError('an idempotency key of the batch was stored concurrently')
    }
    throw error
  }
  const stored = new Map<string, Row>()
  const inserted = new Map<string, number>()
  const open = new Set<number>()
  const marked = new Set<string>()
  for (const row of rows) {
    if (row.kind === 'stored') stored.set(row.key as string, row)
    else if (row.kind === 'inserted') inserted.set(row.key as string, Number(row.id))
    else if (row.kind === 'open') open.add(Number(row.id))
    else marked.add(row.key as string)
  }
  const results: SubmissionResult[] = []
  const unmarked: Array<[number, SubmissionItem]> = []
  const replays: Array<[number, SubmissionItem, Row]> = []
  for (const [i, item] of items.entries()) {
    const replay = stored.get(item.idempotencyKey)
    const id = inserted.get(item.idempotencyKey)
    if (replay) replays.push([i, item, replay])
    else if (!open.has(item.campaignId)) results[i] = { status: 'refused', code: 'campaignNotOpen' }
    else if (item.tokenHash !== null && !marked.has(item.tokenHash)) unmarked.push([i, item])
    else if (id !== undefined) results[i] = { status: 'created', id, score: item.score }
    // `lost` makes the statement fail instead: this cannot be reached.
    else throw new Error(`commitBatch: no outcome for ${item.idempotencyKey}`)
  }
  if (unmarked.length > 0) await refuseTokens(db, unmarked, results)
  if (replays.length > 0) {
    const refusals = await replayRefusals(
      db,
      replays.map(([, item, row]) => ({ claim: item, storedHash: row.hash })),
    )
    for (const [n, [i, , row]] of replays.entries()) {
      const refused = refusals[n]
      results[i] = refused
        ? { status: 'refused', code: refused }
        : { status: 'replayed', id: Number(row.id), score: json(row.score) }
    }
  }
  return results
}

/** The messages of an error and its causes (drizzle wraps the driver's error). */
function messagesOf(error: unknown): string[] {
  const messages: string[] = []
  for (let e = error; e instanceof Error && messages.length < 5; e = e.cause) {
    messages.push(e.message)
  }
  return messages
}

/** Tells a used token of the item's own link (409) from an unknown or foreign one (401). */
async function refuseTokens(
  db: Pick<Db, 'select'>,
  unmarked: Array<[number, SubmissionItem]>,
  results: SubmissionResult[],
): Promise<void> {
  const { respondentTokens: tokens } = schema
  const known = await db
    .select({
      hash: tokens.tokenHash,
      campaignId: tokens.campaignId,
      unitId: tokens.unitId,
      sourceKey: tokens.sourceKey,
    })
    .from(tokens)
    .where(
      inArray(
        tokens.tokenHash,
        unmarked.map(([, item]) => item.tokenHash as string),
      ),
    )
  const byHash = new Map(known.map((row) => [row.hash, row]))
  for (const [i, item] of unmarked) {
    const row = byHash.get(item.tokenHash as string)
    const ours =
      row?.campaignId === item.campaignId &&
      row.unitId === item.unitId &&
      row.sourceKey === item.sourceKey
    results[i] = { status: 'refused', code: ours ? 'tokenUsed' : 'tokenInvalid' }
  }
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}
