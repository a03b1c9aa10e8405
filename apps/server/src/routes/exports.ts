import { createRoute, z } from '@hono/zod-openapi'
import { SOURCE_KEYS } from '@yardstick/db'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '../exports/download'
import { exportResponses } from '../exports/responses-export'
import { exportResults } from '../exports/results-export'
import { createRouter, errorResponses } from '../http/openapi'
import { loadResultsContext } from '../results/context'
import { FilterQuerySchema, resolveFilter } from '../results/filters'
import { CampaignParamsSchema } from '../results/schemas'
import { RESULTS_ACCESS_NOTE } from './results'

const ResponsesQuerySchema = FilterQuerySchema.extend({
  source: z.enum(SOURCE_KEYS).openapi({ description: 'Which source’s responses (one form each)' }),
})

const FILE = z.string().openapi({ type: 'string', format: 'binary' })
const SAFE_CELLS =
  "Text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` " +
  '(CSV injection); numbers are written as numbers. CSV is UTF-8 with a BOM and CRLF line endings.'

function fileRoute(format: ExportFormat, what: 'results' | 'responses') {
  const results = what === 'results'
  return createRoute({
    method: 'get',
    path: `/campaigns/{id}/${what}.${format}`,
    tags: ['exports'],
    summary: results
      ? `Results as ${format.toUpperCase()}: one row per unit, Chinese headers`
      : `Raw responses of one source as ${format.toUpperCase()}: one row per response, one column per question`,
    description: results
      ? 'Columns 支部, 类型, each source’s 得分 and 份数, 综合得分, 等次, 星级, 名次, 一票否决, ' +
        '未评定原因, ordered by rank; graded over the whole campaign as `GET /results`, filtered ' +
        `only in which rows are listed. ${RESULTS_ACCESS_NOTE} ${SAFE_CELLS}`
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
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: FILE } },
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })
}

/** `GET /api/campaigns/:id/results.{csv,xlsx}` and `GET /api/campaigns/:id/responses.{csv,xlsx}`. */
export function exportsRoutes({ database }: AppDeps) {
  const { db } = database
  const router = createRouter<AuthEnv>()
  for (const format of ['csv', 'xlsx'] as const) {
    router.use(`/campaigns/:id/results.${format}`, requireUser(db))
    router.use(`/campaigns/:id/responses.${format}`, requireUser(db))
    router.openapi(fileRoute(format, 'results'), async (c) => {
      const context = await loadResultsContext(db, c.var.user, c.req.valid('param').id)
      const filter = await resolveFilter(db, c.req.valid('query'))
      return exportResults(db, context, filter, format)
    })
    router.openapi(fileRoute(format, 'responses'), async (c) => {
      const { source, ...filterQuery } = c.req.valid('query') as z.infer<
        typeof ResponsesQuerySchema
      >
      const context = await loadResultsContext(db, c.var.user, c.req.valid('param').id)
      const filter = await resolveFilter(db, filterQuery)
      return exportResponses(db, context, source, filter, format)
    })
  }
  return router
}
