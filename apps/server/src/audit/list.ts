import type { AuditEntry, AuditQuery } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { and, count, desc, eq, gte, isNull, like, lt, or, type SQL } from 'drizzle-orm'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { isTopUnit } from '../orgs/tree-rules'

const { auditLog, users, orgs } = schema

/**
 * Which audit entries an admin may read, as SQL: those recorded within the subtree of one of
 * their admin grants (the entry's `orgPath`, as it was when recorded), and entries that belong
 * to no organisation (`orgPath` null: e.g. a user's own password change) only for an admin of a
 * top committee. 403 for a user with no admin grant.
 *
 * @example
 * db.select().from(schema.auditLog).where(auditVisibleTo(user))
 */
export function auditVisibleTo(user: AuthUser): SQL {
  const paths = [...new Set(user.grants.filter((g) => g.role === 'admin').map((g) => g.path))]
  if (paths.length === 0) {
    throw new AppError('forbidden', 'Only admins read the audit log', { roles: ['admin'] })
  }
  const within = paths.map((path) => like(auditLog.orgPath, `${path}%`))
  if (paths.some((path) => isTopUnit({ path }))) within.push(isNull(auditLog.orgPath))
  return or(...within) as SQL
}

/**
 * The conditions of a query's filters (exact `entity`, `action`, `actorId`; `at` within
 * [`from`, `to`); `subtree`: recorded within that organisation's subtree, 404 when unknown).
 *
 * @example
 * const where = await auditFilters(db, { action: 'org.move' })
 */
export async function auditFilters(db: Db, query: AuditQuery): Promise<SQL[]> {
  const where: SQL[] = []
  if (query.entity !== undefined) where.push(eq(auditLog.entity, query.entity))
  if (query.action !== undefined) where.push(eq(auditLog.action, query.action))
  if (query.actorId !== undefined) where.push(eq(auditLog.actorId, query.actorId))
  if (query.from !== undefined) where.push(gte(auditLog.at, new Date(query.from)))
  if (query.to !== undefined) where.push(lt(auditLog.at, new Date(query.to)))
  if (query.subtree !== undefined) {
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, query.subtree))
    if (!org) throw new AppError('notFound', `No organisation ${query.subtree}`)
    where.push(like(auditLog.orgPath, `${org.path}%`))
  }
  return where
}

/**
 * The whole condition of a query a user runs: what they may read and what they filter. Throws
 * (403, 404) before anything is streamed.
 *
 * @example
 * const where = await auditWhere(db, user, { entity: 'org' })
 */
export async function auditWhere(db: Db, user: AuthUser, query: AuditQuery): Promise<SQL> {
  const visible = auditVisibleTo(user)
  return and(visible, ...(await auditFilters(db, query))) as SQL
}

const COLUMNS = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: users.name,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  orgPath: auditLog.orgPath,
  before: auditLog.before,
  after: auditLog.after,
}
type Row = Omit<AuditEntry, 'at'> & { at: Date }

function entry(row: Row): AuditEntry {
  return { ...row, at: row.at.toISOString(), actorName: row.actorName ?? null }
}

/**
 * One page of the audit log a user may read, newest first, with the actor's name.
 *
 * @example
 * const page = await listAudit(db, user, { action: 'org.move', limit: 20, offset: 0 })
 */
export async function listAudit(
  db: Db,
  user: AuthUser,
  query: AuditQuery & { limit: number; offset: number },
) {
  const where = await auditWhere(db, user, query)
  const [rows, [total]] = await Promise.all([
    db
      .select(COLUMNS)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ])
  const n = Number(total?.n ?? 0)
  const next = query.offset + rows.length
  return {
    items: rows.map(entry),
    total: n,
    nextOffset: next < n ? next : null,
    nextCursor: null,
  }
}

/**
 * Every entry matching `where` (from `auditWhere`), newest first, in batches of `size` (keyset
 * on the id), for a streamed export.
 *
 * @example
 * for await (const batch of auditBatches(db, await auditWhere(db, user, {}))) write(batch)
 */
export async function* auditBatches(db: Db, where: SQL, size = 1000): AsyncGenerator<AuditEntry[]> {
  let before: number | null = null
  for (;;) {
    const rows: Row[] = await db
      .select(COLUMNS)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(before === null ? where : and(where, lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(size)
    if (rows.length > 0) yield rows.map(entry)
    if (rows.length < size) return
    before = rows[rows.length - 1]?.id ?? null
  }
}
