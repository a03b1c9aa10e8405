import { createRoute } from '@hono/zod-openapi'
import {
  CampaignParamsSchema,
  type CommonProblemsQuery,
  CommonProblemsQuerySchema,
  ExportFileSchema,
  FilterQuerySchema,
  type ResponsesQuery,
  ResponsesQuerySchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { exportCommonProblems } from '../exports/common-problems-export'
import { exportDimensions } from '../exports/dimensions-export'
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '../exports/download'
import { exportResponses } from '../exports/responses-export'
import { exportResults } from '../exports/results-export'
import { createRouter, errorResponses } from '../http/openapi'
import { readDatabaseOf } from '../replica/read-database'
import { readResults } from '../results/context'
import { DIMENSION_PERCENT_NOTE, RESULTS_ACCESS_NOTE } from './results'

const SAFE_CELLS =
  "Text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` " +
  '(CSV injection); numbers are written as numbers. CSV is UTF-8 with a BOM and CRLF line endings.'

function fileRoute(format: ExportFormat, what: 'results' | 'responses') {
  const results = what === 'results'
  return createRoute({
    method: 'get',
    path: `/campaigns/{id}/${what}.${format}`,
    // exportResultsCsv, exportResponsesXlsx, …: stable names for generated clients.
    operationId: `export${results ? 'Results' : 'Responses'}${format === 'csv' ? 'Csv' : 'Xlsx'}`,
    tags: ['exports'],
    summary: results
      ? `Results as ${format.toUpperCase()}: one row per unit, Chinese headers`
      : `Raw responses of one source as ${format.toUpperCase()}: one row per response, one column per question`,
    description: results
      ? 'Columns 支部, 类型, each source’s 得分 and 份数, 综合得分, 等次, 星级, 名次, 一票否决, ' +
        '未评定原因, ordered by rank; graded over the whole campaign as `GET /results`, filtered ' +
        'only in which rows are listed; last, `<source>·<dimension>得分率` for each dimension of ' +
        `each source (as \`GET /results/dimensions\`). ${RESULTS_ACCESS_NOTE} ${SAFE_CELLS}`
      : 'Streamed in submission order, never built in memory. Columns 编号, 支部, 类型, ' +
        '提交时间（北京时间）, 答卷人 (absent for anonymous sources), 得分率, 一票否决, then each ' +
        'question by its Chinese title (choices as their text, multiple text and matrix rows as ' +
        'their own columns). Only admin, editor and assessor roles, for the units they reach; a ' +
        `secretary gets 403. ${SAFE_CELLS}`,
    security: [{ bearer: [] }],
    request: {
      params: CampaignParamsSchema,
      query: results ? FilterQuerySchema : ResponsesQuerySchema,
    },
    responses: {
      200: {
        description: `The ${format.toUpperCase()} file, as an attachment`,
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: ExportFileSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })
}

function analysisFileRoute(format: ExportFormat, what: 'dimensions' | 'common-problems') {
  const dimensions = what === 'dimensions'
  const upper = format.toUpperCase()
  return createRoute({
    method: 'get',
    path: `/campaigns/{id}/${what}.${format}`,
    // exportDimensionsCsv, exportCommonProblemsXlsx, …
    operationId: `export${dimensions ? 'Dimensions' : 'CommonProblems'}${format === 'csv' ? 'Csv' : 'Xlsx'}`,
    tags: ['exports'],
    summary: dimensions
      ? `Dimension results as ${upper}: one row per unit, a column per dimension of each source`
      : `共性问题 of one source as ${upper}: one row per question, worst first`,
    description: dimensions
      ? 'Columns 支部, 类型, then `<source>·<dimension>得分率` for each dimension of each source ' +
        '(two decimals), units by name, then rows （中位数）, （最低）, （最高）, （平均） over them: ' +
        `the figures of \`GET /results/dimensions\`. ${DIMENSION_PERCENT_NOTE} ${RESULTS_ACCESS_NOTE} ${SAFE_CELLS}`
      : 'Columns 序号, 题目, 维度, 情形 (答“否” / 失分 / 扣分), 单位数, 占比（%）: the figures of ' +
        `\`GET /results/common-problems\`, worst first. ${RESULTS_ACCESS_NOTE} ${SAFE_CELLS}`,
    security: [{ bearer: [] }],
    request: {
      params: CampaignParamsSchema,
      query: dimensions ? FilterQuerySchema : CommonProblemsQuerySchema,
    },
    responses: {
      200: {
        description: `The ${upper} file, as an attachment`,
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: ExportFileSchema } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  })
}

/**
 * `GET /api/campaigns/:id/results.{csv,xlsx}`, `GET /api/campaigns/:id/responses.{csv,xlsx}`,
 * `GET /api/campaigns/:id/dimensions.{csv,xlsx}` and `GET /api/campaigns/:id/common-problems.{csv,xlsx}`.
 */
export function exportsRoutes(deps: AppDeps) {
  const { db } = deps.database
  // Every file is read from the replica when there is one (docs/deploy.md); sessions: primary.
  const reads = readDatabaseOf(deps)
  const router = createRouter<AuthEnv>()
  for (const format of ['csv', 'xlsx'] as const) {
    router.use(`/campaigns/:id/results.${format}`, requireUser(db))
    router.use(`/campaigns/:id/responses.${format}`, requireUser(db))
    router.openapi(fileRoute(format, 'results'), (c) =>
      readResults(
        reads,
        c.var.user,
        c.req.valid('param').id,
        c.req.valid('query'),
        (db, context, filter) => exportResults(db, context, filter, format),
      ),
    )
    router.openapi(fileRoute(format, 'responses'), (c) => {
      const { source, ...filterQuery } = c.req.valid('query') as ResponsesQuery
      return readResults(
        reads,
        c.var.user,
        c.req.valid('param').id,
        filterQuery,
        (db, context, filter) => exportResponses(db, context, source, filter, format),
      )
    })
    router.use(`/campaigns/:id/dimensions.${format}`, requireUser(db))
    router.use(`/campaigns/:id/common-problems.${format}`, requireUser(db))
    router.openapi(analysisFileRoute(format, 'dimensions'), (c) =>
      readResults(
        reads,
        c.var.user,
        c.req.valid('param').id,
        c.req.valid('query'),
        (db, context, filter) => exportDimensions(db, context, filter, format),
      ),
    )
    router.openapi(analysisFileRoute(format, 'common-problems'), (c) => {
      const { source, ...filterQuery } = c.req.valid('query') as CommonProblemsQuery
      return readResults(
        reads,
        c.var.user,
        c.req.valid('param').id,
        filterQuery,
        (db, context, filter) => exportCommonProblems(db, context, source, filter, format),
      )
    })
  }
  return router
}
