import { createRoute } from '@hono/zod-openapi'
import {
  CampaignParamsSchema,
  ExportFileSchema,
  type ParticipationFilterQuery,
  ParticipationFilterSchema,
  ParticipationQuerySchema,
  ParticipationSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { download, EXPORT_CONTENT_TYPES, type ExportFormat, inOneBatch } from '../exports/download'
import { sourceNames } from '../exports/labels'
import { createRouter, errorResponses } from '../http/openapi'
import { publicOrigin } from '../http/public-origin'
import { loadParticipation, type ParticipationFilter } from '../participation/participation'
import { participationTable } from '../participation/participation-table'
import { loadResultsContext } from '../results/context'
import { resolveFilter } from '../results/filters'

const WHO =
  'Admin, editor or assessor roles reaching the units (a secretary: 403). Expected per source: ' +
  'the self-check once (自评); one response per one-time token issued for the branch when any ' +
  'were; else the source’s `minResponses`; a superior’s scorecard once; otherwise no target ' +
  '(one answer completes it).'

const listRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/participation',
  operationId: 'getParticipation',
  tags: ['results'],
  summary: 'Participation: answered / expected per branch and source · 参与情况与未作答名单',
  description:
    `Per unit and source: answered, expected and why, status (none, partial, complete), tokens ` +
    `issued and used, the self-check's step, and the URL to paste in a reminder. Units by ` +
    `sub-committee then name; \`pending=true\` lists only those still owing (\`source\` narrows ` +
    `it to one source). \`summary\` counts every unit listed, on all pages. ${WHO}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: ParticipationQuerySchema },
  responses: {
    200: {
      description: 'One page of units, and the summary',
      content: { 'application/json': { schema: ParticipationSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

function fileRoute(format: ExportFormat) {
  return createRoute({
    method: 'get',
    path: `/campaigns/{id}/participation.${format}`,
    operationId: `exportParticipation${format === 'csv' ? 'Csv' : 'Xlsx'}`,
    tags: ['exports'],
    summary: `Participation as ${format.toUpperCase()}: one row per branch and source, with the link to paste`,
    description:
      'Columns 上级组织, 支部, 类型, 评价来源, 状态, 已答, 应答, 应答依据, 凭证已发, 凭证已用, 自查进度, ' +
      '答题链接; `pending=true` keeps the rows still owed (the reminder list). Text cells starting ' +
      "with `=`, `+`, `-`, `@`, a tab or CR get a leading `'`, as in every export. " +
      WHO,
    security: [{ bearer: [] }],
    request: { params: CampaignParamsSchema, query: ParticipationFilterSchema },
    responses: {
      200: {
        description: `The ${format.toUpperCase()} file, as an attachment`,
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: ExportFileSchema } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  })
}

/** `GET /api/campaigns/:id/participation` and its CSV / XLSX exports (the reminder list). */
export function participationRoutes({ database }: AppDeps) {
  const { db } = database
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/participation', requireUser(db))
  router.openapi(listRoute, async (c) => {
    const { limit, offset, ...query } = c.req.valid('query')
    const context = await loadResultsContext(db, c.var.user, c.req.valid('param').id)
    const filter = await participationFilter(db, query)
    const { units, summary } = await loadParticipation(db, context, filter, publicOrigin(c))
    const items = units.slice(offset, offset + limit)
    const next = offset + items.length
    return c.json(
      { summary, items, total: units.length, nextOffset: next < units.length ? next : null },
      200,
    )
  })
  for (const format of ['csv', 'xlsx'] as const) {
    router.use(`/campaigns/:id/participation.${format}`, requireUser(db))
    router.openapi(fileRoute(format), async (c) => {
      const context = await loadResultsContext(db, c.var.user, c.req.valid('param').id)
      const filter = await participationFilter(db, c.req.valid('query'))
      const { units } = await loadParticipation(db, context, filter, publicOrigin(c))
      const { columns, rows } = participationTable(
        units,
        filter,
        sourceNames(context.campaign.sources),
      )
      const pending = filter.pendingOnly ? '未作答名单' : '参与情况'
      return download({
        format,
        sheetName: pending,
        columns,
        batches: inOneBatch(rows),
        fileName: `${context.campaign.name}-${pending}`,
        asciiName: `campaign-${context.campaign.id}-${filter.pendingOnly ? 'pending' : 'participation'}`,
      })
    })
  }
  return router
}

async function participationFilter(
  db: AppDeps['database']['db'],
  { source, pending, q, ...query }: ParticipationFilterQuery,
): Promise<ParticipationFilter> {
  return {
    ...(await resolveFilter(db, query)),
    ...(source === undefined ? {} : { source }),
    ...(q ? { search: q } : {}),
    pendingOnly: pending === true,
  }
}
