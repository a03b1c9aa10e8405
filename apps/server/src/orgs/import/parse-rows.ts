import type { ImportIssue, OrgTableColumn } from '@yardstick/contract'
import type { OrgKind, UnitType } from '@yardstick/db'
import type { TableRow } from '../../imports/read-table'
import { normaliseCode, normaliseName } from '../tree-rules'
import { cellText, columnHeader, parentPath, parseKind, parseUnitType } from './columns'

/** One row of a branch file, its cells read and checked on their own (no tree yet). */
export interface ParsedOrgRow {
  row: number
  /** Trimmed; '' when missing (then `issues` says so). */
  name: string
  code: string | null
  parentCode: string | null
  /** The 上级 name path, split; null when the cell is empty. */
  parentPath: string[] | null
  /** The 层级 cell; null when empty (then the kind comes from the unit or the type). */
  kind: OrgKind | null
  unitType: UnitType | null
  issues: ImportIssue[]
}

/**
 * Reads each row's cells: the name (required, at most `MAX_NAME_LENGTH`), the codes (at most
 * `MAX_CODE_LENGTH`), the type and kind by key or label. Issues name the row's column.
 *
 * @example
 * parseOrgRows([{ row: 2, cells: { name: '第一党支部', unitType: '机关' } }])[0].unitType // 'organ'
 */
export function parseOrgRows(rows: readonly TableRow<OrgTableColumn>[]): ParsedOrgRow[] {
  return rows.map(({ row, cells }) => {
    const issues: ImportIssue[] = []
    const issue = (column: OrgTableColumn, code: string, message: string) =>
      issues.push({ column: columnHeader(column), code, message })

    const name = normaliseName(cellText(cells.name) ?? '')
    if (!name.ok) issue('name', name.issue.code, name.issue.message)
    const code = normaliseCode(cellText(cells.code))
    if (!code.ok) issue('code', code.issue.code, code.issue.message)
    const parentCode = normaliseCode(cellText(cells.parentCode))
    if (!parentCode.ok) issue('parentCode', parentCode.issue.code, parentCode.issue.message)

    const kindCell = cellText(cells.kind)
    const kind = kindCell === null ? null : parseKind(kindCell)
    if (kindCell !== null && kind === null) {
      issue(
        'kind',
        'unknownKind',
        `"${kindCell}" is not a level: committee, subcommittee or branch (工委, 分工委, 党支部)`,
      )
    }
    const typeCell = cellText(cells.unitType)
    const unitType = typeCell === null ? null : parseUnitType(typeCell)
    if (typeCell !== null && unitType === null) {
      issue(
        'unitType',
        'unknownUnitType',
        `"${typeCell}" is not a branch type (机关, 企业, 事业单位, 学校, 医院, 科研院所, 社会组织, 离退休 or their keys)`,
      )
    }
    const pathCell = cellText(cells.parent)
    return {
      row,
      name: name.ok ? name.value : '',
      code: code.ok ? code.value : null,
      parentCode: parentCode.ok ? parentCode.value : null,
      parentPath: pathCell === null ? null : parentPath(pathCell),
      kind,
      unitType,
      issues,
    }
  })
}
