import { ORG_TABLE_HEADERS, type OrgTableColumn } from '@yardstick/contract'
import { ORG_KINDS, type OrgKind, UNIT_TYPES, type UnitType } from '@yardstick/db'
import { unneutralise } from '../../exports/cells'
import type { TableColumn } from '../../imports/read-table'
import { UNIT_TYPE_LABELS } from '../unit-types'

/** The columns `readTable` looks for in a branch file: only 名称 is required. */
export const ORG_IMPORT_COLUMNS: readonly TableColumn<OrgTableColumn>[] = (
  Object.keys(ORG_TABLE_HEADERS) as OrgTableColumn[]
).map((key) => ({ key, headers: ORG_TABLE_HEADERS[key], required: key === 'name' }))

/** The header an issue names for a column: the zh-CN one the export writes. */
export function columnHeader(key: OrgTableColumn): string {
  return ORG_TABLE_HEADERS[key][0]
}

/** 层级 as the export writes it, zh-CN. */
export const KIND_LABELS = {
  committee: { 'zh-CN': '工委', en: 'Committee' },
  subcommittee: { 'zh-CN': '分工委', en: 'Sub-committee' },
  branch: { 'zh-CN': '党支部', en: 'Branch' },
} as const satisfies Record<OrgKind, { 'zh-CN': string; en: string }>

const fold = (text: string) => text.replace(/[\s\u3000_-]/g, '').toLowerCase()

const KIND_WORDS = new Map<string, OrgKind>([
  ...ORG_KINDS.flatMap((kind) => [
    [fold(kind), kind] as const,
    [fold(KIND_LABELS[kind]['zh-CN']), kind] as const,
    [fold(KIND_LABELS[kind].en), kind] as const,
  ]),
  [fold('党工委'), 'committee'],
  [fold('党委'), 'committee'],
  [fold('支部'), 'branch'],
])

const TYPE_WORDS = new Map<string, UnitType>(
  UNIT_TYPES.flatMap((type) => [
    [fold(type), type] as const,
    [fold(UNIT_TYPE_LABELS[type]['zh-CN']), type] as const,
    [fold(UNIT_TYPE_LABELS[type].en), type] as const,
  ]),
)

/**
 * A 层级 cell as a kind: the key (`branch`), its zh-CN or English label, in any case or spacing;
 * null when it names none.
 *
 * @example
 * parseKind('分工委') // 'subcommittee'
 */
export function parseKind(cell: string): OrgKind | null {
  return KIND_WORDS.get(fold(cell)) ?? null
}

/**
 * A 类型 cell as a branch type: the key (`publicInstitution`) or its zh-CN or English label
 * (`UNIT_TYPE_LABELS`); null when it names none.
 *
 * @example
 * parseUnitType('事业单位') // 'publicInstitution'
 */
export function parseUnitType(cell: string): UnitType | null {
  return TYPE_WORDS.get(fold(cell)) ?? null
}

/**
 * A cell as the export wrote it, back to its text: the export puts a `'` before text a
 * spreadsheet would run as a formula (apps/server/src/exports/cells.ts), the import takes it off.
 *
 * @example
 * cellText("'-第一支部") // '-第一支部'
 */
export function cellText(cell: string | undefined): string | null {
  if (cell === undefined) return null
  const text = unneutralise(cell)
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}

/**
 * A 上级 cell as its name path: `机关工委/第一分工委` → ['机关工委', '第一分工委'] (full-width
 * slashes and spaces around them accepted).
 *
 * @example
 * parentPath('机关工委 / 第一分工委') // ['机关工委', '第一分工委']
 */
export function parentPath(cell: string): string[] {
  return cell
    .split(/[/／]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
}
