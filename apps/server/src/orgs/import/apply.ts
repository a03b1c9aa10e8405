import { queryRows } from '@yardstick/db'
import { sql } from 'drizzle-orm'
import { type AuditEntry, type DbOrTx, recordAudit } from '../../audit/record'
import type { OrgImportPlan } from './plan'
import type { ImportScope, UnitKey } from './resolve'

/** Rows per multi-row statement: well under PostgreSQL's 65,535 bind parameters. */
export const IMPORT_CHUNK = 1000

/** How many rows applying wrote. */
export interface AppliedCounts {
  created: number
  updated: number
  /** Units whose path changed because they, or a unit above them, moved. */
  repathed: number
}

/**
 * Writes a plan without refusals, set-based, in the caller's transaction: ids for the new units
 * drawn from the sequence in one query, every path computed from the new tree (a unit's path is
 * its parent's path and its id — so a moved unit's subtree is rewritten, as `moveOrg` in
 * apps/server/src/orgs/org-edits.ts does), then per chunk of `IMPORT_CHUNK` rows one INSERT
 * (parents first) and one UPDATE for changed units, each taking its rows as one array per column
 * (`unnest`: seven bind parameters, not seven per row), and the audit entries (`org.create`, `org.rename`,
 * `org.retype`, `org.recode`, `org.move`, as the tree's own routes write them) in batches.
 *
 * @example
 * await db.transaction((tx) => applyOrgImport(tx, scope, plan, user.id))
 */
export async function applyOrgImport(
  tx: DbOrTx,
  scope: ImportScope,
  plan: OrgImportPlan,
  actorId: number | null,
): Promise<AppliedCounts> {
  const ids = await allocateIds(tx, plan.creates.length)
  const idOf = new Map<UnitKey, number>(
    plan.creates.map((create, i) => [create.key, ids[i] as number]),
  )
  const id = (key: UnitKey) => (key > 0 ? key : (idOf.get(key) as number))

  const paths = new Map<UnitKey, string>([[scope.root.id, scope.root.path]])
  const pathOf = (key: UnitKey): string => {
    const known = paths.get(key)
    if (known !== undefined) return known
    const parent = plan.parents.get(key)
    if (parent === null || parent === undefined) throw new Error(`No parent for unit ${key}`)
    const path = `${pathOf(parent)}${id(key)}/`
    paths.set(key, path)
    return path
  }

  const entries: AuditEntry[] = []
  const created = plan.creates.map((create) => {
    const row = {
      id: id(create.key),
      parentId: id(create.parent),
      kind: create.kind,
      name: create.name,
      unitType: create.unitType,
      code: create.code,
      path: pathOf(create.key),
    }
    entries.push({
      actorId,
      action: 'org.create',
      entity: 'org',
      entityId: row.id,
      orgPath: row.path,
      after: row,
    })
    return row
  })
  for (let i = 0; i < created.length; i += IMPORT_CHUNK) {
    const rows = created.slice(i, i + IMPORT_CHUNK)
    const column = <K extends keyof (typeof rows)[number]>(key: K) =>
      sql.param(rows.map((r) => r[key]))
    await tx.execute(sql`insert into orgs (id, parent_id, kind, name, unit_type, code, path)
      select * from unnest(${column('id')}::int[], ${column('parentId')}::int[],
        ${column('kind')}::text[], ${column('name')}::text[], ${column('unitType')}::text[],
        ${column('code')}::text[], ${column('path')}::text[])`)
  }

  const updates = new Map(plan.updates.map((update) => [update.id, update]))
  const changed: ChangedRow[] = []
  let repathed = 0
  for (const unit of scope.units) {
    const update = updates.get(unit.id)
    const path = pathOf(unit.id)
    if (!update && path === unit.path) continue
    if (path !== unit.path) repathed++
    const after = update?.after ?? {}
    const parentId = after.parentId === undefined ? unit.parentId : id(after.parentId)
    changed.push({
      id: unit.id,
      name: after.name ?? unit.name,
      unitType: 'unitType' in after ? (after.unitType ?? null) : unit.unitType,
      code: 'code' in after ? (after.code ?? null) : unit.code,
      parentId,
      path,
    })
    if (!update) continue
    for (const field of ['name', 'unitType', 'code'] as const) {
      if (!(field in update.after)) continue
      entries.push({
        actorId,
        action: `org.${VERBS[field]}`,
        entity: 'org',
        entityId: unit.id,
        orgPath: path,
        before: { [field]: update.before[field] },
        after: { [field]: update.after[field] },
      })
    }
    if (update.moved) {
      entries.push({
        actorId,
        action: 'org.move',
        entity: 'org',
        entityId: unit.id,
        orgPath: path,
        before: { parentId: unit.parentId, path: unit.path },
        after: { parentId, path },
      })
    }
  }
  for (let i = 0; i < changed.length; i += IMPORT_CHUNK) {
    const rows = changed.slice(i, i + IMPORT_CHUNK)
    const column = <K extends keyof ChangedRow>(key: K) => sql.param(rows.map((r) => r[key]))
    await tx.execute(sql`update orgs as o
      set name = v.name, unit_type = v.unit_type, code = v.code, parent_id = v.parent_id, path = v.path
      from unnest(${column('id')}::int[], ${column('name')}::text[], ${column('unitType')}::text[],
        ${column('code')}::text[], ${column('parentId')}::int[], ${column('path')}::text[])
        as v(id, name, unit_type, code, parent_id, path)
      where o.id = v.id`)
  }
  for (let i = 0; i < entries.length; i += IMPORT_CHUNK) {
    await recordAudit(tx, ...entries.slice(i, i + IMPORT_CHUNK))
  }
  return { created: created.length, updated: plan.updates.length, repathed }
}

interface ChangedRow {
  id: number
  name: string
  unitType: string | null
  code: string | null
  parentId: number | null
  path: string
}

const VERBS = { name: 'rename', unitType: 'retype', code: 'recode' } as const

// One query for every new id, so paths (which hold ids) are known before the first INSERT.
async function allocateIds(tx: DbOrTx, count: number): Promise<number[]> {
  if (count === 0) return []
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id from generate_series(1, ${count}::int)`,
  )
  return rows.map((row) => Number(row.id))
}
