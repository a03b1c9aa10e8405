import type { CreateCampaignInput } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { and, eq, inArray, isNull, like } from 'drizzle-orm'
import { AppError } from '../http/errors'

/** A branch a campaign assesses. */
export interface UnitRow {
  id: number
  name: string
  path: string
}

/**
 * The branches (`kind = 'branch'`) a campaign assesses: every active branch of a subtree, or
 * exactly the listed ids (each must be an active branch). A retired unit leaves future
 * campaigns: it is skipped in a subtree and refused by id (campaigns that hold it keep it).
 * Throws 400 naming what is wrong.
 *
 * @example
 * const units = await resolveUnits(db, { subtree: 4 })
 */
export async function resolveUnits(
  db: Db,
  units: CreateCampaignInput['units'],
): Promise<UnitRow[]> {
  const { orgs } = schema
  const columns = { id: orgs.id, name: orgs.name, path: orgs.path }
  if ('subtree' in units) {
    const [root] = await db
      .select({ ...columns, retiredAt: orgs.retiredAt })
      .from(orgs)
      .where(eq(orgs.id, units.subtree))
    if (!root) throw invalid('units.subtree', `No organisation ${units.subtree}`)
    if (root.retiredAt) {
      throw invalid('units.subtree', `${root.name} is retired`, { retired: [root.id] })
    }
    const branches = await db
      .select(columns)
      .from(orgs)
      .where(and(eq(orgs.kind, 'branch'), like(orgs.path, `${root.path}%`), isNull(orgs.retiredAt)))
      .orderBy(orgs.id)
    if (branches.length === 0) throw invalid('units.subtree', `${root.name} has no branches`)
    return branches
  }
  const ids = [...new Set(units.ids)]
  const rows = await db
    .select({ ...columns, kind: orgs.kind, retiredAt: orgs.retiredAt })
    .from(orgs)
    .where(inArray(orgs.id, ids))
  const found = new Map(rows.map((row) => [row.id, row]))
  const bad = ids.filter((id) => found.get(id)?.kind !== 'branch')
  if (bad.length > 0) {
    throw invalid('units.ids', `Not branches: ${bad.join(', ')}`, { ids: bad })
  }
  const retired = ids.filter((id) => found.get(id)?.retiredAt)
  if (retired.length > 0) {
    throw invalid('units.ids', `Retired units: ${retired.join(', ')}`, { retired })
  }
  return ids.map((id) => {
    const { id: unitId, name, path } = found.get(id) as UnitRow
    return { id: unitId, name, path }
  })
}

/**
 * The id of the deepest organisation strictly above every unit, or null when they share none.
 *
 * @example
 * commonAncestorId(['/1/4/7/', '/1/4/9/']) // 4
 */
export function commonAncestorId(paths: readonly string[]): number | null {
  const split = paths.map((path) => path.split('/').filter(Boolean))
  const first = split[0] ?? []
  const limit = Math.min(...split.map((parts) => parts.length - 1))
  let depth = 0
  while (depth < limit && split.every((parts) => parts[depth] === first[depth])) depth++
  return depth === 0 ? null : Number(first[depth - 1])
}

/** 400 `invalidBody` with one issue, shaped like request validation errors. */
export function invalid(path: string, message: string, extra: Record<string, unknown> = {}) {
  return new AppError('invalidBody', `The request is not valid: ${path}: ${message}`, {
    issues: [{ path, message }],
    ...extra,
  })
}
