import { type Db, schema } from '@yardstick/db'
import { asc, like } from 'drizzle-orm'
import type { CellValue } from '../../exports/cells'
import { download, type ExportFormat, inOneBatch } from '../../exports/download'
import type { XlsxColumn } from '../../exports/xlsx-stream'
import { UNIT_TYPE_LABELS } from '../unit-types'
import { columnHeader, KIND_LABELS } from './columns'

/** The export's columns: the import's, headed in Chinese, and 状态 (which the import ignores). */
export const ORG_EXPORT_COLUMNS: readonly XlsxColumn[] = [
  { header: columnHeader('code'), width: 14 },
  { header: columnHeader('name'), width: 30 },
  { header: columnHeader('parentCode'), width: 14 },
  { header: columnHeader('parent'), width: 40 },
  { header: columnHeader('kind'), width: 10 },
  { header: columnHeader('unitType'), width: 12 },
  { header: '状态', width: 10 },
]

/**
 * The rows of a subtree's export, the root first and each unit before its children (children
 * in id order): 编码, 名称, 上级编码, 上级 (the name path from the root, `机关工委/第一分工委`),
 * 层级, 类型 (zh-CN labels) and 状态 (已撤销 for a retired unit). Importing them under the same
 * root changes nothing.
 *
 * @example
 * const rows = await orgExportRows(db, { id: 1, path: '/1/' })
 */
export async function orgExportRows(
  db: Db,
  root: { id: number; path: string },
): Promise<CellValue[][]> {
  const units = await db
    .select({
      id: schema.orgs.id,
      parentId: schema.orgs.parentId,
      kind: schema.orgs.kind,
      name: schema.orgs.name,
      unitType: schema.orgs.unitType,
      code: schema.orgs.code,
      retiredAt: schema.orgs.retiredAt,
    })
    .from(schema.orgs)
    .where(like(schema.orgs.path, `${root.path}%`))
    .orderBy(asc(schema.orgs.id))
  const children = new Map<number, typeof units>()
  for (const unit of units) {
    if (unit.id === root.id || unit.parentId === null) continue
    const list = children.get(unit.parentId)
    if (list) list.push(unit)
    else children.set(unit.parentId, [unit])
  }
  const rows: CellValue[][] = []
  const visit = (
    unit: (typeof units)[number],
    parent: { code: string | null; path: string } | null,
  ) => {
    rows.push([
      unit.code,
      unit.name,
      parent?.code ?? null,
      parent?.path ?? null,
      KIND_LABELS[unit.kind]['zh-CN'],
      unit.unitType ? UNIT_TYPE_LABELS[unit.unitType]['zh-CN'] : null,
      unit.retiredAt ? '已撤销' : null,
    ])
    const path = parent ? `${parent.path}/${unit.name}` : unit.name
    for (const child of children.get(unit.id) ?? []) visit(child, { code: unit.code, path })
  }
  const top = units.find((unit) => unit.id === root.id)
  if (top) visit(top, null)
  return rows
}

/**
 * `GET /api/orgs/export.{csv,xlsx}`: the subtree as a download (CSV with BOM, or XLSX), cells
 * neutralised against formulas like every export.
 *
 * @example
 * return exportOrgs(db, root, 'xlsx')
 */
export async function exportOrgs(
  db: Db,
  root: { id: number; path: string; name: string },
  format: ExportFormat,
): Promise<Response> {
  const rows = await orgExportRows(db, root)
  return download({
    format,
    sheetName: '组织',
    columns: ORG_EXPORT_COLUMNS,
    batches: inOneBatch(rows),
    fileName: `组织-${root.name}`,
    asciiName: `organisation-${root.id}`,
  })
}
