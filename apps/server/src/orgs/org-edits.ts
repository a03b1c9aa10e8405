import type { UpdateOrgInput } from '@yardstick/contract'
import { type Db, type OrgKind, schema, type UnitType } from '@yardstick/db'
import { and, eq, isNull, like, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { AppError } from '../http/errors'
import { linkContexts } from '../submissions/link-context'
import { insertOrg } from './org-tree'
import {
  committeeOf,
  duplicateCodeIssue,
  moveIssue,
  normaliseCode,
  normaliseName,
  parentIssue,
  restoreIssue,
  retireIssue,
  type TreeIssue,
  unitTypeIssue,
} from './tree-rules'

/** A row of `orgs`. */
export type OrgRow = typeof schema.orgs.$inferSelect
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/**
 * Who changes the tree, and the check a route runs on the units once they are read (inside the
 * change's transaction, before any rule): e.g. that the user is an admin reaching them.
 */
export interface OrgEditOptions {
  /** The user recorded in the audit log; null for the system. */
  actorId: number | null
  /** Throws to refuse (403): gets the unit and, for a create or a move, the parent. */
  authorise?: (unit: OrgRow | null, parent: OrgRow | null) => void
}

/** What `createOrg` needs (the API's `CreateOrg`, or any unit kind for scripts). */
export interface CreateOrgFields {
  parentId: number
  kind: OrgKind
  name: string
  unitType?: UnitType | null
  code?: string | null
}

/** 409 `treeRule` for a refusal of `tree-rules.ts`, its code in `details.rule`. */
export function treeError(issue: TreeIssue, details: Record<string, unknown> = {}): AppError {
  return new AppError('treeRule', issue.message, { rule: issue.code, ...details })
}

/**
 * Creates a unit under a parent: the parent must take it (not retired, the right kind), a branch
 * needs its type, a code must be free under the committee. Writes `org.create`.
 *
 * @example
 * const unit = await createOrg(db, { parentId: 4, kind: 'branch', name: '第四党支部', unitType: 'school' }, { actorId: 1 })
 */
export async function createOrg(
  db: Db,
  fields: CreateOrgFields,
  { actorId, authorise }: OrgEditOptions,
): Promise<OrgRow> {
  const name = checked(normaliseName(fields.name))
  const code = checked(normaliseCode(fields.code))
  return await db.transaction(async (tx) => {
    const parent = await lockOrg(tx, fields.parentId, 'parentId')
    authorise?.(null, parent)
    refuse(parentIssue(parent, fields.kind), { parentId: parent.id })
    refuse(unitTypeIssue(fields.kind, fields.unitType), { kind: fields.kind })
    await assertCodeFree(tx, code, parent.path, null)
    const row = await withCodeCheck(code, parent.path, () =>
      insertOrg(tx, {
        parentId: parent.id,
        kind: fields.kind,
        name,
        unitType: fields.unitType ?? null,
        code,
      }),
    )
    await recordAudit(tx, {
      actorId,
      action: 'org.create',
      entity: 'org',
      entityId: row.id,
      orgPath: row.path,
      after: snapshot(row),
    })
    return row
  })
}

/**
 * Renames a unit, changes its branch type or sets its code (null or blank clears it). Writes one
 * audit entry per field that changes (`org.rename`, `org.retype`, `org.recode`); a change to
 * nothing writes none.
 *
 * @example
 * await updateOrg(db, 17, { name: '第一党支部（机关）' }, { actorId: 1 })
 */
export async function updateOrg(
  db: Db,
  id: number,
  changes: UpdateOrgInput,
  { actorId, authorise }: OrgEditOptions,
): Promise<OrgRow> {
  const name = changes.name === undefined ? undefined : checked(normaliseName(changes.name))
  const code = changes.code === undefined ? undefined : checked(normaliseCode(changes.code))
  const updated = await db.transaction(async (tx) => {
    const unit = await lockOrg(tx, id)
    authorise?.(unit, null)
    if (changes.unitType !== undefined) {
      refuse(unitTypeIssue(unit.kind, changes.unitType), { kind: unit.kind })
    }
    const set: Partial<Pick<OrgRow, 'name' | 'unitType' | 'code'>> = {}
    if (name !== undefined && name !== unit.name) set.name = name
    if (changes.unitType !== undefined && changes.unitType !== unit.unitType) {
      set.unitType = changes.unitType
    }
    if (code !== undefined && code !== unit.code) set.code = code
    if (Object.keys(set).length === 0) return unit
    if (set.code) await assertCodeFree(tx, set.code, unit.path, unit.id)
    const [row] = await withCodeCheck(set.code ?? null, unit.path, () =>
      tx.update(schema.orgs).set(set).where(eq(schema.orgs.id, id)).returning(),
    )
    if (!row) throw new AppError('notFound', `No organisation ${id}`)
    const verbs = { name: 'rename', unitType: 'retype', code: 'recode' } as const
    await recordAudit(
      tx,
      ...(Object.keys(set) as Array<keyof typeof set>).map((field) => ({
        actorId,
        action: `org.${verbs[field]}`,
        entity: 'org',
        entityId: id,
        orgPath: row.path,
        before: { [field]: unit[field] },
        after: { [field]: row[field] },
      })),
    )
    return row
  })
  // Links show the unit's name and answer its type's instrument: seen at once in this process.
  linkContexts(db).invalidateUnit(id)
  return updated
}

/**
 * Moves a unit under another parent with its whole subtree: every path under it is rewritten in
 * one UPDATE (a prefix replace); role grants, campaigns and results follow the ids. Refuses the
 * top committee, a cycle, a retired parent, a wrong kind, and a code already used under the new
 * committee. Writes `org.move` (at the unit's new path).
 *
 * @example
 * await moveOrg(db, 17, 5, { actorId: 1 })
 */
export async function moveOrg(
  db: Db,
  id: number,
  parentId: number,
  { actorId, authorise }: OrgEditOptions,
): Promise<OrgRow> {
  const unitMoved = await db.transaction(async (tx) => {
    const unit = await lockOrg(tx, id)
    const parent = await lockOrg(tx, parentId, 'parentId')
    authorise?.(unit, parent)
    refuse(moveIssue(unit, parent), { parentId })
    if (unit.parentId === parent.id) return unit
    const oldPath = unit.path
    const newPath = `${parent.path}${unit.id}/`
    const { orgs } = schema
    const moved = await withCodeCheck(null, parent.path, () =>
      tx
        .update(orgs)
        .set({
          path: sql`${newPath} || substr(${orgs.path}, ${oldPath.length + 1})`,
          parentId: sql`case when ${orgs.id} = ${id} then ${parent.id}::int else ${orgs.parentId} end`,
        })
        .where(like(orgs.path, `${oldPath}%`))
        .returning({ id: orgs.id }),
    )
    const [row] = await tx.select().from(orgs).where(eq(orgs.id, id))
    if (!row) throw new AppError('notFound', `No organisation ${id}`)
    await recordAudit(tx, {
      actorId,
      action: 'org.move',
      entity: 'org',
      entityId: id,
      orgPath: row.path,
      before: { parentId: unit.parentId, path: oldPath },
      after: { parentId: row.parentId, path: row.path, units: moved.length },
    })
    return row
  })
  // A link's unit path decides which assessors reach it: seen at once in this process.
  linkContexts(db).invalidateUnit(id)
  return unitMoved
}

/**
 * Retires a unit and every active unit under it, all at one instant: they keep their history,
 * take no new units and are offered to no new campaign. Writes `org.retire`.
 *
 * @example
 * await retireOrg(db, 17, { actorId: 1 })
 */
export async function retireOrg(
  db: Db,
  id: number,
  { actorId, authorise }: OrgEditOptions,
): Promise<OrgRow> {
  return await db.transaction(async (tx) => {
    const unit = await lockOrg(tx, id)
    authorise?.(unit, null)
    refuse(retireIssue(unit))
    const { orgs } = schema
    const at = new Date()
    const retired = await tx
      .update(orgs)
      .set({ retiredAt: at })
      .where(and(like(orgs.path, `${unit.path}%`), isNull(orgs.retiredAt)))
      .returning({ id: orgs.id })
    const row = { ...unit, retiredAt: at }
    await recordAudit(tx, {
      actorId,
      action: 'org.retire',
      entity: 'org',
      entityId: id,
      orgPath: unit.path,
      before: { retiredAt: null },
      after: { retiredAt: at.toISOString(), units: retired.map((r) => r.id) },
    })
    return row
  })
}

/**
 * Restores a retired unit and the units retired with it (same instant), under a parent that is
 * not retired. Units retired before it, on their own, stay retired. Writes `org.restore`.
 *
 * @example
 * await restoreOrg(db, 17, { actorId: 1 })
 */
export async function restoreOrg(
  db: Db,
  id: number,
  { actorId, authorise }: OrgEditOptions,
): Promise<OrgRow> {
  return await db.transaction(async (tx) => {
    const unit = await lockOrg(tx, id)
    authorise?.(unit, null)
    const parent = unit.parentId === null ? null : await lockOrg(tx, unit.parentId)
    refuse(restoreIssue(unit, parent))
    const { orgs } = schema
    const restored = await tx
      .update(orgs)
      .set({ retiredAt: null })
      // Compared in SQL, not through a JS Date: a retiredAt written by SQL keeps microseconds.
      .where(
        and(
          like(orgs.path, `${unit.path}%`),
          sql`${orgs.retiredAt} = (select o.retired_at from orgs o where o.id = ${id})`,
        ),
      )
      .returning({ id: orgs.id })
    await recordAudit(tx, {
      actorId,
      action: 'org.restore',
      entity: 'org',
      entityId: id,
      orgPath: unit.path,
      before: { retiredAt: unit.retiredAt?.toISOString() ?? null },
      after: { retiredAt: null, units: restored.map((r) => r.id) },
    })
    return { ...unit, retiredAt: null }
  })
}

/** The fields of a unit an audit entry keeps. */
function snapshot(row: OrgRow) {
  const { id, parentId, kind, name, unitType, code, path } = row
  return { id, parentId, kind, name, unitType, code, path }
}

async function lockOrg(tx: Tx, id: number, field?: string): Promise<OrgRow> {
  const [row] = await tx.select().from(schema.orgs).where(eq(schema.orgs.id, id)).for('update')
  if (row) return row
  if (field) {
    throw new AppError('invalidBody', `The request is not valid: ${field}: no organisation ${id}`, {
      issues: [{ path: field, code: 'custom', message: `No organisation ${id}` }],
    })
  }
  throw new AppError('notFound', `No organisation ${id}`)
}

function refuse(issue: TreeIssue | null, details: Record<string, unknown> = {}): void {
  if (issue) throw treeError(issue, details)
}

function checked<T>(result: { ok: true; value: T } | { ok: false; issue: TreeIssue }): T {
  if (!result.ok) throw treeError(result.issue)
  return result.value
}

/** 409 `conflict` when another unit of the committee of `underPath` holds `code`. */
async function assertCodeFree(
  tx: Tx,
  code: string | null,
  underPath: string,
  exceptId: number | null,
): Promise<void> {
  if (code === null) return
  const { orgs } = schema
  const committee = committeeOf(underPath)
  const [holder] = await tx
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(
      and(
        eq(orgs.code, code),
        sql`split_part(${orgs.path}, '/', 2) = ${String(committee)}`,
        exceptId === null ? undefined : sql`${orgs.id} <> ${exceptId}`,
      ),
    )
  if (!holder) return
  const issue = duplicateCodeIssue(code, holder.name)
  throw new AppError('conflict', issue.message, {
    rule: issue.code,
    orgCode: code,
    committee,
    holder: { id: holder.id, name: holder.name },
  })
}

/**
 * Runs a write that may break `orgs_code_unique` and turns that into 409 `conflict` naming the
 * code and the unit that holds it. A rollback follows, so the holder is read outside the write.
 */
async function withCodeCheck<T>(
  code: string | null,
  underPath: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!isUniqueViolation(error, 'orgs_code_unique')) throw error
    const issue = duplicateCodeIssue(code ?? '')
    throw new AppError(
      'conflict',
      code
        ? issue.message
        : 'A unit of the moved subtree has a code already used under the new committee',
      { rule: issue.code, orgCode: code, committee: committeeOf(underPath) },
    )
  }
}

/**
 * Whether an error (or one it wraps: drizzle puts the driver's error in `cause`) is PostgreSQL's
 * unique violation (23505) on `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error; e instanceof Error || (e && typeof e === 'object'); ) {
    const {
      code,
      constraint: name,
      cause,
    } = e as {
      code?: string
      constraint?: string
      cause?: unknown
    }
    if (code === '23505' && (name === undefined || name === constraint)) return true
    if (cause === undefined || cause === e) return false
    e = cause
  }
  return false
}
