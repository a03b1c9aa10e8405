import { createRoute } from '@hono/zod-openapi'
import {
  AnswersBodySchema,
  ApproveBodySchema,
  SelfCheckParamsSchema,
  SelfCheckSchema,
  SelfCheckToDoQuerySchema,
  SelfCheckToDoSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AuthUser } from '../auth/sessions'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { selfCheckContext } from '../self-checks/context'
import { rectificationRoutes } from '../self-checks/rectification-routes'
import { beginSelfCheck, findSelfCheck, saveAnswers, takeStep } from '../self-checks/store'
import { submitSelfCheck } from '../self-checks/submit'
import { selfCheckToDo } from '../self-checks/to-do'
import { selfCheckView } from '../self-checks/view'

const ROLES =
  'The branch’s secretary (or an admin) fills it in and moves it; assessors and editors ' +
  'reaching the branch read it. 404 when the campaign has no self source or does not assess ' +
  'the unit; 403 for anyone else (a secretary of another branch).'
const common = { tags: ['self-checks'], security: [{ bearer: [] }] }
const path = '/campaigns/{id}/self-checks/{unitId}'
const ok = (description: string) => ({
  description,
  content: { 'application/json': { schema: SelfCheckSchema } },
})
const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})

const getRoute = createRoute({
  ...common,
  method: 'get',
  path,
  operationId: 'getSelfCheck',
  summary: 'A branch’s self-check · 党支部自检自查',
  description:
    `${ROLES} Score and problems are computed live from the answers. Reading writes nothing: ` +
    'a self-check nobody has begun is the empty draft with `id` and `updatedAt` null; the ' +
    'first save (PUT) or `begin` creates it.',
  request: { params: SelfCheckParamsSchema },
  responses: { 200: ok('The self-check'), ...errorResponses(401, 403, 404) },
})

const putRoute = createRoute({
  ...common,
  method: 'put',
  path,
  operationId: 'saveSelfCheck',
  summary: 'Save the draft’s answers · 保存自查草稿',
  description:
    `${ROLES} Draft only (else 409 invalidTransition). Answers are type-checked (422 ` +
    'invalidAnswers); unanswered required questions are allowed and listed in `pending`.',
  request: { params: SelfCheckParamsSchema, ...jsonBody(AnswersBodySchema) },
  responses: { 200: ok('Saved'), ...errorResponses(400, 401, 403, 404, 409, 422) },
})

const beginRoute = createRoute({
  ...common,
  method: 'post',
  path: `${path}/begin`,
  operationId: 'beginSelfCheck',
  summary: 'Begin the self-check: create the empty draft if none · 开始自查',
  description:
    `${ROLES} Creates the draft when nobody has begun it (changing nothing when it exists) and ` +
    'answers it with its `id`, which names the co-filled document `/collab/response/{id}`.',
  request: { params: SelfCheckParamsSchema },
  responses: { 200: ok('The self-check, begun'), ...errorResponses(401, 403, 404) },
})

const approveRoute = createRoute({
  ...common,
  method: 'post',
  path: `${path}/approve`,
  operationId: 'approveSelfCheck',
  summary: 'Record the branch committee’s approval · 支委会审议通过',
  description:
    `${ROLES} From draft only; the answers must be a complete, valid response: every visible ` +
    'required question, and in every problem entry its 问题描述, 整改措施, 责任人 and 整改时限 ' +
    '(else 422 invalidAnswers, details.errors naming each question and item).',
  request: { params: SelfCheckParamsSchema, ...jsonBody(ApproveBodySchema) },
  responses: { 200: ok('Approved'), ...errorResponses(400, 401, 403, 404, 409, 422) },
})

