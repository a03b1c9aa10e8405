import type { Db } from '@yardstick/db'
import { schema } from '@yardstick/db'
import {
  type Answers,
  type Locale,
  type ScoreResult,
  scoreResponse,
  validateResponse,
  visibleAnswers,
} from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { hashRespondentToken, normalizeToken } from '../campaigns/secrets'
import { AppError } from '../http/errors'
import { submissionWriter } from './group-commit'
import { acceptsResponses, type LinkContext, linkContexts } from './link-context'
import { resolveRespondent } from './respondent'

/** What a respondent sends to a link, with the request's headers that matter. */
export interface SubmitRequest {
  slug: string
  /** The `Idempotency-Key` header. */
  key: string
  answers: Answers
  token?: string
  sessionToken?: string
  locale: Locale
}

/** A stored response: 201 when this request stored it, 200 when it replays an earlier one. */
export interface SubmitOutcome {
  status: 201 | 200
  id: number
  score: ScoreResult
}

/**
 * Accepts one response through a link: checks who may answer, that the campaign is open, that
 * the answers fit the exact form version (and the respondent's quiz draw), scores them with the
 * SDK, and stores them through the group-commit writer. Throws `AppError` for every refusal.
 *
 * @example
 * const { status, id, score } = await submitResponse(db, { slug, key, answers, locale: 'zh-CN' })
 */
export async function submitResponse(db: Db, request: SubmitRequest): Promise<SubmitOutcome> {
  const context = await linkContexts(db).get(request.slug)
  if (!context) throw new AppError('notFound', `No respondent link ${request.slug}`)
  if (context.source.key === 'self') {
    const workflow = `/api/campaigns/${context.campaign.id}/self-checks/${context.unit.id}`
    throw new AppError(
      'conflict',
      'A self-check is not submitted through a link: fill it in the self-check workflow ' +
        `(草稿 → 支委会审议 → 通报 → 上报) at ${workflow}, whose last step submits it`,
      { workflow },
    )
  }
  const token = request.token === undefined ? undefined : normalizeToken(request.token)
  const { user, seed } = await resolveRespondent(db, context, {
    token,
    sessionToken: request.sessionToken,
  })
  const idempotencyKey = `${request.slug}:${request.key}`
  if (!acceptsResponses(context.campaign)) return replayOrRefuse(db, context, idempotencyKey)

  // What SurveyJS itself submits: answers to questions hidden by visibleIf are dropped (to a
  // fixpoint), so the stored answers, the stored score and per-question results agree. Undrawn
  // quiz questions are not dropped here: answering one is an error the validator reports.
  const answers = visibleAnswers(context.form, request.answers)
  const validation = validateResponse(context.form, answers, { seed, locale: request.locale })
  if (!validation.valid) {
    const where = validation.errors.map((e) => `${e.question}: ${e.message}`).join('; ')
    throw new AppError('invalidAnswers', `The answers are not valid: ${where}`, {
      errors: validation.errors,
    })
  }
  const score = scoreResponse(context.form, answers, { seed, locale: request.locale })
  const result = await submissionWriter(db).submit({
    idempotencyKey,
    campaignId: context.campaign.id,
    unitId: context.unit.id,
    sourceKey: context.source.key,
    formVersionId: context.source.formVersionId,
    answers,
    score,
    respondentId: context.source.anonymous ? null : (user?.id ?? null),
    tokenHash: token === undefined ? null : hashRespondentToken(token),
  })
  switch (result.status) {
    case 'created':
      return { status: 201, id: result.id, score: result.score }
    case 'replayed':
      return { status: 200, id: result.id, score: result.score }
    case 'refused':
      throw refusal(result.code, context)
  }
}

/** A closed campaign still answers a retry of a response it stored while open. */
async function replayOrRefuse(
  db: Db,
  context: LinkContext,
  idempotencyKey: string,
): Promise<SubmitOutcome> {
  const [row] = await db
    .select({ id: schema.responses.id, score: schema.responses.score })
    .from(schema.responses)
    .where(
      and(
        eq(schema.responses.idempotencyKey, idempotencyKey),
        eq(schema.responses.campaignId, context.campaign.id),
      ),
    )
  if (row) return { status: 200, id: row.id, score: row.score as ScoreResult }
  throw refusal('campaignNotOpen', context)
}

function refusal(code: 'campaignNotOpen' | 'tokenUsed' | 'tokenInvalid', context: LinkContext) {
  const { campaign } = context
  switch (code) {
    case 'campaignNotOpen':
      return new AppError(
        'campaignNotOpen',
        `The campaign ${campaign.name} is not taking responses`,
        {
          status: campaign.status,
          opensAt: campaign.opensAt.toISOString(),
          closesAt: campaign.closesAt.toISOString(),
        },
      )
    case 'tokenUsed':
      return new AppError('tokenUsed', 'This token has already been used to answer')
    case 'tokenInvalid':
      return new AppError('tokenInvalid', 'This token is not a token of this link')
  }
}
