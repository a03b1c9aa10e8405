import type { PageQuery, Thread } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { pageWindow } from '../forms/pagination'
import { AppError } from '../http/errors'

const { formComments: comments, users } = schema
const resolver = alias(users, 'resolver')

const person = (id: number | null, name: string | null) =>
  id === null ? null : { id, name: name ?? '' }

const rootColumns = {
  id: comments.id,
  elementId: comments.elementId,
  elementName: comments.elementName,
  body: comments.body,
  authorId: comments.authorId,
  authorName: users.name,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  resolvedAt: comments.resolvedAt,
  resolvedById: comments.resolvedBy,
  resolvedByName: resolver.name,
}

const roots = (db: Db) =>
  db
    .select(rootColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedBy))

type RootRow = Awaited<ReturnType<typeof roots>>[number]

/** Threads (roots with their replies, oldest reply first) of the given root rows. */
async function withReplies(db: Db, rows: RootRow[]): Promise<Thread[]> {
  const ids = rows.map((r) => r.id)
  const replies = ids.length
    ? await db
        .select({
          id: comments.id,
          parentId: comments.parentId,
          body: comments.body,
          authorId: comments.authorId,
          authorName: users.name,
          createdAt: comments.createdAt,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.parentId, ids))
        .orderBy(asc(comments.id))
    : []
  return rows.map((r) => ({
    id: r.id,
    elementId: r.elementId ?? '',
    elementName: r.elementName ?? '',
    body: r.body,
    author: { id: r.authorId, name: r.authorName },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    resolved: r.resolvedAt !== null,
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
    resolvedBy: person(r.resolvedById, r.resolvedByName),
    replies: replies
      .filter((reply) => reply.parentId === r.id)
      .map((reply) => ({
        id: reply.id,
        body: reply.body,
        author: { id: reply.authorId, name: reply.authorName },
        createdAt: reply.createdAt.toISOString(),
      })),
  }))
}

/**
 * A version tag of all the form's comments: it changes whenever a thread is opened, replied to,
 * resolved or reopened (each bumps its root's `updated_at`), so a poller asks for it and
 * downloads the threads only when it moved.
 */
export async function commentsTag(db: Db, formId: number): Promise<string> {
  // The database's own text of the newest timestamp keeps its microseconds: two changes in one
  // millisecond still give two tags.
  const [row] = await db
    .select({ n: count(), last: sql<string | null>`max(${comments.updatedAt})::text` })
    .from(comments)
    .where(eq(comments.formId, formId))
  return `${row?.n ?? 0}-${row?.last ?? ''}`
}

/** One page of a form's threads, newest first, each with all its replies. */
export async function listThreads(db: Db, formId: number, query: PageQuery) {
  const window = pageWindow(query, comments.id)
  const threads = and(eq(comments.formId, formId), isNull(comments.parentId))
  const [rows, [total]] = await Promise.all([
    roots(db)
      .where(and(threads, window.after))
      .orderBy(window.orderBy)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(comments).where(threads),
  ])
  const page = window.page(rows, total?.n, (r) => r.id)
  return { ...page, items: await withReplies(db, page.items) }
}

/** A thread of this form by its root's id; 404 when there is none, 400 when it is a reply. */
export async function threadOf(db: Db, formId: number, commentId: number): Promise<Thread> {
  const [row] = await db
    .select({ parentId: comments.parentId })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.formId, formId)))
  if (!row) throw new AppError('notFound', `No comment ${commentId} on form ${formId}`)
  if (row.parentId !== null) {
    throw new AppError(
      'badRequest',
      `Comment ${commentId} is a reply: reply to, resolve or reopen its thread ${row.parentId}`,
      { thread: row.parentId },
    )
  }
  const [root] = await roots(db).where(eq(comments.id, commentId))
  if (!root) throw new AppError('notFound', `No comment ${commentId} on form ${formId}`)
  const [thread] = await withReplies(db, [root])
  if (!thread) throw new Error(`thread ${commentId}: not read back`)
  return thread
}

/** Opens a thread on an element; returns it. */
export async function openThread(
  db: Db,
  formId: number,
  authorId: number,
  input: { elementId: string; elementName: string; body: string },
): Promise<Thread> {
  const [row] = await db
    .insert(comments)
    .values({ formId, authorId, ...input })
    .returning({ id: comments.id })
  if (!row) throw new Error('open thread: nothing inserted')
  return threadOf(db, formId, row.id)
}

/** Adds a reply to a thread (which must be a root of this form); returns the thread. */
export async function replyTo(
  db: Db,
  formId: number,
  threadId: number,
  { authorId, body }: { authorId: number; body: string },
): Promise<Thread> {
  await threadOf(db, formId, threadId)
  await db.transaction(async (tx) => {
    await tx.insert(comments).values({ formId, parentId: threadId, authorId, body })
    await tx
      .update(comments)
      .set({ updatedAt: sql`clock_timestamp()` })
      .where(eq(comments.id, threadId))
  })
  return threadOf(db, formId, threadId)
}

/**
 * Resolves (`by` a user) or reopens (`by` null) a thread. Idempotent: resolving a resolved
 * thread keeps who resolved it first and when.
 */
export async function setResolved(
  db: Db,
  formId: number,
  threadId: number,
  by: number | null,
): Promise<Thread> {
  const thread = await threadOf(db, formId, threadId)
  if (thread.resolved === (by !== null)) return thread
  await db
    .update(comments)
    .set({
      resolvedAt: by === null ? null : sql`clock_timestamp()`,
      resolvedBy: by,
      updatedAt: sql`clock_timestamp()`,
    })
    .where(eq(comments.id, threadId))
  return threadOf(db, formId, threadId)
}
