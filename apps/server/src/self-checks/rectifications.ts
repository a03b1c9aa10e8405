import { type Db, type RectificationStatus, schema } from '@yardstick/db'
import { and, count, eq, like, or, type SQL } from 'drizzle-orm'
import { assertReaches, reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { type PageQuery, pageWindow } from '../forms/pagination'
import { AppError } from '../http/errors'
import { SELF_CHECK_READERS, SELF_CHECK_WRITERS } from './context'
import { localToday } from './dates'

const { rectifications, orgs, campaigns } = schema

const COLUMNS = {
  id: rectifications.id,
  campaignId: rectifications.campaignId,
  unitId: rectifications.unitId,
  unitName: orgs.name,
  question: rectifications.question,
  title: rectifications.title,
  note: rectifications.note,
  measure: rectifications.measure,
  owner: rectifications.owner,
  deadline: rectifications.deadline,
  status: rectifications.status,
  createdAt: rectifications.createdAt,
  updatedAt: rectifications.updatedAt,
}

type Row = {
  deadline: string | null
  status: RectificationStatus
  createdAt: Date
  updatedAt: Date
}

/**
 * A rectification as the API shows it, with `overdue`: its deadline has passed (today on the
 * server's clock is later) and it is not fixed.
 */
export function rectificationView<T extends Row>(row: T, today = localToday()) {
  return {
    ...row,
    overdue: row.deadline !== null && row.deadline < today && row.status !== 'fixed',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * One page of a campaign's rectifications, by unit then problem order: of one unit (`unitId`,
 * 403 unless the user reads that branch), or of every unit the user reads (the branch's
 * secretary, and upward: assessors, editors, admins reaching it).
 *
 * @example
 * await listRectifications(db, user, 3, { unitId: 17, limit: 50 })
 */
export async function listRectifications(
  db: Db,
  user: AuthUser,
  campaignId: number,
  query: PageQuery & { unitId?: number | undefined; status?: RectificationStatus | undefined },
) {
  const [campaign] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
  if (!campaign) throw new AppError('notFound', `No campaign ${campaignId}`)
  const conditions: SQL[] = [eq(rectifications.campaignId, campaignId)]
  if (query.unitId !== undefined) {
    const [unit] = await db
      .select({ path: orgs.path, name: orgs.name })
      .from(orgs)
      .where(eq(orgs.id, query.unitId))
    if (!unit) throw new AppError('notFound', `No unit ${query.unitId}`)
    assertReaches(user, unit.path, SELF_CHECK_READERS, `the rectifications of ${unit.name}`)
    conditions.push(eq(rectifications.unitId, query.unitId))
  } else {
    const paths = reachablePaths(user, SELF_CHECK_READERS)
    if (paths.length === 0) {
      throw new AppError(
        'forbidden',
        'Only secretaries, assessors, editors and admins read rectifications',
        {
          roles: SELF_CHECK_READERS,
        },
      )
    }
    conditions.push(or(...paths.map((path) => like(orgs.path, `${path}%`))) as SQL)
  }
  if (query.status) conditions.push(eq(rectifications.status, query.status))
  const where = and(...conditions)
  const window = pageWindow(query, rectifications.id, 'asc')
  const [counted] = await db
    .select({ total: count() })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(where)
  // Ascending ids keep each unit's problems in form order; the cursor continues after an id.
  const rows = await db
    .select(COLUMNS)
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(and(where, window.after))
    .orderBy(window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
  const page = window.page(rows, counted?.total, (row) => row.id)
  const today = localToday()
  return { ...page, items: page.items.map((row) => rectificationView(row, today)) }
}

/** What `PATCH /api/rectifications/:id` may change; null clears a field. */
export interface RectificationPatch {
  measure?: string | null | undefined
  owner?: string | null | undefined
  deadline?: string | null | undefined
  status?: RectificationStatus | undefined
}

/**
 * Updates a rectification's measure, owner, deadline or status: the branch's secretary (or an
 * admin) only; 404 for an unknown id, 403 for anyone else.
 */
export async function patchRectification(
  db: Db,
  user: AuthUser,
  id: number,
  patch: RectificationPatch,
) {
  const [found] = await db
    .select({ path: orgs.path, name: orgs.name })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(eq(rectifications.id, id))
  if (!found) throw new AppError('notFound', `No rectification ${id}`)
  assertReaches(user, found.path, SELF_CHECK_WRITERS, `the rectifications of ${found.name}`)
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  await db
    .update(rectifications)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(rectifications.id, id))
  const [row] = await db
    .select(COLUMNS)
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .where(eq(rectifications.id, id))
  if (!row) throw new AppError('notFound', `No rectification ${id}`)
  return rectificationView(row)
}
