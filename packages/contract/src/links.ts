import { z } from '@hono/zod-openapi'
import { CAMPAIGN_STATUSES } from '@yardstick/db/enums'
import { SourceKeySchema, SourceRespondentSchema } from './source-key'

// The SDK's link client (packages/sdk/src/link/types.ts) stays zod-free, since it is published and
// in the embed; `link-types.test.ts` proves its types and these are mutually assignable.

/** `:slug` of a respondent link. */
export const SlugParamsSchema = z.object({
  slug: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'slug', in: 'path' } }),
})

/** `GET /api/links/:slug?token=`: a one-time token personalises a quiz. */
export const LinkQuerySchema = z.object({ token: z.string().max(64).optional() })

/** A timed link's countdown for one respondent. */
export const LinkTimeLimitSchema = z
  .object({
    minutes: z.number().openapi({ description: 'The campaign’s `timeLimitMinutes`' }),
    graceSeconds: z.number().openapi({
      description: 'Answers are still accepted this long after endsAt (network delays)',
    }),
    startedAt: z.string().nullable().openapi({ description: 'Null until POST …/attempts' }),
    endsAt: z
      .string()
      .nullable()
      .openapi({ description: 'startedAt + minutes; null until started' }),
    serverTime: z.string().openapi({ description: 'The server’s clock, to count down on' }),
    questionCount: z.number().openapi({ description: 'Quiz questions this respondent answers' }),
  })
  .openapi('LinkTimeLimit')

/** What `GET /api/links/:slug` answers: the form one respondent sees and what the link needs. */
export const LinkViewSchema = z
  .object({
    campaign: z.object({
      id: z.number(),
      name: z.string(),
      status: z.enum(CAMPAIGN_STATUSES),
      opensAt: z.string(),
      closesAt: z.string(),
      accepting: z.boolean().openapi({ description: 'Open and within [opensAt, closesAt]' }),
    }),
    unit: z.object({ id: z.number(), name: z.string() }),
    source: SourceKeySchema,
    answeredBy: SourceRespondentSchema,
    anonymous: z.boolean(),
    needsToken: z.boolean().openapi({ description: 'Submitting needs a one-time token' }),
    needsSignIn: z
      .boolean()
      .openapi({ description: 'Submitting needs a signed-in assessor or panel member' }),
    showScore: z.boolean().openapi({
      description:
        'The respondent is shown their score after submitting: the campaign’s `showScore` ' +
        '(the submission answers the score, and a quiz’s correct answers, only then)',
    }),
    signedIn: z.boolean().openapi({
      description:
        'The request carries a valid session (read on links that are not anonymous; always ' +
        'false on an anonymous link). An assessor’s page offers sign-in when false',
    }),
    timeLimit: LinkTimeLimitSchema.nullable().openapi({
      description: 'A timed quiz’s countdown for this respondent; null when the link is not timed',
    }),
    form: z.record(z.string(), z.unknown()).openapi({
      description:
        'The form version JSON, with only the drawn questions of each bank and without what ' +
        'only scoring reads (a quiz’s answer key and points, which choices count as satisfied, ' +
        'the dimensions, the bonus cap). A timed quiz not yet started has no pages',
    }),
  })
  .openapi('LinkView')

/** The `Idempotency-Key` header every submission carries. */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string({ error: 'The Idempotency-Key header is required' })
    .min(1, 'The Idempotency-Key header is required')
    .max(200, 'The Idempotency-Key header is at most 200 characters'),
})

/** `POST /api/links/:slug/responses`: the answers, and a one-time token where the link needs one. */
export const SubmitBodySchema = z.object({
  answers: z.record(z.string(), z.unknown()),
  token: z.string().max(64).optional(),
})

/** `POST /api/links/:slug/attempts`: starts a timed quiz's countdown. */
export const AttemptBodySchema = z.object({ token: z.string().max(64).optional() })

/** A response's score, as the SDK's `scoreResponse` gives it (more fields pass through). */
export const ScoreSchema = z
  .object({ score: z.number(), maxScore: z.number(), percent: z.number(), veto: z.boolean() })
  .passthrough()
  .openapi('ScoreResult')

/** One quiz question's correct answer, as the SDK's `quizReview` gives it. */
export const QuizReviewItemSchema = z.object({
  question: z.string(),
  correctAnswer: z.unknown(),
  correct: z.boolean(),
  points: z.number(),
})

export const QuizReviewSchema = z.array(QuizReviewItemSchema).openapi('QuizReview', {
  description: 'The correct answer of each quiz question the respondent was shown',
})

/** What a submission answers: the response id, and the score and review where `showScore`. */
export const StoredResponseSchema = z.object({
  id: z.number(),
  score: ScoreSchema.optional().openapi({ description: 'Only where the campaign’s showScore' }),
  review: QuizReviewSchema.optional().openapi({
    description: 'A quiz’s correct answers, only where the campaign’s showScore',
  }),
})

export type LinkTimeLimit = z.infer<typeof LinkTimeLimitSchema>
export type LinkView = z.infer<typeof LinkViewSchema>
export type SubmitBody = z.input<typeof SubmitBodySchema>
export type AttemptBody = z.input<typeof AttemptBodySchema>
export type QuizReviewItem = z.infer<typeof QuizReviewItemSchema>
export type StoredResponse = z.infer<typeof StoredResponseSchema>
