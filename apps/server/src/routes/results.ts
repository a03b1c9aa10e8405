import { createRoute } from '@hono/zod-openapi'
import {
  CampaignParamsSchema,
  CommonProblemsQuerySchema,
  CommonProblemsSchema,
  DimensionResultsQuerySchema,
  DimensionResultsSchema,
  QuestionsQuerySchema,
  QuestionsSchema,
  ResultsQuerySchema,
  ResultsSchema,
  SeriesQuerySchema,
  SeriesSchema,
  UnitDetailSchema,
  UnitParamsSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { readDatabaseOf } from '../replica/read-database'
import { commonProblems } from '../results/common-problems'
import { loadResultsContext, readResults } from '../results/context'
import { dimensionResults } from '../results/dimension-results'
import { mayFollowUp } from '../results/follow-up-access'
import { gradeCampaign } from '../results/grade'
import { questionReport } from '../results/question-report'
import { gradeSeries } from '../results/series'
import { seriesView } from '../results/series-view'
import { unitDetail } from '../results/unit-detail'
import { resultsView } from '../results/view'

/** Who reads what, said once for every results and export route. */
export const RESULTS_ACCESS_NOTE =
  'Admin, editor or assessor roles reaching the campaign’s office see every unit; reaching only ' +
  'some units, they see those. A secretary sees only their own branch.'

const resultsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results',
  operationId: 'getCampaignResults',
  tags: ['results'],
  summary: 'Composite evaluation of a campaign: per unit, grade distribution, participation',
  description:
    'Per (unit, source) aggregates are computed in SQL and graded by the SDK’s `evaluateSummaries`. ' +
    '**Grades and ranks are always over the whole campaign**: `subtree` and `unitType` only select ' +
    'which units are listed and counted in `distribution` and `participation`, so a branch’s grade ' +
    `never changes because a dashboard filtered. ${RESULTS_ACCESS_NOTE} For a secretary, ` +
    '`distribution` and `participation` cover the whole campaign and ignore the filters (figures ' +
    'without names, which no filter can narrow to another branch). Sources are checked in the ' +
    'order self, members, superior (the first failing one is the incomplete reason); quota ties go ' +
    'to the smaller unit id compared as text.',
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: ResultsQuerySchema },
  responses: {
    200: { description: 'The results', content: { 'application/json': { schema: ResultsSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const questionsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results/questions',
  operationId: 'getQuestionResults',
  tags: ['results'],
  summary:
    'Per-question figures of one source: counts and shares per choice, mean, satisfaction rate',
  description:
    'Aggregated in SQL over the stored answers of the units you may see (and the filters). ' +
    'Per question of the source’s form version: `answered` (non-empty answers), `counts` and ' +
    '`shares` per choice value (a checkbox’s shares add up to more than 1), `mean` (mean choice ' +
    'score of a scored single choice, mean value of numeric entries and ratings), and ' +
    '`satisfactionRate` (satisfied votes / answered) for satisfaction questions; equal to the SDK’s ' +
    '`summarizeSatisfaction` on the same answers. SQL cannot run `visibleIf`; it does not need ' +
    'to: submissions store only answers to questions the respondent could see (the SDK’s ' +
    `\`visibleAnswers\`, as SurveyJS clears invisible values on completion). ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: QuestionsQuerySchema },
  responses: {
    200: {
      description: 'The per-question figures',
      content: { 'application/json': { schema: QuestionsSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const unitRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results/units/{unitId}',
  operationId: 'getUnitResult',
  tags: ['results'],
  summary: 'One branch in detail: each source, the self-check’s problem list, rectifications',
  description:
    'The branch’s row as in `GET /results` (graded over the whole campaign), each source’s ' +
    'weight, rule, value and response count, its self-check (status, dates and the problem list ' +
    'computed from its answers; null before it begins: reading never creates a draft) and each ' +
    `rectification with its status and \`overdue\` flag. ${RESULTS_ACCESS_NOTE} 404 when the ` +
    'campaign does not assess the unit.',
  security: [{ bearer: [] }],
  request: { params: UnitParamsSchema },
  responses: {
    200: {
      description: 'The branch',
      content: { 'application/json': { schema: UnitDetailSchema } },
    },
    ...errorResponses(401, 403, 404, 409),
  },
})

const seriesRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results/series',
  operationId: 'getResultsSeries',
  tags: ['results'],
  summary: 'Each unit across the series of periods up to this campaign · 评星晋级（历期对比）',
  description:
    'The campaigns linked by `previousCampaignId` up to this one, oldest first (at most 24), ' +
    'each graded by itself exactly as its own `GET /results`; per unit of this campaign, its ' +
    'composite, grade, stars and rank in each period (null where a period did not assess it) and ' +
    'its change since the previous period: 晋级 `up` / 降级 `down` / 持平 `same` by the order of ' +
    `the bands, and the stars difference. Units by this campaign’s rank. ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: SeriesQuerySchema },
  responses: {
    200: { description: 'The series', content: { 'application/json': { schema: SeriesSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

/** How dimension percents are defined, said once for the routes and exports that serve them. */
export const DIMENSION_PERCENT_NOTE =
  'A unit’s percent on a dimension (四强 on the self-check, 五基本 on scorecards) of a source = ' +
  'Σ of its responses’ dimension `score` / Σ of their dimension `maxScore` × 100 — the SDK’s ' +
  'per-response dimension scores (`scoreResponse(…).dimensions`) summed, then divided; computed ' +
  'in SQL over the stored scores, null when the maximum is 0.'

const dimensionsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results/dimensions',
  operationId: 'getDimensionResults',
  tags: ['results'],
  summary: 'Per unit, its percent on each dimension of each source; per dimension, its spread',
  description:
    `${DIMENSION_PERCENT_NOTE} \`sources\` lists each source with dimensions (names and titles ` +
    'from its forms’ `dimensions` declaration, in their order) with the median, min, max and mean ' +
    'over every unit you may see that matches `subtree` and `unitType`; `units` is one page of ' +
    `those units, by name. ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: DimensionResultsQuerySchema },
  responses: {
    200: {
      description: 'The dimension results',
      content: { 'application/json': { schema: DimensionResultsSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const commonProblemsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/results/common-problems',
  operationId: 'getCommonProblems',
  tags: ['results'],
  summary: '共性问题: per question, how many units answered 否 or lost points, worst first',
  description:
    'Per question of the source’s forms (every instrument): how many of the units you may see ' +
    'that match the filters have a response that answered it with a choice opening a problem ' +
    '(`problem`: the self-check’s 否, as the stored score lists them), earned less than its ' +
    'maximum (`lostPoints`: scorecard indicators) or had points taken off (`deducted`), and that ' +
    'count’s share of the units with a response; most units first. Counted in SQL from the ' +
    'stored scores and answers with each question’s points from the SDK’s compiled plan. A ' +
    'question a `visibleIf` may hide counts only where it was answered (stored answers hold only ' +
    `visible questions’ answers). ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: CommonProblemsQuerySchema },
  responses: {
    200: {
      description: 'The questions, worst first',
      content: { 'application/json': { schema: CommonProblemsSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/**
 * `GET /api/campaigns/:id/results`, `GET /api/campaigns/:id/results/series`, `GET /api/campaigns/:id/results/questions` and
 * `GET /api/campaigns/:id/results/units/:unitId`, `GET /api/campaigns/:id/results/dimensions` and
 * `GET /api/campaigns/:id/results/common-problems`.
 */
export function resultsRoutes(deps: AppDeps) {
  const { db } = deps.database
  // The figures are lag-tolerant: the replica's (docs/deploy.md); sessions and the unit detail
  // (its rectifications, just changed by the reader) read the primary.
  const reads = readDatabaseOf(deps)
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/results', requireUser(db))
  router.use('/campaigns/:id/results/*', requireUser(db))
  router.openapi(resultsRoute, async (c) => {
    const { limit, offset, sort, ...filterQuery } = c.req.valid('query')
    const view = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      filterQuery,
      async (db, context, filter) => {
        const graded = await gradeCampaign(db, context.campaign, context.units)
        return resultsView(graded, context.campaign.policy, context.access, filter, {
          limit,
          offset,
          sort,
        })
      },
    )
    return c.json(view, 200)
  })
  router.openapi(questionsRoute, async (c) => {
    const { source, formVersion, ...filterQuery } = c.req.valid('query')
    const report = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      filterQuery,
      (db, context, filter) => questionReport(db, context, { source, formVersion }, filter),
    )
    return c.json(report, 200)
  })
  router.openapi(seriesRoute, async (c) => {
    const { limit, offset, ...filterQuery } = c.req.valid('query')
    const view = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      filterQuery,
      async (db, context, filter) =>
        seriesView(await gradeSeries(db, context), context.access, filter, { limit, offset }),
    )
    return c.json(view, 200)
  })
  router.openapi(dimensionsRoute, async (c) => {
    const { limit, offset, ...filterQuery } = c.req.valid('query')
    const results = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      filterQuery,
      (db, context, filter) => dimensionResults(db, context, filter, { limit, offset }),
    )
    return c.json(results, 200)
  })
  router.openapi(commonProblemsRoute, async (c) => {
    const { source, ...filterQuery } = c.req.valid('query')
    const problems = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      filterQuery,
      (db, context, filter) => commonProblems(db, context, source, filter),
    )
    return c.json(problems, 200)
  })
  router.openapi(unitRoute, async (c) => {
    const { id, unitId } = c.req.valid('param')
    const context = await loadResultsContext(db, c.var.user, id)
    const detail = await unitDetail(db, context, idParam(unitId, 'unit'))
    const unit = context.units.find((u) => u.id === detail.unit.unitId)
    const followsUp = unit !== undefined && mayFollowUp(c.var.user, context.campaign, unit)
    return c.json({ ...detail, mayFollowUp: followsUp }, 200)
  })
  return router
}
