import type { Db } from '@yardstick/db'
import { schema } from '@yardstick/db'
import {
  type Answers,
  type Locale,
  normalizeToken,
  type QuizReviewItem,
  quizReview,
  RESPONSE_ERROR_CODES,
  type ScoreResult,
  scoreResponse,
  validateResponse,
  visibleAnswers,
} from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { hashRespondentToken } from '../campaigns/secrets'
import { AppError } from '../http/errors'
import { attemptKey, isTimed, timeLimitRefusal } from './attempts'
import type { SubmissionItem, SubmissionRefusal } from './commit-batch'
import { submissionWriter } from './group-commit'
import { acceptsResponses, answeredSignedIn, type LinkContext, linkContexts } from './link-context'
import { assertNotRatedYet, commitPanelRating, type RatingTarget } from './panel-rating'
import { type ReplayClaim, replayRefusals, requestHash } from './replay'
import { type Respondent, resolveRespondent } from './respondent'

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

/**
 * A stored response: 201 when this request stored it, 200 when it replays an earlier one; with
 * what the respondent is told of it.
 */
export interface SubmitOutcome {
  status: 201 | 200
  id: number
  /** The score, where the campaign shows respondents theirs (`showScore`); else null. */
  score: ScoreResult | null
  /** A quiz's correct answers for the questions drawn, where `showScore` allows; else null. */
  review: QuizReviewItem[] | null
}

/** A response as stored, before what the respondent is told of it is chosen. */
interface Stored {
  status: 201 | 200
  id: number
  score: ScoreResult
  /** The answers stored, when known without reading them back. */
  answers?: Answers
  /** The seed of the stored response's quiz draw, when read back with it. */
  drawSeed?: string | null
}

/**
 * Accepts one response through a link: checks who may answer, that the campaign is open, that
 * a timed quiz was started and is in time (its end plus `TIME_LIMIT_GRACE_SECONDS`), that the
 * answers fit the exact form version (and the respondent's quiz draw), scores them with the
 * SDK, and stores them through the group-commit writer. Throws `AppError` for every refusal; a
 * retry of a response stored in time is replayed even once the campaign closed or the time ran
 * out. The score (and a quiz's correct answers) go back only where the campaign shows them.
 *
 * @example
 * const { status, id, score } = await submitResponse(db, { slug, key, answers, locale: 'zh-CN' })
 */
export async function submitResponse(db: Db, request: SubmitRequest): Promise<SubmitOutcome> {
  const context = await linkContexts(db).get(request.slug)
  if (!context) throw new AppError('notFound', `No respondent link ${request.slug}`)
  if (context.source.answeredBy === 'selfCheck') {
    const workflow = `/api/campaigns/${context.campaign.id}/self-checks/${context.unit.id}`
    throw new AppError(
      'conflict',
      'A self-check is not submitted through a link: fill it in the self-check workflow ' +
        `(草稿 → 支委会审议 → 通报 → 上报) at ${workflow}, whose last step submits it`,
      { workflow },
    )
  }
  const token = request.token === undefined ? undefined : normalizeToken(request.token)
  const tokenHash = token === undefined ? null : hashRespondentToken(token)
  const idempotencyKey = `${request.slug}:${request.key}`
  const claimOf = (user: Respondent['user']): ReplayClaim => ({
    requestHash: requestHash(request.answers, context.source.anonymous ? null : (user?.id ?? null)),
    tokenHash,
    campaignId: context.campaign.id,
    unitId: context.unit.id,
    sourceKey: context.source.key,
  })
  let respondent: Respondent
  try {
    respondent = await resolveRespondent(db, context, {
      token,
      sessionToken: request.sessionToken,
    })
  } catch (error) {
    // A used token draws no more questions, but may retry the response it stored.
    if (!(error instanceof AppError && TOKEN_REFUSALS.has(error.code))) throw error
    const claim = claimOf(null)
    const stored = await replayOrRefuse(db, context, idempotencyKey, claim, error)
    return toldOf(db, context, stored, undefined)
  }
  const { user, seed } = respondent
  const claim = claimOf(user)
  const rating = ratingTarget(context)
  // Refused early, before validating; checked again under a lock as it is stored.
  if (context.source.answeredBy === 'panel' && user) {
    await assertNotRatedYet(db, rating, user.id, idempotencyKey)
  }
  const told = (stored: Stored) => toldOf(db, context, stored, seed)
  if (!acceptsResponses(context.campaign)) {
    return told(
      await replayOrRefuse(db, context, idempotencyKey, claim, refusal('campaignNotOpen', context)),
    )
  }
  const timed = isTimed(context)
  if (timed) {
    const late = await timeLimitRefusal(db, context, attemptKey(token, user))
    if (late) return told(await replayOrRefuse(db, context, idempotencyKey, claim, late))
  }

  // What SurveyJS itself submits: answers to questions hidden by visibleIf are dropped (to a
  // fixpoint), so the stored answers, the stored score and per-question results agree. Undrawn
  // quiz questions are not dropped here: answering one is an error the validator reports.
  const answers = visibleAnswers(context.form, request.answers)
  const validation = validateResponse(context.form, answers, {
    seed,
    locale: request.locale,
    // An assessor gives the reason for each deduction and veto, stored with the answers.
    requireReasons: answeredSignedIn(context.source.answeredBy),
  })
  // A timed quiz is submitted as it stands when the countdown ends: an unanswered question
  // scores 0 rather than refusing the answers the respondent did give.
  const errors = timed
    ? validation.errors.filter((e) => e.code !== RESPONSE_ERROR_CODES.required)
    : validation.errors
  if (errors.length > 0) {
    const where = errors.map((e) => `${e.question}: ${e.message}`).join('; ')
    throw new AppError('invalidAnswers', `The answers are not valid: ${where}`, { errors })
  }
  const score = scoreResponse(context.form, answers, { seed, locale: request.locale })
  const item: SubmissionItem = {
    idempotencyKey,
    campaignId: context.campaign.id,
    unitId: context.unit.id,
    sourceKey: context.source.key,
    formVersionId: context.source.formVersionId,
    answers,
    score,
    respondentId: context.source.anonymous ? null : (user?.id ?? null),
    tokenHash,
    requestHash: claim.requestHash,
    drawSeed: seed ?? null,
  }
  const respondentId = item.respondentId
  const result =
    context.source.answeredBy === 'panel' && respondentId !== null
      ? await commitPanelRating(db, { ...item, respondentId }, rating)
      : await submissionWriter(db).submit(item)
  switch (result.status) {
    case 'created':
      return told({ status: 201, id: result.id, score: result.score, answers })
    case 'replayed':
      // The first submission's answers, which a retry with the same key may not repeat.
      return told({ status: 200, id: result.id, score: result.score })
    case 'refused':
      throw refusal(result.code, context)
  }
}

