import { createRoute } from '@hono/zod-openapi'
import {
  CreatedRectificationSchema,
  DeductionRectificationSchema,
  TransformationPlanSchema,
  UnitParamsSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { loadResultsContext } from '../results/context'
import { createTransformationPlan, raiseDeductionRectification } from '../results/follow-up'

const common = { tags: ['results'], security: [{ bearer: [] }] }
const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})
const created = {
  description: 'Created: a rectification the branch works on and the superior accepts',
  content: { 'application/json': { schema: CreatedRectificationSchema } },
}
const WHO =
  'An admin or assessor above the branch (never its own secretary), or an editor of the ' +
  'campaign’s office. The rectification is then tracked like any other (`GET /rectifications`, ' +
  '`PATCH /rectifications/:id`, `POST /rectifications/:id/review`).'

const transformationRoute = createRoute({
  ...common,
  method: 'post',
  path: '/campaigns/{id}/results/units/{unitId}/transformation-plan',
  operationId: 'createTransformationPlan',
  summary: 'The 转化 plan of a branch graded in the lowest band · 后进党支部转化工程',
  description:
    'Creates a rectification of origin `transformation` with the responsible leader (`owner`), ' +
    'the measures and the deadline. 409 `notLowestGrade` unless the branch is graded in the ' +
    `lowest band (by \`min\`); 409 \`rectificationExists\` when it already has one. ${WHO}`,
  request: { params: UnitParamsSchema, ...jsonBody(TransformationPlanSchema) },
  responses: { 201: created, ...errorResponses(400, 401, 403, 404, 409) },
})

const deductionRoute = createRoute({
  ...common,
  method: 'post',
  path: '/campaigns/{id}/results/units/{unitId}/rectifications',
  operationId: 'raiseDeductionRectification',
  summary: 'A rectification from an assessor’s deduction and its reason · 扣分项整改',
  description:
    'Creates a rectification of origin `deduction` from one deduction or veto of a scorecard ' +
    'response of the branch (`responseId`, `question`): its title is the item’s, its note the ' +
    'reason the assessor gave. 400 when the response is not an assessor’s scorecard of the branch ' +
    'or deducted nothing there; 409 `rectificationExists` when that deduction already raised one. ' +
    WHO,
  request: { params: UnitParamsSchema, ...jsonBody(DeductionRectificationSchema) },
  responses: { 201: created, ...errorResponses(400, 401, 403, 404, 409) },
})

/**
 * `POST /api/campaigns/:id/results/units/:unitId/transformation-plan` and
 * `POST /api/campaigns/:id/results/units/:unitId/rectifications`: follow-ups by grade.
 */
export function followUpRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/results/units/:unitId/*', requireUser(db))
  router.openapi(transformationRoute, async (c) => {
    const { id, unitId } = c.req.valid('param')
    const context = await loadResultsContext(db, c.var.user, id)
    const unit = idParam(unitId, 'unit')
    return c.json(
      await createTransformationPlan(db, c.var.user, context, unit, c.req.valid('json')),
      201,
    )
  })
  router.openapi(deductionRoute, async (c) => {
    const { id, unitId } = c.req.valid('param')
    const context = await loadResultsContext(db, c.var.user, id)
    const unit = idParam(unitId, 'unit')
    return c.json(
      await raiseDeductionRectification(db, c.var.user, context, unit, c.req.valid('json')),
      201,
    )
  })
  return router
}
