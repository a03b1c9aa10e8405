import type { PageQuery, RectificationSort } from '@yardstick/contract'
import { type Db, RECTIFICATION_STATUSES, type RectificationStatus, schema } from '@yardstick/db'
import {
  and,
  asc,
  count,
  eq,
  inArray,
  isNotNull,
  like,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import { assertReaches, reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { pageStart, pageWindow, toPage } from '../forms/pagination'
import { AppError } from '../http/errors'
import { SELF_CHECK_READERS } from './context'
import { localToday } from './dates'
import { SETTLED_STATUSES } from './rectification-rules'
import { rectificationItem, selectRectifications } from './rectifications'

const { rectifications, orgs, campaigns } = schema

/** Filters of a rectification list, beside paging. */
export interface RectificationFilters {
  campaignId?: number | undefined
  /** One branch (403 unless the user reads it). */
  unitId?: number | undefined
  /** The branches under an organisation (403 unless the user reads some of it). */
  subtree?: number | undefined
  status?: RectificationStatus[] | undefined
  overdue?: boolean | undefined
  /** `unit` (default): by branch and problem, cursor paging; `urgency`: overdue first, then those
   * waiting to be accepted, then the nearest deadline, accepted last; offset paging. */
  sort?: RectificationSort | undefined
}

/** Overdue as SQL, the same rule as `isOverdue`. */
function overdueSql(today: string): SQL {
  return and(
    isNotNull(rectifications.deadline),
    lt(rectifications.deadline, today),
    notInArray(rectifications.status, SETTLED_STATUSES),
  ) as SQL
}

/**
 * One page of rectifications the user reads (the branch's secretary; assessors, editors and
 * admins reaching the branch), in one campaign or all, with `counts` by status and overdue over
 * the same scope before the status and overdue filters (for the filter's numbers).
 *
 * @example
 * await listRectifications(db, user, { campaignId: 3, sort: 'urgency', limit: 50 })
 */
export async function listRectifications(
  db: Db,
  user: AuthUser,
  query: PageQuery & RectificationFilters,
) {
  const today = localToday()
  const scope: SQL[] = [await reachCondition(db, user, query)]
  if (query.campaignId !== undefined) {
    const [campaign] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.id, query.campaignId))
    if (!campaign) throw new AppError('notFound', `No campaign ${query.campaignId}`)
    scope.push(eq(rectifications.campaignId, query.campaignId))
  }
  const filters = [...scope]
  if (query.status?.length) filters.push(inArray(rectifications.status, query.status))
  if (query.overdue) filters.push(overdueSql(today))
  const where = and(...filters)
  const counted = db
    .select({ total: count() })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(where)
  const byStatus = db
    .select({
      status: rectifications.status,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${overdueSql(today)})`.mapWith(Number),
    })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(and(...scope))
    .groupBy(rectifications.status)
  // Each page query answers its rows and how to cut them into a page once the total is known.
  const [[total], groups, cut] = await Promise.all([
    counted,
    byStatus,
    query.sort === 'urgency' ? urgentPage(db, query, where, today) : unitPage(db, query, where),
  ])
  const page = cut(total?.total ?? 0)
  const statusCounts = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, 0])) as Record<
    RectificationStatus,
    number
  >
  for (const group of groups) statusCounts[group.status] = group.n
  return {
    ...page,
    items: page.items.map((row) => rectificationItem(row, user, today)),
    counts: { byStatus: statusCounts, overdue: groups.reduce((n, g) => n + g.overdue, 0) },
  }
}

// By branch then problem order: ascending ids keep each unit's problems in form order, and the
// cursor continues after an id.
async function unitPage(db: Db, query: PageQuery, where: SQL | undefined) {
  const window = pageWindow(query, rectifications.id, 'asc')
  const rows = await selectRectifications(db)
    .where(and(where, window.after))
    .orderBy(window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
  return (total: number) => window.page(rows, total, (row) => row.id)
}

// Overdue first, then those waiting for the office (fixed), then the rest by nearest deadline
// (none last), accepted ones at the end; form order within.
async function urgentPage(db: Db, query: PageQuery, where: SQL | undefined, today: string) {
  const { offset, below } = pageStart(query)
  if (below !== null) {
    throw new AppError('badRequest', 'sort=urgency pages by offset, not by cursor')
  }
  const rows = await selectRectifications(db)
    .where(where)
    .orderBy(
      sql`case when ${overdueSql(today)} then 0 when ${rectifications.status} = 'fixed' then 1 when ${rectifications.status} = 'accepted' then 3 else 2 end`,
      sql`${rectifications.deadline} asc nulls last`,
      asc(rectifications.id),
    )
    .limit(query.limit + 1)
    .offset(offset)
  return (total: number) =>
    toPage(rows, { limit: query.limit, offset, total, keyOf: (r) => r.id, cursorPaging: false })
}

/** Which branches the list may show: one branch, a subtree, or all the user reads. */
async function reachCondition(db: Db, user: AuthUser, query: RectificationFilters): Promise<SQL> {
  const orgOf = async (id: number) => {
    const [org] = await db
      .select({ path: orgs.path, name: orgs.name })
      .from(orgs)
      .where(eq(orgs.id, id))
    if (!org) throw new AppError('notFound', `No organisation ${id}`)
    return org
  }
  if (query.unitId !== undefined) {
    const unit = await orgOf(query.unitId)
    assertReaches(user, unit.path, SELF_CHECK_READERS, `the rectifications of ${unit.name}`)
    return eq(rectifications.unitId, query.unitId)
  }
  const paths = reachablePaths(user, SELF_CHECK_READERS)
  if (paths.length === 0) {
    throw new AppError(
      'forbidden',
      'Only secretaries, assessors, editors and admins read rectifications',
      { roles: SELF_CHECK_READERS },
    )
  }
  if (query.subtree === undefined) {
    return or(...paths.map((path) => like(orgs.path, `${path}%`))) as SQL
  }
  const subtree = await orgOf(query.subtree)
  // Inside the subtree, what the user reads: all of it under a grant above it, or the parts
  // under their grants inside it.
  const inside = paths.filter((path) => path.startsWith(subtree.path))
  if (paths.some((path) => subtree.path.startsWith(path))) {
    return like(orgs.path, `${subtree.path}%`)
  }
  if (inside.length === 0) {
    throw new AppError('forbidden', `You read no rectifications under ${subtree.name}`, {
      roles: SELF_CHECK_READERS,
    })
  }
  return or(...inside.map((path) => like(orgs.path, `${path}%`))) as SQL
}