/**
 * What the respondent is told of a stored response: its score and a quiz's correct answers
 * where the campaign shows respondents their score, else only its id.
 */
async function toldOf(
  db: Db,
  context: LinkContext,
  stored: Stored,
  seed: string | undefined,
): Promise<SubmitOutcome> {
  const { status, id, score } = stored
  if (!context.campaign.showScore) return { status, id, score: null, review: null }
  if (score.quiz === undefined) return { status, id, score, review: null }
  const answers = stored.answers ?? (await storedAnswers(db, context.campaign.id, id))
  const drawSeed = stored.drawSeed === undefined ? seed : (stored.drawSeed ?? undefined)
  return { status, id, score, review: quizReview(context.form, answers, { seed: drawSeed }) }
}

function ratingTarget({ campaign, unit, source }: LinkContext): RatingTarget {
  return { campaignId: campaign.id, unit, sourceKey: source.key }
}

/** The refusals of a token that a retry of the response it stored gets past. */
const TOKEN_REFUSALS = new Set(['tokenUsed', 'tokenInvalid'])

/** By (campaign, id), the key of the partitioned table: one partition read, not all. */
async function storedAnswers(db: Db, campaignId: number, id: number): Promise<Answers> {
  const [row] = await db
    .select({ answers: schema.responses.answers })
    .from(schema.responses)
    .where(and(eq(schema.responses.campaignId, campaignId), eq(schema.responses.id, id)))
  return (row?.answers ?? {}) as Answers
}

/**
 * A retry of a response stored while it could be (the campaign open, the quiz in time) is
 * answered with that response, where it is the same request (`replayRefusals`: else 422
 * `idempotencyKeyReused`, or the token's refusal); anything else gets `refused`.
 */
async function replayOrRefuse(
  db: Db,
  context: LinkContext,
  idempotencyKey: string,
  claim: ReplayClaim,
  refused: AppError,
): Promise<Stored> {
  const [row] = await db
    .select({
      id: schema.responses.id,
      score: schema.responses.score,
      answers: schema.responses.answers,
      requestHash: schema.responses.requestHash,
      drawSeed: schema.responses.drawSeed,
    })
    .from(schema.responses)
    .where(
      and(
        eq(schema.responses.idempotencyKey, idempotencyKey),
        eq(schema.responses.campaignId, context.campaign.id),
      ),
    )
  if (!row) throw refused
  const [replayRefused] = await replayRefusals(db, [{ claim, storedHash: row.requestHash }])
  if (replayRefused) throw refusal(replayRefused, context)
  return {
    status: 200,
    id: row.id,
    score: row.score as ScoreResult,
    answers: row.answers as Answers,
    drawSeed: row.drawSeed,
  }
}

/**
 * The refusal of a submission or an attempt for a closed campaign, a used or a foreign token,
 * with what the respondent's page needs to explain it (`campaignNotOpen`: status and window).
 *
 * @example
 * throw refusal('campaignNotOpen', context)
 */
export function refusal(code: SubmissionRefusal, context: LinkContext): AppError {
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
    case 'idempotencyKeyReused':
      return new AppError(
        'idempotencyKeyReused',
        'This Idempotency-Key was used with another request (other answers, respondent or ' +
          'token): send a new key for a new response',
      )
  }
}
