import type { AuditEntry } from '@yardstick/contract'
import type { CellValue } from '../exports/cells'
import type { XlsxColumn } from '../exports/xlsx-stream'

const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
})

/** The columns of the audit export, Chinese headers as offices read them. */
export const AUDIT_COLUMNS: readonly XlsxColumn[] = [
  { header: '编号', width: 10 },
  { header: '时间（北京时间）', width: 20 },
  { header: '操作人', width: 16 },
  { header: '操作', width: 20 },
  { header: '对象', width: 12 },
  { header: '对象编号', width: 10 },
  { header: '组织路径', width: 16 },
  { header: '修改前', width: 40 },
  { header: '修改后', width: 40 },
]

/**
 * One audit entry as a row of the export: the time in Beijing time, the actor's name (系统 for
 * the system), before and after as JSON text. Cells are neutralised where they are written.
 *
 * @example
 * auditRow(entry) // [12, '2025-03-01 09:30:00', '张三', 'org.move', 'org', '17', '/1/4/17/', '{…}', '{…}']
 */
export function auditRow(entry: AuditEntry): CellValue[] {
  const json = (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value)
  return [
    entry.id,
    BEIJING_TIME.format(new Date(entry.at)),
    entry.actorId === null ? '系统' : (entry.actorName ?? String(entry.actorId)),
    entry.action,
    entry.entity,
    entry.entityId,
    entry.orgPath,
    json(entry.before),
    json(entry.after),
  ]
}
