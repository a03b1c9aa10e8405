import type { PageQuery } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import type { FormKind } from '@yardstick/sdk'
import {
  and,
  count,
  desc,
  eq,
  ilike,
  isNotNull,
  isNull,
  like,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import { reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { FORM_READERS } from './access'
import { contentHash } from './content-hash'
import type { CurrentForm } from './document-sync'
import { pageWindow } from './pagination'

/** Filters of `GET /api/forms`, beside paging. */
export interface FormFilters {
  q?: string | undefined
  kind?: FormKind | undefined
  archived?: boolean | undefined
  /** Only forms with an unresolved review thread (a reviewer's to-do). */
  openThreads?: boolean | undefined
  /** Only forms never published or edited since their latest version (to review before publishing). */
  unpublished?: boolean | undefined
}

const { forms, formVersions, formComments, orgs } = schema

const latestVersionSql = sql<
  number | null
>`(select max(${formVersions.version}) from ${formVersions} where ${formVersions.formId} = ${forms.id})`
// Unresolved threads: root comments (no parent) not resolved.
const openThreadsSql = sql<number>`(select count(*) from ${formComments} where ${formComments.formId} = ${forms.id} and ${formComments.parentId} is null and ${formComments.resolvedAt} is null)`
// Saving the form's JSON moves updatedAt only when the content changed (document-sync).
const unpublishedSql = sql`(not exists (select 1 from ${formVersions} where ${formVersions.formId} = ${forms.id} and ${formVersions.createdAt} >= ${forms.updatedAt}))`

/**
 * One page of the forms a user reads (editor, reviewer or admin reaching the form's
 * organisation), newest first, each with its number of open review threads; `openThreads` and
 * `unpublished` narrow it to a reviewer's to-do. Forms outside their reach are simply absent; a user with no
 * reading role anywhere is refused (403).
 *
 * @example
 * await listForms(db, user, { limit: 20, q: '自查' })
 */
export async function listForms(db: Db, user: AuthUser, query: PageQuery & FormFilters) {
  const paths = reachablePaths(user, FORM_READERS)
  if (paths.length === 0) {
    throw new AppError('forbidden', 'Only editors, reviewers and admins list forms', {
      roles: FORM_READERS,
    })
  }
  const conditions: SQL[] = [
    or(...paths.map((path) => like(orgs.path, `${path}%`))) as SQL,
    query.archived ? isNotNull(forms.archivedAt) : isNull(forms.archivedAt),
  ]
  if (query.q) conditions.push(ilike(forms.title, `%${escapeLike(query.q)}%`))
  if (query.kind) conditions.push(eq(forms.kind, query.kind))
  if (query.openThreads) conditions.push(sql`${openThreadsSql} > 0`)
  if (query.unpublished) conditions.push(unpublishedSql)
  const where = and(...conditions)
  const window = pageWindow(query, forms.id)
  const [counted] = await db
    .select({ total: count() })
    .from(forms)
    .innerJoin(orgs, eq(orgs.id, forms.orgId))
    .where(where)
  const rows = await db
    .select({
      id: forms.id,
      title: forms.title,
      kind: forms.kind,
      orgId: forms.orgId,
      archivedAt: forms.archivedAt,
      createdAt: forms.createdAt,
      updatedAt: forms.updatedAt,
      latestVersion: latestVersionSql,
      openThreads: openThreadsSql.mapWith(Number),
    })
    .from(forms)
    .innerJoin(orgs, eq(orgs.id, forms.orgId))
    .where(and(where, window.after))
    .orderBy(window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
  const page = window.page(rows, counted?.total, (row) => row.id)
  return {
    ...page,
    items: page.items.map(({ archivedAt, latestVersion, createdAt, updatedAt, ...row }) => ({
      ...row,
      archived: archivedAt !== null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      latestVersion: latestVersion === null ? null : Number(latestVersion),
    })),
  }
}

/**
 * A form as `GET /api/forms/:id` shows it: its current JSON (from `withCurrentJson`), whether it
 * is archived, its latest published version number (null before the first publish) and whether
 * the current JSON differs from that version.
 */
export async function formView(db: Db, form: CurrentForm) {
  const [latest] = await db
    .select({ version: formVersions.version, hash: formVersions.hash })
    .from(formVersions)
    .where(eq(formVersions.formId, form.id))
    .orderBy(desc(formVersions.version))
    .limit(1)
  return {
    id: form.id,
    title: form.title,
    kind: form.kind,
    orgId: form.orgId,
    json: form.json,
    archived: form.archivedAt !== null,
    createdAt: form.createdAt.toISOString(),
    updatedAt: form.updatedAt.toISOString(),
    latestVersion: latest?.version ?? null,
    unpublishedChanges: latest ? latest.hash !== contentHash(form.json) : true,
  }
}

/** A search text as a LIKE pattern that matches it literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
