import { createRoute } from '@hono/zod-openapi'
import {
  AttemptBodySchema,
  IdempotencyHeadersSchema,
  LinkQuerySchema,
  LinkViewSchema,
  SlugParamsSchema,
  StoredResponseSchema,
  SubmitBodySchema,
} from '@yardstick/contract'
import type { Locale } from '@yardstick/sdk'
import { type AuthEnv, tokenOf } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses } from '../http/openapi'
import { TIME_LIMIT_GRACE_SECONDS } from '../submissions/attempts'
import { startLinkAttempt } from '../submissions/link-attempt'
import { linkCors } from '../submissions/link-cors'
import { viewLink } from '../submissions/link-view'
import { submitResponse } from '../submissions/submit'

// Public, though a session is read where a link is not anonymous: no credentials, or a bearer.
const SIGN_IN_OPTIONAL: Array<Record<string, string[]>> = [{}, { bearer: [] }]

const viewRoute = createRoute({
  method: 'get',
  path: '/links/{slug}',
  operationId: 'getLink',
  tags: ['links'],
  security: SIGN_IN_OPTIONAL,
  summary: 'The form behind a respondent link · 答题链接对应的表单',
  description:
    'Public. A quiz is personalised for `token` (by a random draw seed the server keeps with it, ' +
    'never derived from the token) or the signed-in user of a non-anonymous source. The form ' +
    'carries only what a respondent may see: no answer key, points, choice scores, dimensions ' +
    'or expressions over answers (an assessor’s scorecard keeps its points, deductions and ' +
    'vetoes). Cross-origin only from the campaign’s `allowedOrigins`, which are also the only ' +
    'pages that may frame it (`Content-Security-Policy: frame-ancestors`).',
  request: {
    params: SlugParamsSchema,
    query: LinkQuerySchema,
  },
  responses: {
    200: { description: 'The link', content: { 'application/json': { schema: LinkViewSchema } } },
    ...errorResponses(401, 403, 404, 409),
  },
})

const submitRoute = createRoute({
  method: 'post',
  path: '/links/{slug}/responses',
  operationId: 'submitResponse',
  tags: ['links'],
  security: SIGN_IN_OPTIONAL,
  summary: 'Submit a response through a link · 通过链接提交答卷',
  description:
    'Validated against the exact form version, scored, and stored in one transaction (group ' +
    'commit). `Idempotency-Key` is required and bound to the request (the answers, and the ' +
    'signed-in respondent where the link is not anonymous): the same request again stores ' +
    'nothing new and answers 200 with the first result (and `Idempotent-Replayed: true`); ' +
    'another request under the key answers 422 `idempotencyKeyReused` and changes nothing, as ' +
    'does a token of the link not used by it (an unknown token: 401 `tokenInvalid`). The answer carries ' +
    'the score, and for a quiz the correct answers of the questions drawn, only where the ' +
    'campaign’s `showScore` allows (see `GET /links/{slug}`). A timed quiz (the campaign’s ' +
    '`timeLimitMinutes`, a quiz form) needs its countdown started (`POST /links/{slug}/attempts`; ' +
    'else 409 `attemptNotStarted`) and is refused after its end plus a grace of ' +
    `${TIME_LIMIT_GRACE_SECONDS} seconds (409 \`timeLimitExceeded\`, details \`endsAt\`, ` +
    '`graceSeconds`); its unanswered questions score 0 instead of being required, since the ' +
    'page submits the answers as they stand when the time is up. A retry of a response stored ' +
    'in time is replayed even after that.',
  request: {
    params: SlugParamsSchema,
    headers: IdempotencyHeadersSchema,
    body: {
      content: {
        'application/json': {
          schema: SubmitBodySchema,
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored and scored',
      content: { 'application/json': { schema: StoredResponseSchema } },
    },
    200: {
      description: 'A retry: the first result, nothing stored',
      content: { 'application/json': { schema: StoredResponseSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
})

const attemptRoute = createRoute({
  method: 'post',
  path: '/links/{slug}/attempts',
  operationId: 'startAttempt',
  tags: ['links'],
  security: SIGN_IN_OPTIONAL,
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
    params: SlugParamsSchema,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: AttemptBodySchema,
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
  operationId: 'preflightResponse',
  tags: ['links'],
  // A browser's CORS preflight never carries credentials.
  security: [],
  summary: 'CORS preflight for an embedding portal · 嵌入门户的跨域预检',
  request: { params: SlugParamsSchema },
  responses: { 204: { description: 'Allowed' }, ...errorResponses(403, 404) },
})

/** The first language of `Accept-Language` we speak; zh-CN by default. */
export function localeOf(header: string | undefined): Locale {
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
