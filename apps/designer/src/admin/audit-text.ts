import { shown } from './import-report'

/** One field an audited change touched: its value before and after (`—` where absent). */
export interface AuditChange {
  field: string
  before: string
  after: string
}

/**
 * The fields an audit entry changed, `before → after`, in the order they first appear; a field
 * whose value is the same on both sides is left out. A creation has no `before`, a removal no
 * `after`; a value that is not an object shows as the field `''`.
 *
 * @example
 * auditChanges({ name: '一支部' }, { name: '第一支部' }) // [{ field: 'name', before: '一支部', after: '第一支部' }]
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const a = asRecord(before)
  const b = asRecord(after)
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return fields
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field, before: shown(a[field]), after: shown(b[field]) }))
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {}
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  return { '': value }
}

/**
 * The message key naming an action in words (`audit.action.org.move`), or of its entity and its
 * verb when the action has no words of its own; `has` tells which keys the tables hold.
 *
 * @example
 * actionKeys('org.move', has) // ['audit.action.org.move']
 */
export function actionKeys(action: string, has: (key: string) => boolean): string[] | null {
  const own = `audit.action.${action}`
  if (has(own)) return [own]
  const [entity = '', verb = ''] = action.split('.')
  const parts = [`audit.entity.${entity}`, `audit.verb.${verb}`]
  return parts.every(has) ? parts : null
}
