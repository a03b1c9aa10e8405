import { schema } from '@yardstick/db'
import { and, asc, eq } from 'drizzle-orm'
import type { Fixture } from './harness'

/** One `audit_log` row as the audit tests read it. */
export type AuditRow = typeof schema.auditLog.$inferSelect

/**
 * The audit entries of an entity (or of every entity of a kind), oldest first: what the tests of
 * each audited flow read after a change or a refusal.
 *
 * @example
 * const [entry] = await auditOf(f, 'form', formId)
 */
export async function auditOf(
  f: Fixture,
  entity: string,
  entityId?: string | number,
): Promise<AuditRow[]> {
  const { auditLog } = schema
  const where =
    entityId === undefined
      ? eq(auditLog.entity, entity)
      : and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId)))
  return f.database.db.select().from(auditLog).where(where).orderBy(asc(auditLog.id))
}

/** Every audit entry, oldest first, as one JSON text per row (to search for what must not be there). */
export async function auditTexts(f: Fixture): Promise<string[]> {
  const rows = await f.database.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id))
  return rows.map((row) => JSON.stringify(row))
}
