import { createRoute, z } from '@hono/zod-openapi'
import { UNIT_TYPES } from '@yardstick/db'
import { listAssessments } from '../assessments/list'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { PageQuerySchema, pageSchema } from '../forms/pagination'
import { createRouter, errorResponses } from '../http/openapi'

const AssessmentItemSchema = z
  .object({
    campaignId: z.number().int(),
    campaignName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitType: z.enum(UNIT_TYPES).nullable(),
    parentName: z.string().nullable().openapi({ description: 'The organisation above the branch' }),
    slug: z.string(),
    url: z.string().openapi({ description: 'The scorecard page: `/s/<slug>`', example: '/s/q8Xr' }),
    scoredByMe: z.boolean(),
    myLastScoredAt: z.string().nullable(),
    responses: z.number().int().openapi({ description: 'Scorecards stored by anyone' }),
  })
  .openapi('AssessmentItem')

const AssessmentCampaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    accepting: z.boolean().openapi({ description: 'Open and within [opensAt, closesAt]' }),
    total: z.number().int().openapi({ description: 'Branches your grants reach' }),
    scoredByMe: z.number().int(),
    scoredByAnyone: z.number().int(),
  })
  .openapi('AssessmentCampaign')

const listRoute = createRoute({
  method: 'get',
  path: '/assessments',
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
    query: PageQuerySchema.extend({
      campaignId: z.coerce.number().int().positive().optional(),
      todo: z
        .enum(['true', 'false'])
        .optional()
        .transform((value) => value === 'true')
        .openapi({ type: 'boolean', description: 'Only the branches you have not scored' }),
    }),
  },
  responses: {
    200: {
      description: 'The campaigns and a page of branches',
      content: {
        'application/json': {
          schema: pageSchema(AssessmentItemSchema)
            .extend({ campaigns: z.array(AssessmentCampaignSchema) })
            .openapi('AssessmentList'),
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
