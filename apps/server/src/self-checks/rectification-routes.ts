import { createRoute } from '@hono/zod-openapi'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { listRectifications, patchRectification } from './rectifications'
import {
  RectificationListQuery,
  RectificationListSchema,
  RectificationParams,
  RectificationPatchBody,
  RectificationSchema,
  SelfCheckParams,
} from './schemas'

const common = { tags: ['self-checks'], security: [{ bearer: [] }] }
const ok = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/campaigns/{id}/rectifications',
  summary: 'The rectification list of submitted self-checks · 整改清单',
  description:
    'Visible to the branch’s secretary and upward (assessors, editors, admins reaching the ' +
    'branch). With `unitId`: that branch (403 if out of reach); without: every branch you read.',
  request: { params: SelfCheckParams.pick({ id: true }), query: RectificationListQuery },
  responses: {
    200: ok(RectificationListSchema, 'One page, by branch and problem order'),
    ...errorResponses(400, 401, 403, 404),
  },
})

const patchRoute = createRoute({
  ...common,
  method: 'patch',
  path: '/rectifications/{id}',
  summary: 'Update a rectification’s measure, owner, deadline or status · 更新整改事项',
  description: 'The branch’s secretary (or an admin) only. null clears measure, owner or deadline.',
  request: {
    params: RectificationParams,
    body: { required: true, content: { 'application/json': { schema: RectificationPatchBody } } },
  },
  responses: {
    200: ok(RectificationSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** `GET /api/campaigns/:id/rectifications`, `PATCH /api/rectifications/:id`. */
export function rectificationRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/rectifications', requireUser(db))
  router.use('/rectifications/*', requireUser(db))

  router.openapi(listRoute, async (c) => {
    const campaignId = idParam(c.req.valid('param').id, 'campaign')
    const page = await listRectifications(db, c.var.user, campaignId, c.req.valid('query'))
    return c.json(page, 200)
  })

  router.openapi(patchRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'rectification')
    return c.json(await patchRectification(db, c.var.user, id, c.req.valid('json')), 200)
  })
  return router
}
