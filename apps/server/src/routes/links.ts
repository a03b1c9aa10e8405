import { createRoute, z } from '@hono/zod-openapi'
import type { Locale } from '@yardstick/sdk'
import { type AuthEnv, tokenOf } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses } from '../http/openapi'
import { TIME_LIMIT_GRACE_SECONDS } from '../submissions/attempts'
import { startLinkAttempt } from '../submissions/link-attempt'
import { linkCors } from '../submissions/link-cors'
import { viewLink } from '../submissions/link-view'
import { SCORING_ONLY_PROPERTIES } from '../submissions/respondent-form'
import { submitResponse } from '../submissions/submit'

const SlugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'slug', in: 'path' } }),
})

const TimeLimitSchema = z
  .object({
    minutes: z.number().openapi({ description: 'The campaign’s `timeLimitMinutes`' }),
    graceSeconds: z.number().openapi({
      description: `Answers are still accepted this long after endsAt (${TIME_LIMIT_GRACE_SECONDS} s)`,
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

function allScoringOnly(): string {
  return Object.values(SCORING_ONLY_PROPERTIES)
    .flat()
    .map((name) => `\`${name}\``)
    .join(', ')
}

const LinkViewSchema = z
  .object({
    campaign: z.object({
      id: z.number(),
      name: z.string(),
      status: z.enum(['draft', 'open', 'closed']),
      opensAt: z.string(),
      closesAt: z.string(),
      accepting: z.boolean().openapi({ description: 'Open and within [opensAt, closesAt]' }),
    }),
    unit: z.object({ id: z.number(), name: z.string() }),
    source: z.enum(['self', 'members', 'superior']),
    anonymous: z.boolean(),
    needsToken: z.boolean().openapi({ description: 'Submitting needs a one-time token' }),
    needsSignIn: z.boolean().openapi({ description: 'Submitting needs a signed-in assessor' }),
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
    timeLimit: TimeLimitSchema.nullable().openapi({
      description: 'A timed quiz’s countdown for this respondent; null when the link is not timed',
    }),
    form: z.record(z.string(), z.unknown()).openapi({
      description:
        'The form version JSON, with only the drawn questions of each bank and without what ' +
        `only scoring reads (${allScoringOnly()}). A timed quiz not yet started has no pages`,
    }),
  })
  .openapi('LinkView')

const viewRoute = createRoute({
  method: 'get',
  path: '/links/{slug}',
  tags: ['links'],
  summary: 'The form behind a respondent link · 答题链接对应的表单',
  description:
    'Public. A quiz is personalised by `token` (or the signed-in user of a non-anonymous ' +
    'source). Cross-origin only from the campaign’s `allowedOrigins`, which are also the only ' +
    'pages that may frame it (`Content-Security-Policy: frame-ancestors`).',
  request: {
    params: SlugParams,
    query: z.object({ token: z.string().max(64).optional() }),
  },
  responses: {
    200: { description: 'The link', content: { 'application/json': { schema: LinkViewSchema } } },
    ...errorResponses(401, 403, 404, 409),
  },
})

const ScoreSchema = z
  .object({ score: z.number(), maxScore: z.number(), percent: z.number(), veto: z.boolean() })
  .passthrough()
  .openapi('ScoreResult')
const ReviewSchema = z
  .array(
    z.object({
      question: z.string(),
      correctAnswer: z.unknown(),
      correct: z.boolean(),
      points: z.number(),
    }),
  )
  .openapi('QuizReview', {
    description: 'The correct answer of each quiz question the respondent was shown',
  })
const StoredSchema = z.object({
  id: z.number(),
  score: ScoreSchema.optional().openapi({ description: 'Only where the campaign’s showScore' }),
  review: ReviewSchema.optional().openapi({
    description: 'A quiz’s correct answers, only where the campaign’s showScore',
  }),
})

const submitRoute = createRoute({
  method: 'post',
  path: '/links/{slug}/responses',
  tags: ['links'],
  summary: 'Submit a response through a link · 通过链接提交答卷',
  description:
    'Validated against the exact form version, scored, and stored in one transaction (group ' +
    'commit). `Idempotency-Key` is required: a retry with the same key stores nothing new and ' +
    'answers 200 with the first result (and `Idempotent-Replayed: true`). The answer carries ' +
    'the score, and for a quiz the correct answers of the questions drawn, only where the ' +
    'campaign’s `showScore` allows (see `GET /links/{slug}`). A timed quiz (the campaign’s ' +
    '`timeLimitMinutes`, a quiz form) needs its countdown started (`POST /links/{slug}/attempts`; ' +
    'else 409 `attemptNotStarted`) and is refused after its end plus a grace of ' +
    `${TIME_LIMIT_GRACE_SECONDS} seconds (409 \`timeLimitExceeded\`, details \`endsAt\`, ` +
    '`graceSeconds`); its unanswered questions score 0 instead of being required, since the ' +
    'page submits the answers as they stand when the time is up. A retry of a response stored ' +
    'in time is replayed even after that.',
  request: {
    params: SlugParams,
    headers: z.object({
      'idempotency-key': z
        .string({ error: 'The Idempotency-Key header is required' })
        .min(1, 'The Idempotency-Key header is required')
        .max(200, 'The Idempotency-Key header is at most 200 characters'),
    }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            answers: z.record(z.string(), z.unknown()),
            token: z.string().max(64).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored and scored',
      content: { 'application/json': { schema: StoredSchema } },
    },
    200: {
      description: 'A retry: the first result, nothing stored',
      content: { 'application/json': { schema: StoredSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
})

const attemptRoute = createRoute({
  method: 'post',
  path: '/links/{slug}/attempts',
  tags: ['links'],
  summary: 'Start a timed quiz · 开始限时答题',
  description:
    'Starts the respondent’s countdown on a timed link (a quiz whose campaign sets ' +
    '`timeLimitMinutes`) and answers the view, now with the questions and ' +
    '`timeLimit.startedAt`/`endsAt`. Idempotent per respondent (the token, else the signed-in ' +
    'user): a second call keeps the first start. Needs a usable token of the link, or a ' +
    'signed-in respondent on a link that is not anonymous, and a campaign taking answers. ' +
    `Answers are accepted until endsAt plus ${TIME_LIMIT_GRACE_SECONDS} seconds. A link ` +
    'without a time limit answers 409 `conflict`.',
  request: {
    params: SlugParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z.object({ token: z.string().max(64).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Started (or already running): the view with the questions',
      content: { 'application/json': { schema: LinkViewSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const preflightRoute = createRoute({
  method: 'options',
  path: '/links/{slug}/responses',
  tags: ['links'],
  summary: 'CORS preflight for an embedding portal · 嵌入门户的跨域预检',
  request: { params: SlugParams },
  responses: { 204: { description: 'Allowed' }, ...errorResponses(403, 404) },
})

/** The first language of `Accept-Language` we speak; zh-CN by default. */
function localeOf(header: string | undefined): Locale {
  return header?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/** Public respondent links: `GET /api/links/:slug` and `POST /api/links/:slug/responses`. */
export function linksRoutes({ database }: AppDeps) {
  const { db } = database
  const router = createRouter<AuthEnv>()
  // Hono's `/links/:slug/*` also matches `/links/:slug` itself: one registration covers both.
  router.use('/links/:slug/*', linkCors(db))

  router.openapi(viewRoute, async (c) => {
    const { slug } = c.req.valid('param')
    const { token } = c.req.valid('query')
    return c.json(await viewLink(db, slug, { token, sessionToken: tokenOf(c) }), 200)
  })

  router.openapi(submitRoute, async (c) => {
    const { slug } = c.req.valid('param')
    const { answers, token } = c.req.valid('json')
    const outcome = await submitResponse(db, {
      slug,
      key: c.req.valid('header')['idempotency-key'],
      answers,
      token,
      sessionToken: tokenOf(c),
      locale: localeOf(c.req.header('accept-language')),
    })
    const body = {
      id: outcome.id,
      ...(outcome.score ? { score: outcome.score } : {}),
      ...(outcome.review ? { review: outcome.review } : {}),
    }
    if (outcome.status === 200) {
      c.header('idempotent-replayed', 'true')
      return c.json(body, 200)
    }
    return c.json(body, 201)
  })

  router.openapi(attemptRoute, async (c) => {
    const { slug } = c.req.valid('param')
    const { token } = c.req.valid('json') ?? {}
    return c.json(await startLinkAttempt(db, slug, { token, sessionToken: tokenOf(c) }), 200)
  })

  // Reached only without an Origin (linkCors answers real preflights itself).
  router.openapi(preflightRoute, (c) => c.body(null, 204))
  return router
}