const announceRoute = createRoute({
  ...common,
  method: 'post',
  path: `${path}/announce`,
  operationId: 'announceSelfCheck',
  summary: 'Record that the result was announced to all members · 向全体党员通报',
  description: `${ROLES} From approved only, on complete and valid answers (422 as approve).`,
  request: { params: SelfCheckParamsSchema },
  responses: { 200: ok('Announced'), ...errorResponses(401, 403, 404, 409, 422) },
})

const submitRoute = createRoute({
  ...common,
  method: 'post',
  path: `${path}/submit`,
  operationId: 'submitSelfCheck',
  summary: 'Submit upward: stores the response and the rectification list · 上报上级党组织',
  description:
    `${ROLES} From announced only, while the campaign is open (409 campaignNotOpen). One ` +
    'transaction stores one immutable self response with its score and one rectification ' +
    'per problem; a second submit is 409 invalidTransition.',
  request: { params: SelfCheckParamsSchema },
  responses: { 200: ok('Submitted'), ...errorResponses(401, 403, 404, 409, 422) },
})

const toDoRoute = createRoute({
  ...common,
  method: 'get',
  path: '/self-checks',
  operationId: 'listSelfCheckToDos',
  summary: 'What a branch has to do: its self-checks in open campaigns · 支部待办自查',
  description:
    'Each open campaign with a self source that assesses the branch, with its deadline, the ' +
    'self-check’s status and the branch’s open and overdue rectifications there; the ones still ' +
    'to submit first. Without unitId: the branches of your secretary role (none: an empty list). ' +
    'With unitId: that branch, for whoever reads its self-check (403 otherwise).',
  request: { query: SelfCheckToDoQuerySchema },
  responses: {
    200: {
      description: 'The to-do list',
      content: { 'application/json': { schema: SelfCheckToDoSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The self-check workflow (草稿 → 审议通过 → 通报 → 上报) and its rectification list. */
export function selfChecksRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/self-checks/*', requireUser(db))
  router.use('/self-checks', requireUser(db))

  router.openapi(toDoRoute, async (c) =>
    c.json(await selfCheckToDo(db, c.var.user, c.req.valid('query').unitId), 200),
  )

  // Every self-check route starts from its campaign and branch, checked against the user.
  const contextOf = (
    params: { id: string; unitId: string },
    user: AuthUser,
    access: 'read' | 'write',
  ) => {
    const campaignId = idParam(params.id, 'campaign')
    const unitId = idParam(params.unitId, 'unit')
    return selfCheckContext(db, user, { campaignId, unitId }, access)
  }

  router.openapi(getRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'read')
    return c.json(selfCheckView(await findSelfCheck(db, context), context), 200)
  })

  router.openapi(putRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'write')
    const row = await saveAnswers(db, context, c.var.user, c.req.valid('json').answers)
    return c.json(selfCheckView(row, context), 200)
  })

  router.openapi(beginRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'write')
    return c.json(selfCheckView(await beginSelfCheck(db, context), context), 200)
  })

  router.openapi(approveRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'write')
    const { approvedOn } = c.req.valid('json')
    const row = await takeStep(db, context, c.var.user, { name: 'approve', approvedOn })
    // The approval is committed; freezing the members' live survey now is a courtesy that
    // revalidation would do within seconds anyway, so its failure is logged, not answered.
    await deps.responses
      ?.selfCheckLeftDraft(row.id)
      .catch((error) =>
        console.error(`self-checks: freezing the co-filled ${row.id}: ${(error as Error).message}`),
      )
    return c.json(selfCheckView(row, context), 200)
  })

  router.openapi(announceRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'write')
    const row = await takeStep(db, context, c.var.user, { name: 'announce' })
    return c.json(selfCheckView(row, context), 200)
  })

  router.openapi(submitRoute, async (c) => {
    const context = await contextOf(c.req.valid('param'), c.var.user, 'write')
    const { row } = await submitSelfCheck(db, context, c.var.user)
    return c.json(selfCheckView(row, context), 200)
  })

  router.route('/', rectificationRoutes(deps))
  return router
}
