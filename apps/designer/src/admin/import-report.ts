import type { ImportAction, ImportReport, ImportRow } from '@yardstick/contract'

/** The order a dry run lists its rows in: what stops the import first, what changes nothing last. */
export const ACTION_ORDER = [
  'refuse',
  'create',
  'update',
  'unchanged',
] as const satisfies readonly ImportAction[]

/** One line of the dry-run table: a row of the file, or one of its issues. */
export interface ReportLine {
  key: string
  row: number
  action: ImportAction
  label: string
  /** The column the issue is about, or null (a row without issues, or an issue of the row). */
  column: string | null
  /** The issue's code and the server's message, or null for a row without issues. */
  issue: { code: string; message: string } | null
  changes: ImportRow['changes']
  /** Whether this is the row's first line (the row number and label show once). */
  first: boolean
  /** How many lines the row takes. */
  span: number
}

/**
 * The rows of a report grouped by action (refusals first, then what is created, changed and left
 * as it is), each group in file order, and each row as one line per issue.
 *
 * @example
 * reportGroups(report).map((g) => g.action) // ['refuse', 'create']
 */
export function reportGroups(
  report: Pick<ImportReport, 'rows'>,
): Array<{ action: ImportAction; lines: ReportLine[]; rows: number }> {
  return ACTION_ORDER.map((action) => {
    const rows = report.rows.filter((row) => row.action === action).sort((a, b) => a.row - b.row)
    return { action, rows: rows.length, lines: rows.flatMap(linesOf) }
  }).filter((group) => group.rows > 0)
}

function linesOf(row: ImportRow): ReportLine[] {
  const base = { row: row.row, action: row.action, label: row.label, changes: row.changes }
  if (row.issues.length === 0) {
    return [{ ...base, key: `${row.row}`, column: null, issue: null, first: true, span: 1 }]
  }
  return row.issues.map((issue, index) => ({
    ...base,
    key: `${row.row}:${index}`,
    column: issue.column,
    issue: { code: issue.code, message: issue.message },
    first: index === 0,
    span: row.issues.length,
  }))
}

/**
 * Whether a dry run may be applied: nothing refused and something to do.
 *
 * @example
 * canApply({ dryRun: true, counts: { create: 3, update: 0, unchanged: 0, refuse: 0 } }) // true
 */
export function canApply(report: Pick<ImportReport, 'dryRun' | 'counts'>): boolean {
  const { create, update, refuse } = report.counts
  return report.dryRun && refuse === 0 && create + update > 0
}

/**
 * A row's changes as `field: before → after` (for an update), in the file's field order, each
 * field named by `fieldName` (default: its key).
 *
 * @example
 * changesText({ name: { before: '一支部', after: '第一支部' } }) // ['name: 一支部 → 第一支部']
 */
export function changesText(
  changes: ImportRow['changes'],
  fieldName: (field: string) => string = (field) => field,
): string[] {
  return Object.entries(changes).map(
    ([field, { before, after }]) => `${fieldName(field)}: ${shown(before)} → ${shown(after)}`,
  )
}

/** A value as one short text (empty for null). */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value || '—'
  return JSON.stringify(value)
}
