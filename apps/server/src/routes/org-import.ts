import { createRoute } from '@hono/zod-openapi'
import {
  ExportFileSchema,
  OrgExportQuerySchema,
  OrgImportFileSchema,
  OrgImportFormSchema,
  OrgImportQuerySchema,
  OrgImportReportSchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '../exports/download'
import { AppError } from '../http/errors'
import { createRouter, errorResponses } from '../http/openapi'
import { exportOrgs } from '../orgs/import/export-orgs'
import { importOrgs } from '../orgs/import/import-orgs'
import { importRoot } from '../orgs/import/import-root'

const COLUMNS =
  'Columns (zh-CN or English headers): 编码/code, 名称/name (required), 上级编码/parent code, ' +
  '上级/parent (a name path from the root, `机关工委/第一分工委`, or one name when unique), ' +
  '类型/支部类型/type (a key or label of the 8 branch types), 层级/kind (committee, subcommittee, ' +
  'branch or 工委, 分工委, 党支部; default branch when a type is given, else subcommittee).'

const importRoute = createRoute({
  method: 'post',
  path: '/orgs/import',
  operationId: 'importOrgs',
  tags: ['orgs'],
  summary: 'Import branches from CSV or XLSX · 导入组织（支部）',
  description:
    `${COLUMNS} Rows may name parents that come later in the file. A unit is matched by its code ` +
    'under the committee, else by its parent and name: each row is `create`, `update` (name, ' +
    'type, code, parent — a move takes its subtree), `unchanged` or `refuse` with its issues ' +
    '(row, column, code, message). `dryRun=true` (the default) only reports; `dryRun=false` ' +
    'applies everything in one transaction, and nothing when any row is refused (`applied: ' +
    'false`). An empty code cell never clears a code; a unit’s level never changes. Admins only.',
  security: [{ bearer: [] }],
  request: {
    query: OrgImportQuerySchema,
    body: {
      // Not `required`: zod-openapi would then parse every body as a form, CSV bytes included.
      description: 'The file: its bytes, or a `multipart/form-data` field `file`',
      content: {
        'text/csv': { schema: OrgImportFileSchema },
        [EXPORT_CONTENT_TYPES.xlsx]: { schema: OrgImportFileSchema },
        'application/octet-stream': { schema: OrgImportFileSchema },
        'multipart/form-data': { schema: OrgImportFormSchema },
      },
    },
  },
  responses: {
    200: {
      description: 'What the import does (dry run) or did, row by row',
      content: { 'application/json': { schema: OrgImportReportSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

function exportRoute(format: ExportFormat) {
  return createRoute({
    method: 'get',
    path: `/orgs/export.${format}`,
    operationId: `exportOrgs${format === 'csv' ? 'Csv' : 'Xlsx'}`,
    tags: ['orgs'],
    summary: `The organisation as ${format.toUpperCase()} · 导出组织`,
    description:
      'The subtree under `root` (default: your one admin root), the root first and each unit ' +
      'before its children, in the import’s columns with Chinese headers (编码, 名称, 上级编码, ' +
      '上级, 层级, 类型) and 状态 (已撤销 for a retired unit): importing it under the same root ' +
      "changes nothing. Text cells starting with `=`, `+`, `-`, `@` get a leading `'` (the " +
      'import takes it off). Admins only.',
    security: [{ bearer: [] }],
    request: { query: OrgExportQuerySchema },
    responses: {
      200: {
        description: `The ${format.toUpperCase()} file, as an attachment`,
        content: { [EXPORT_CONTENT_TYPES[format]]: { schema: ExportFileSchema } },
      },
      ...errorResponses(400, 401, 403, 404),
    },
  })
}

/** `POST /api/orgs/import`, `GET /api/orgs/export.csv`, `GET /api/orgs/export.xlsx`. */
export function orgImportRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()
  for (const path of ['/orgs/import', '/orgs/export.csv', '/orgs/export.xlsx']) {
    router.use(path, requireUser(db))
  }

  router.openapi(importRoute, async (c) => {
    const { dryRun, root } = c.req.valid('query')
    const contentType = c.req.header('content-type') ?? ''
    let bytes: Uint8Array
    let fileType: string | undefined = contentType
    if (contentType.toLowerCase().startsWith('multipart/form-data')) {
      const file = (c.req.valid('form') as { file?: unknown }).file
      if (!(file instanceof Blob)) {
        throw new AppError('invalidBody', 'The form has no file: send it in the field `file`', {
          issues: [{ path: 'file', code: 'custom', message: 'No file' }],
        })
      }
      bytes = new Uint8Array(await file.arrayBuffer())
      // Browsers type a .csv as application/vnd.ms-excel on Windows: the bytes tell best.
      fileType = undefined
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer())
    }
    if (bytes.length === 0) {
      throw new AppError('invalidBody', 'The file is empty', {
        issues: [{ path: 'file', code: 'custom', message: 'No bytes' }],
      })
    }
    const report = await importOrgs(db, c.var.user, bytes, {
      dryRun: dryRun === 'true',
      rootId: root,
      contentType: fileType,
    })
    return c.json(report, 200)
  })

  for (const format of ['csv', 'xlsx'] as const) {
    router.openapi(exportRoute(format), async (c) => {
      const root = await importRoot(db, c.var.user, c.req.valid('query').root)
      return exportOrgs(db, root, format)
    })
  }
  return router
}
