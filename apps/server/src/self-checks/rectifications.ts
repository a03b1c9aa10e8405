import { type Db, type RectificationStatus, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { recordAudit } from '../audit/record'
import { assertReaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { SELF_CHECK_READERS, SELF_CHECK_WRITERS } from './context'
import { localToday } from './dates'
import { assertReviews, mayReview, mayUpdate } from './rectification-access'
import { assertTransition, isOverdue } from './rectification-rules'

const { rectifications, orgs, campaigns, users } = schema
const reviewer = alias(users, 'reviewer')

/** The columns every rectification route reads (the unit's path only to check access). */
export const RECTIFICATION_COLUMNS = {
  id: rectifications.id,
  campaignId: rectifications.campaignId,
  campaignName: campaigns.name,
  unitId: rectifications.unitId,
  unitName: orgs.name,
  unitPath: orgs.path,
  origin: rectifications.origin,
  question: rectifications.question,
  title: rectifications.title,
  note: rectifications.note,
  measure: rectifications.measure,
  owner: rectifications.owner,
  deadline: rectifications.deadline,
  status: rectifications.status,
  progress: rectifications.progress,
  evidence: rectifications.evidence,
  reviewNote: rectifications.reviewNote,
  reviewedAt: rectifications.reviewedAt,
  reviewerId: reviewer.id,
  reviewerName: reviewer.name,
  createdAt: rectifications.createdAt,
  updatedAt: rectifications.updatedAt,
}

/** `select … from rectifications` joined to what `RECTIFICATION_COLUMNS` reads. */
export function selectRectifications(db: Db) {
  return db
    .select(RECTIFICATION_COLUMNS)
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.unitId))
    .innerJoin(campaigns, eq(campaigns.id, rectifications.campaignId))
    .leftJoin(reviewer, eq(reviewer.id, rectifications.reviewedBy))
}

type Row = {
  deadline: string | null
  status: RectificationStatus
  createdAt: Date
  updatedAt: Date
}

/**
 * A rectification's dates as the API shows them, with `overdue`: its deadline has passed (today
 * on the server's clock is later) and it is neither fixed nor accepted.
 */
