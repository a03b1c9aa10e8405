import { type Db, schema } from '@yardstick/db'

/** A database or a transaction on it: an audit entry is written in the change's own transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0]

/** One change as the audit log keeps it (`audit_log`). */
export interface AuditEntry {
  /** Who did it: a user id, or null for the system (seed, import run by a script). */
  actorId: number | null
  /** `entity.verb`, e.g. `org.move`, `user.deactivate`, `role.grant`, `form.publish`. */
  action: string
  entity: string
  entityId: string | number
  /** The path of the organisation the change belongs to (`/1/4/`): who may read the entry. */
  orgPath: string | null
  before?: unknown
  after?: unknown
}

/**
 * Appends changes to the audit log in the caller's transaction, so a change and its entry commit
 * or roll back together. Never pass a token, a password (hash or not) or anything that links an
 * anonymous response to a person: the log is read by admins.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(orgs).set({ name }).where(eq(orgs.id, id))
 *   await recordAudit(tx, { actorId: user.id, action: 'org.rename', entity: 'org', entityId: id,
 *     orgPath: org.path, before: { name: org.name }, after: { name } })
 * })
 */
export async function recordAudit(db: DbOrTx, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.insert(schema.auditLog).values(
    entries.map((entry) => ({
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      orgPath: entry.orgPath,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  )
}
