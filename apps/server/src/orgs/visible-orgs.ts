import { type Db, type OrgKind, schema, type UnitType } from '@yardstick/db'
import { asc, inArray, like, or } from 'drizzle-orm'
import type { AuthUser } from '../auth/sessions'

/** One organisation as the API shows it; `reached` is false for an ancestor shown only by name. */
export interface OrgNode {
  id: number
  parentId: number | null
  kind: OrgKind
  name: string
  unitType: UnitType | null
  path: string
  code: string | null
  retiredAt: Date | null
  reached: boolean
  children?: OrgNode[]
}

/** The columns of an `OrgNode`, for `db.select(ORG_COLUMNS)`. */
export const ORG_COLUMNS = {
  id: schema.orgs.id,
  parentId: schema.orgs.parentId,
  kind: schema.orgs.kind,
  name: schema.orgs.name,
  unitType: schema.orgs.unitType,
  path: schema.orgs.path,
  code: schema.orgs.code,
  retiredAt: schema.orgs.retiredAt,
}

/** The ids in a materialised path: `/1/4/17/` → [1, 4, 17]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number)
}

/**
 * Every organisation a user may see, in creation order: the subtree of each of their grants (any
 * role), plus — for a secretary — the ancestors of their branch, so the branch can be shown
 * where it sits. Other roles see their subtrees only (the rule); the ancestors of a
 * secretary's branch come with `reached: false`.
 *
 * @example
 * const orgs = await visibleOrgs(db, user) // [] for a user without grants
 */
export async function visibleOrgs(db: Db, user: AuthUser): Promise<OrgNode[]> {
  if (user.grants.length === 0) return []
  const subtrees = [...new Set(user.grants.map((g) => g.path))]
  const ancestors = user.grants
    .filter((g) => g.role === 'secretary')
    .flatMap((g) => pathIds(g.path).slice(0, -1))
  const conditions = subtrees.map((path) => like(schema.orgs.path, `${path}%`))
  if (ancestors.length > 0) conditions.push(inArray(schema.orgs.id, ancestors))
  const rows = await db
    .select(ORG_COLUMNS)
    .from(schema.orgs)
    .where(or(...conditions))
    .orderBy(asc(schema.orgs.id))
  return rows.map((row) => ({
    ...row,
    reached: visibility(user, row.path) === 'reached',
  }))
}

/**
 * How a user sees one organisation: `reached` when a grant's subtree holds it, `ancestor` when
 * it lies above a secretary's branch (shown by name only), else null (not visible).
 */
export function visibility(user: AuthUser, orgPath: string): 'reached' | 'ancestor' | null {
  if (user.grants.some((g) => orgPath.startsWith(g.path))) return 'reached'
  const above = user.grants.some((g) => g.role === 'secretary' && g.path.startsWith(orgPath))
  return above ? 'ancestor' : null
}

/**
 * Nests a flat list of organisations into trees: a node whose parent is not in the list is a
 * root (a user with grants on two separate subtrees gets two roots). Children keep list order.
 */
export function buildTree(nodes: OrgNode[]): OrgNode[] {
  const byId = new Map(nodes.map((node) => [node.id, { ...node, children: [] as OrgNode[] }]))
  const roots: OrgNode[] = []
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
