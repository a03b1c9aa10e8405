import { createRoute } from '@hono/zod-openapi'
import { AggregateCheckSchema, CampaignParamsSchema } from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import { assertManages, visibleCampaign } from '../campaigns/access'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { verifyAggregates } from '../results/verify-aggregates'

const verifyRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/aggregates/verify',
  operationId: 'verifyCampaignAggregates',
  tags: ['results'],
  summary: 'Recompute a campaign’s running aggregates from its responses and list any difference',
  description:
    'Results, dimension results and question results read running aggregates the database keeps ' +
    'as responses are stored. This recomputes them from every response of the campaign (cost grows ' +
    'with responses: a check, not a dashboard) and compares exactly; `differences` is empty when ' +
    'they agree. Admins and editors reaching the campaign’s office; others 403. Always read from ' +
    'the primary database.',
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema },
  responses: {
    200: {
      description: 'What the comparison found',
      content: { 'application/json': { schema: AggregateCheckSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The aggregates verifier of a campaign. */
export function aggregatesRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/aggregates/*', requireUser(db))
  router.openapi(verifyRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'campaign')
    assertManages(c.var.user, await visibleCampaign(db, c.var.user, id))
    return c.json(await verifyAggregates(db, id), 200)
  })
  return router
}
