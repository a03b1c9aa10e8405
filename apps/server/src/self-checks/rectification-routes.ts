import { createRoute } from '@hono/zod-openapi'
import {
  AllRectificationsQuerySchema,
  RectificationListQuerySchema,
  RectificationListSchema,
  RectificationParamsSchema,
  RectificationPatchBodySchema,
  RectificationReviewBodySchema,
  RectificationSchema,
  SelfCheckParamsSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { listRectifications } from './rectification-list'
import { getRectification, patchRectification, reviewRectification } from './rectifications'

const common = { tags: ['self-checks'], security: [{ bearer: [] }] }
const ok = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})
const READERS =
  'Visible to the branch’s secretary and upward (assessors, editors, admins reaching the ' +
  'branch). With `unitId`: that branch (403 if out of reach); with `subtree`: the branches under ' +
  'it you read; without: every branch you read. `sort=urgency` puts the overdue ones first.'

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/campaigns/{id}/rectifications',
  operationId: 'listCampaignRectifications',
  summary: 'The rectification list of a campaign’s submitted self-checks · 整改清单',
  description: READERS,
  request: {
    params: SelfCheckParamsSchema.pick({ id: true }),
    query: RectificationListQuerySchema,
  },
  responses: {
    200: ok(RectificationListSchema, 'One page, with counts by status and overdue'),
    ...errorResponses(400, 401, 403, 404),
  },
})

const listAllRoute = createRoute({
  ...common,
  method: 'get',
  path: '/rectifications',
  operationId: 'listRectifications',
  summary: 'Rectifications of every campaign, or of one (`campaignId`) · 全部整改事项',
  description: READERS,
  request: { query: AllRectificationsQuerySchema },
  responses: {
    200: ok(RectificationListSchema, 'One page, with counts by status and overdue'),
    ...errorResponses(400, 401, 403, 404),
  },
})

const getRoute = createRoute({
  ...common,
  method: 'get',
  path: '/rectifications/{id}',
  operationId: 'getRectification',
  summary: 'One rectification · 整改事项',
  description: 'Readable by whoever reads the branch’s list; `can` says what you may do now.',
  request: { params: RectificationParamsSchema },
  responses: {
    200: ok(RectificationSchema, 'The rectification'),
    ...errorResponses(401, 403, 404),
  },
})

const patchRoute = createRoute({
  ...common,
  method: 'patch',
  path: '/rectifications/{id}',
  operationId: 'updateRectification',
  summary: 'The branch updates a rectification: progress, evidence, deadline, done · 更新整改进展',
  description:
    'The branch’s secretary (or an admin) only. Measure, owner and deadline change but never ' +
    'empty; progress and evidence clear with null. The status moves only as the transition ' +
    'table lets the branch (open → inProgress → fixed, returned → inProgress/fixed, fixed → ' +
    'inProgress), else 409 invalidTransition; marking it fixed needs evidence (409 ' +
    'invalidTransition, details.missing). An accepted rectification no longer changes (409).',
  request: { params: RectificationParamsSchema, ...jsonBody(RectificationPatchBodySchema) },
  responses: {
    200: ok(RectificationSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const reviewRoute = createRoute({
  ...common,
  method: 'post',
  path: '/rectifications/{id}/review',
  operationId: 'reviewRectification',
  summary: 'The superior office accepts (销号) or returns (退回) a fixed rectification · 整改销号',
  description:
    'An admin or assessor on an organisation above the branch, never the branch’s own ' +
    'secretary (403). From fixed only (409 invalidTransition): accept → accepted (final); ' +
    'return → returned, with a required reason (400 invalidBody without one) the branch reads.',
  request: { params: RectificationParamsSchema, ...jsonBody(RectificationReviewBodySchema) },
  responses: {
    200: ok(RectificationSchema, 'Decided'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

/**
 * `GET /api/campaigns/:id/rectifications`, `GET /api/rectifications`,
 * `GET|PATCH /api/rectifications/:id`, `POST /api/rectifications/:id/review`.
 */
export function rectificationRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/rectifications', requireUser(db))
  router.use('/rectifications', requireUser(db))
  router.use('/rectifications/*', requireUser(db))

  router.openapi(listRoute, async (c) => {
    const campaignId = idParam(c.req.valid('param').id, 'campaign')
    const query = { ...c.req.valid('query'), campaignId }
    return c.json(await listRectifications(db, c.var.user, query), 200)
  })

  router.openapi(listAllRoute, async (c) => {
    return c.json(await listRectifications(db, c.var.user, c.req.valid('query')), 200)
  })

  router.openapi(getRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'rectification')
    return c.json(await getRectification(db, c.var.user, id), 200)
  })

  router.openapi(patchRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'rectification')
    return c.json(await patchRectification(db, c.var.user, id, c.req.valid('json')), 200)
  })

  router.openapi(reviewRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'rectification')
    return c.json(await reviewRectification(db, c.var.user, id, c.req.valid('json')), 200)
  })
  return router
}