export function rectificationView<T extends Row>(row: T, today = localToday()) {
  return {
    ...row,
    overdue: isOverdue(row.deadline, row.status, today),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

type FullRow = Awaited<ReturnType<typeof selectRectifications>>[number]

/**
 * A rectification as the list, `GET`, `PATCH` and review answer it: `rectificationView` plus who
 * checked it and what this user may do with it now (`can.update`: the branch's secretary or an
 * admin, until accepted; `can.review`: an office above, once the branch says it is fixed).
 */
export function rectificationItem(row: FullRow, user: AuthUser, today = localToday()) {
  const { unitPath, reviewerId, reviewerName, reviewedAt, ...rest } = row
  return {
    ...rectificationView(rest, today),
    reviewedAt: reviewedAt?.toISOString() ?? null,
    reviewer: reviewerId === null ? null : { id: reviewerId, name: reviewerName ?? '' },
    can: {
      update: row.status !== 'accepted' && mayUpdate(user, unitPath),
      review: row.status === 'fixed' && mayReview(user, unitPath),
    },
  }
}

/**
 * One rectification the user reads (the branch's secretary, assessors, editors, admins
 * reaching it); 404 for an unknown id, 403 out of reach.
 *
 * @example
 * const item = await getRectification(db, user, 12)
 */
export async function getRectification(db: Db, user: AuthUser, id: number) {
  const row = await loadRow(db, id)
  assertReaches(user, row.unitPath, SELF_CHECK_READERS, `the rectifications of ${row.unitName}`)
  return rectificationItem(row, user)
}

/** What `PATCH /api/rectifications/:id` may change; null clears progress or evidence. */
export interface RectificationPatch {
  measure?: string | undefined
  owner?: string | undefined
  deadline?: string | undefined
  progress?: string | null | undefined
  evidence?: string | null | undefined
  status?: RectificationStatus | undefined
}

/**
 * The branch works on a rectification: its measure, owner, a new deadline, progress (进展),
 * evidence (佐证材料) and status, moved only as `RECTIFICATION_TRANSITIONS` lets the branch
 * (409 `invalidTransition`); marking it fixed needs evidence, given now or before (409
 * `invalidTransition`, `details.missing: ['evidence']`). The branch's secretary or an admin
 * only (403); an accepted one no longer changes (409). What really changes is recorded
 * (`rectification.update`, before and after) in the same transaction.
 *
 * @example
 * await patchRectification(db, user, 12, { progress: '已召开专题会', status: 'inProgress' })
 */
export async function patchRectification(
  db: Db,
  user: AuthUser,
  id: number,
  patch: RectificationPatch,
) {
  const found = await loadRow(db, id)
  assertReaches(user, found.unitPath, SELF_CHECK_WRITERS, `the rectifications of ${found.unitName}`)
  await db.transaction(async (tx) => {
    // Locked, so a review racing this change sees either the old row or the new one.
    const [current] = await tx
      .select({
        status: rectifications.status,
        measure: rectifications.measure,
        owner: rectifications.owner,
        deadline: rectifications.deadline,
        progress: rectifications.progress,
        evidence: rectifications.evidence,
      })
      .from(rectifications)
      .where(eq(rectifications.id, id))
      .for('update')
    if (!current) throw new AppError('notFound', `No rectification ${id}`)
    const to = patch.status ?? current.status
    // Changing the text of an item keeps its status; an accepted one no longer changes at all.
    if (to !== current.status || current.status === 'accepted') {
      assertTransition(current.status, to, 'branch')
    }
    const evidence = patch.evidence === undefined ? current.evidence : patch.evidence
    if (to === 'fixed' && current.status !== 'fixed' && !evidence?.trim()) {
      throw new AppError(
        'invalidTransition',
        'Say what shows the problem is fixed (evidence) before marking it fixed',
        { from: current.status, to, by: 'branch', missing: ['evidence'] },
      )
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    await tx
      .update(rectifications)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(rectifications.id, id))
    const { before, after } = changedFields(current, changes)
    if (Object.keys(after).length === 0) return
    await recordAudit(tx, {
      actorId: user.id,
      action: 'rectification.update',
      entity: 'rectification',
      entityId: id,
      orgPath: found.unitPath,
      before: { title: found.title, ...before },
      after: { title: found.title, ...after },
    })
  })
  return rectificationItem(await loadRow(db, id), user)
}

/** What the superior office decides: accept (销号) or send back (退回) with a reason. */
export interface RectificationReview {
  decision: 'accept' | 'return'
  note?: string | undefined
}

/**
 * The superior office checks a fixed rectification: accepts it (→ accepted, final) or returns
 * it with a reason (→ returned, the reason kept as `reviewNote` for the branch to read), with
 * who and when. Only `mayReview` users (403, never the branch's own secretary); only from fixed
 * (409 `invalidTransition`). Recorded as `rectification.accept` or `rectification.return`.
 *
 * @example
 * await reviewRectification(db, user, 12, { decision: 'return', note: '缺少会议记录' })
 */
export async function reviewRectification(
  db: Db,
  user: AuthUser,
  id: number,
  review: RectificationReview,
) {
  const found = await loadRow(db, id)
  assertReaches(user, found.unitPath, SELF_CHECK_READERS, `the rectifications of ${found.unitName}`)
  assertReviews(user, { path: found.unitPath, name: found.unitName })
  const to = review.decision === 'accept' ? 'accepted' : 'returned'
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: rectifications.status })
      .from(rectifications)
      .where(eq(rectifications.id, id))
      .for('update')
    if (!current) throw new AppError('notFound', `No rectification ${id}`)
    assertTransition(current.status, to, 'superior')
    const now = new Date()
    const reviewNote = review.note?.trim() || null
    await tx
      .update(rectifications)
      .set({ status: to, reviewNote, reviewedBy: user.id, reviewedAt: now, updatedAt: now })
      .where(eq(rectifications.id, id))
    await recordAudit(tx, {
      actorId: user.id,
      action: `rectification.${review.decision}`,
      entity: 'rectification',
      entityId: id,
      orgPath: found.unitPath,
      before: { title: found.title, status: current.status },
      after: { title: found.title, status: to, reviewNote: shortText(reviewNote) },
    })
  })
  return rectificationItem(await loadRow(db, id), user)
}

/** Audit entries keep texts short: what changed is readable, the full text stays in the row. */
const AUDIT_TEXT = 200

function shortText(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= AUDIT_TEXT) return value
  return `${value.slice(0, AUDIT_TEXT)}…`
}

/** The fields a patch really changes, as they were and as they become (texts shortened). */
function changedFields(current: Record<string, unknown>, changes: Record<string, unknown>) {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(changes)) {
    if ((current[field] ?? null) === (value ?? null)) continue
    before[field] = shortText(current[field] ?? null)
    after[field] = shortText(value)
  }
  return { before, after }
}

async function loadRow(db: Db, id: number) {
  const [row] = await selectRectifications(db).where(eq(rectifications.id, id))
  if (!row) throw new AppError('notFound', `No rectification ${id}`)
  return row
}
