import { createRoute } from '@hono/zod-openapi'
import {
  CampaignParamsSchema,
  ExportFileSchema,
  FilterQuerySchema,
  ReportPdfQuerySchema,
  ReportSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses } from '../http/openapi'
import { readDatabaseOf } from '../replica/read-database'
import { campaignReport } from '../report/report-data'
import { loadReportFont } from '../report/report-font'
import { reportPdf, reportTexts } from '../report/report-pdf'
import { readResults } from '../results/context'
import { localeOf } from './links'
import { RESULTS_ACCESS_NOTE } from './results'

const REPORT_CONTENT =
  'The campaign’s name, office and period; grades and shares (as `GET /results` counts them, ' +
  'graded over the whole campaign); the ranking (every unit when they are few, else the first ' +
  'ten and the whole lowest band); per source the dimension medians and weakest dimensions, the ' +
  'first 共性问题; participation per source; rectifications by status and origin.'

const reportRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/report',
  operationId: 'getCampaignReport',
  tags: ['results'],
  summary: 'The printable results report of a campaign (通报), for a subtree and branch type',
  description: `${REPORT_CONTENT} ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: FilterQuerySchema },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const reportPdfRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/report.pdf',
  operationId: 'exportCampaignReportPdf',
  tags: ['exports'],
  summary: 'The results report (通报) as an A4 PDF in Chinese or English, made on the server',
  description:
    `The figures of \`GET /report\` in \`lang\` (else the first of \`Accept-Language\` it ` +
    'speaks, else Chinese), laid out for A4 with the server’s CJK font embedded ' +
    '(`REPORT_FONT`); 503 `reportFontMissing` when the server has none, rather than a PDF of ' +
    `empty boxes. ${RESULTS_ACCESS_NOTE}`,
  security: [{ bearer: [] }],
  request: { params: CampaignParamsSchema, query: ReportPdfQuerySchema },
  responses: {
    200: {
      description: 'The PDF file, as an attachment',
      content: { 'application/pdf': { schema: ExportFileSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
})

/** `GET /api/campaigns/:id/report` and `GET /api/campaigns/:id/report.pdf`. */
export function reportRoutes(deps: AppDeps) {
  const { db } = deps.database
  const { config } = deps
  // The report's figures are lag-tolerant: the replica's when there is one (docs/deploy.md).
  const reads = readDatabaseOf(deps)
  const router = createRouter<AuthEnv>()
  router.use('/campaigns/:id/report', requireUser(db))
  router.use('/campaigns/:id/report.pdf', requireUser(db))
  router.openapi(reportRoute, async (c) => {
    const query = c.req.valid('query')
    const report = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      query,
      (db, context, filter) => campaignReport(db, context, query, filter),
    )
    return c.json(report, 200)
  })
  router.openapi(reportPdfRoute, async (c) => {
    const { lang, ...query } = c.req.valid('query')
    const locale = lang ?? localeOf(c.req.header('accept-language'))
    const { font, report } = await readResults(
      reads,
      c.var.user,
      c.req.valid('param').id,
      query,
      async (db, context, filter) => {
        // Before the figures are gathered: without a font they would be gathered for nothing.
        const font = await loadReportFont(config.REPORT_FONT, config.REPORT_FONT_FACE)
        return { font, report: await campaignReport(db, context, query, filter) }
      },
    )
    const pdf = await reportPdf(report, font, { locale })
    const name = encodeURIComponent(reportTexts(locale).fileName(report.campaign.name))
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="report-${report.campaign.id}.pdf"; filename*=UTF-8''${name}`,
        'cache-control': 'no-store',
      },
    })
  })
  return router
}
