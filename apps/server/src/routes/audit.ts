import { createRoute } from '@hono/zod-openapi'
import {
  AuditListQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
  ExportFileSchema,
} from '@yardstick/contract'
import { AUDIT_COLUMNS, auditRow } from '../audit/audit-table'
import { auditBatches, auditWhere, listAudit } from '../audit/list'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { download, EXPORT_CONTENT_TYPES, mapBatches } from '../exports/download'
import { createRouter, errorResponses } from '../http/openapi'

const READERS =
  'Admins only: entries recorded within the subtrees of their admin roles (the path of the ' +
  'change when it was made); entries of no organisation only for an admin of a top committee. ' +
  'The log never links an anonymous response to a token or a person.'

const listAuditRoute = createRoute({
  method: 'get',
  path: '/audit',
  operationId: 'listAudit',
  tags: ['audit'],
  summary: 'Who did what, newest first · 操作日志',
  description: `Filters: entity, action, actorId, from, to, subtree; offset paging. ${READERS}`,
  security: [{ bearer: [] }],
  request: { query: AuditListQuerySchema },
  responses: {
    200: {
      description: 'One page of entries, newest first, with the actor’s name',
      content: { 'application/json': { schema: AuditPageSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const exportAuditRoute = createRoute({
  method: 'get',
  path: '/audit.csv',
  operationId: 'exportAuditCsv',
  tags: ['audit'],
  summary: 'The audit log as CSV · 导出操作日志',
  description:
    'The same filters as GET /audit, every matching entry, newest first, streamed. Columns ' +
    '编号, 时间（北京时间）, 操作人, 操作, 对象, 对象编号, 组织路径, 修改前, 修改后 (JSON). Text ' +
    "cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`. " +
    READERS,
  security: [{ bearer: [] }],
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'The CSV file (UTF-8 with a BOM), as an attachment',
      content: { [EXPORT_CONTENT_TYPES.csv]: { schema: ExportFileSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** `GET /api/audit` and `GET /api/audit.csv`. */
export function auditRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()
  router.use('/audit', requireUser(db))
  router.use('/audit.csv', requireUser(db))

  router.openapi(listAuditRoute, async (c) => {
    return c.json(await listAudit(db, c.var.user, c.req.valid('query')), 200)
  })

  router.openapi(exportAuditRoute, async (c) => {
    // Refusals (403, 404) before the first byte: the stream only reads.
    const where = await auditWhere(db, c.var.user, c.req.valid('query'))
    return download({
      format: 'csv',
      sheetName: '操作日志',
      columns: AUDIT_COLUMNS,
      batches: mapBatches(auditBatches(db, where), auditRow),
      fileName: '操作日志',
      asciiName: 'audit',
    })
  })
  return router
}
