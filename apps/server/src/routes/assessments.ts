import { createRoute } from '@hono/zod-openapi'
import { AssessmentListSchema, AssessmentQuerySchema } from '@yardstick/contract'
import { listAssessments } from '../assessments/list'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses } from '../http/openapi'

const listRoute = createRoute({
  method: 'get',
  path: '/assessments',
  operationId: 'listAssessments',
  tags: ['assessments'],
  summary: 'Branches you score, still to score first · 待考评的支部（未评在前）',
  description:
    'The assessor’s home (上级考评): every open campaign with a `superior` source, with your ' +
    'progress and everyone’s, and a page of the branches your assessor (or admin) grants ' +
    'reach — those you have not scored first, then by campaign (newest first) and by the ' +
    'organisation tree. Each opens its scorecard at `url` (`/s/<slug>`). `todo=true` lists only ' +
    'those you have not scored. Paged by `limit` and `offset`; users with no assessor or admin ' +
    'grant get 403.',
  security: [{ bearer: [] }],
  request: {
    query: AssessmentQuerySchema,
  },
  responses: {
    200: {
      description: 'The campaigns and a page of branches',
      content: {
        'application/json': {
          schema: AssessmentListSchema,
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
})

/** `GET /api/assessments`: the signed-in assessor's branches to score (their home). */
export function assessmentsRoutes({ database }: AppDeps) {
  const { db } = database
  const router = createRouter<AuthEnv>()
  router.use('/assessments', requireUser(db))
  router.openapi(listRoute, async (c) =>
    c.json(await listAssessments(db, c.var.user, c.req.valid('query')), 200),
  )
  return router
}
