import type { PageQuery } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { and, count, eq } from 'drizzle-orm'
import { AppError } from '../http/errors'
import type { FormRow } from './access'
import { type FormSources, withCurrentJson } from './document-sync'
import { pageWindow } from './pagination'

const { formVersions, users } = schema

const SUMMARY = {
  id: formVersions.id,
  version: formVersions.version,
  hash: formVersions.hash,
  authorId: users.id,
  authorName: users.name,
  note: formVersions.note,
  createdAt: formVersions.createdAt,
}

type SummaryRow = {
  id: number
  version: number
  hash: string
  authorId: number | null
  authorName: string | null
  note: string
  createdAt: Date
}

function summary({ authorId, authorName, createdAt, ...row }: SummaryRow) {
  return {
    ...row,
    author: authorId === null ? null : { id: authorId, name: authorName ?? '' },
    createdAt: createdAt.toISOString(),
  }
}

/**
 * One page of a form's published versions, newest first, without their JSON. The cursor is a
 * version number: the next page continues below it.
 *
 * @example
 * await listVersions(db, 7, { limit: 20 }) // { items: [{ version: 3, … }, …], total: 3, … }
 */
export async function listVersions(db: Db, formId: number, query: PageQuery) {
  const window = pageWindow(query, formVersions.version)
  const mine = eq(formVersions.formId, formId)
  const [counted] = await db.select({ total: count() }).from(formVersions).where(mine)
  const rows = await db
    .select(SUMMARY)
    .from(formVersions)
    .leftJoin(users, eq(users.id, formVersions.authorId))
    .where(and(mine, window.after))
    .orderBy(window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
  const page = window.page(rows, counted?.total, (row) => row.version)
  return { ...page, items: page.items.map(summary) }
}

/**
 * One published version of a form with its JSON, or 404.
 *
 * @example
 * const { json, hash } = await getVersion(db, 7, 2)
 */
export async function getVersion(db: Db, formId: number, version: number) {
  const [row] = await db
    .select({ ...SUMMARY, json: formVersions.json })
    .from(formVersions)
    .leftJoin(users, eq(users.id, formVersions.authorId))
    .where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)))
  if (!row) throw new AppError('notFound', `Form ${formId} has no version ${version}`)
  const { json, ...rest } = row
  return { formId, ...summary(rest), json }
}

/**
 * The JSON a diff side names: a version number, or `current` for what the editors see now
 * (`withCurrentJson`: the co-edited document, not a copy of it that may lag behind).
 *
 * @example
 * const [before, after] = [await jsonAt(sources, form, '1'), await jsonAt(sources, form, 'current')]
 */
export async function jsonAt(sources: FormSources, form: FormRow, side: string): Promise<FormJson> {
  if (side === 'current') return (await withCurrentJson(sources, form)).json
  const version = Number(side)
  if (!Number.isSafeInteger(version) || version <= 0) {
    throw new AppError('notFound', `"${side}" is not a version: use a number or current`)
  }
  return (await getVersion(sources.db, form.id, version)).json
}
