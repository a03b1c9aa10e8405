import { z } from '@hono/zod-openapi'
import { RowIdQuerySchema } from './ids'
import { ImportReportSchema } from './imports'

/**
 * The issue codes only the branch import gives (beside the tree's own rules — `wrongKind`,
 * `parentRetired`, `unitTypeRequired`, `unknownUnitType`, `cycle`, `nameRequired`, `nameTooLong`,
 * `codeTooLong`, `duplicateCode` — which the import words the same way as the routes).
 */
export const ORG_IMPORT_ISSUE_CODES = [
  /** The 层级 cell is not committee / subcommittee / branch (工委 / 分工委 / 党支部). */
  'unknownKind',
  /** The row names an existing unit of another kind: an import never changes a unit's kind. */
  'kindChange',
  /** No unit in the file or under the import's root has the parent code or name path. */
  'parentNotFound',
  /** A single parent name that several units carry: give the name path or the parent code. */
  'parentAmbiguous',
  /** The parent code and the parent name path name two different units. */
  'parentMismatch',
  /** The parent lies outside the subtree the file is imported under. */
  'parentOutsideRoot',
  /** A code of the committee held by a unit outside the import's root. */
  'codeOutsideRoot',
  /** Two rows name the same unit (the same code, or the same name under the same parent). */
  'duplicateRow',
  /** The row names the import's root itself with a parent: the root stays where it is. */
  'rootMove',
] as const
export type OrgImportIssueCode = (typeof ORG_IMPORT_ISSUE_CODES)[number]

const RootQuery = RowIdQuerySchema.optional().openapi({
  description:
    'The unit the file is placed under (rows without a parent go directly under it); an ' +
    'organisation where you hold `admin`. Default: your one admin root (400 when you have several).',
})

/** `POST /api/orgs/import?dryRun=&root=`. */
export const OrgImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('true').openapi({
    description:
      '`true` (the default): only report what applying would do. `false`: apply, when no row is refused.',
  }),
  root: RootQuery,
})
export type OrgImportQuery = z.infer<typeof OrgImportQuerySchema>

/** The uploaded file as raw bytes (`text/csv` or the XLSX content type). */
export const OrgImportFileSchema = z.string().openapi({ type: 'string', format: 'binary' })

/** The uploaded file as a `multipart/form-data` field `file` (what a browser's form sends). */
export const OrgImportFormSchema = z
  .object({ file: z.any().openapi({ type: 'string', format: 'binary' }) })
  .openapi('OrgImportForm')

/** The answer of `POST /api/orgs/import`: the common import report and the root it used. */
export const OrgImportReportSchema = ImportReportSchema.extend({
  rootId: z.number().int().openapi({ description: 'The unit the file was placed under' }),
}).openapi('OrgImportReport')
export type OrgImportReport = z.infer<typeof OrgImportReportSchema>

/** `GET /api/orgs/export.{csv,xlsx}?root=`. */
export const OrgExportQuerySchema = z.object({ root: RootQuery })
export type OrgExportQuery = z.infer<typeof OrgExportQuerySchema>

/**
 * The columns of the branch import and export, zh-CN header first (the export writes it), then
 * the other headers an import accepts.
 */
export const ORG_TABLE_HEADERS = {
  code: ['编码', '代码', '组织编码', 'code'],
  name: ['名称', '组织名称', '支部名称', 'name'],
  parentCode: ['上级编码', '上级代码', 'parent code', 'parentCode'],
  parent: ['上级', '上级组织', '上级名称路径', 'parent', 'parent path'],
  kind: ['层级', '组织层级', 'kind', 'level'],
  unitType: ['类型', '支部类型', 'type', 'unit type', 'unitType'],
} as const
export type OrgTableColumn = keyof typeof ORG_TABLE_HEADERS
