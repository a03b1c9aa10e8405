import { type Db, type Role, schema } from '@yardstick/db'
import { eq, getTableColumns } from 'drizzle-orm'
import { assertReaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'

/** Who reads forms (list, get, versions, diff); `admin` holds every role. */
export const FORM_READERS = ['editor', 'reviewer'] as const satisfies readonly Role[]
/** Who creates, saves, archives, duplicates and publishes forms. */
export const FORM_WRITERS = ['editor'] as const satisfies readonly Role[]

/**
 * A form row with the path of the organisation that owns it, without its JSON column: a
 * co-edited form's document is newer than that column, so its JSON is read only through
 * `withCurrentJson` (document-sync.ts).
 */
export type FormRow = Omit<typeof schema.forms.$inferSelect, 'json'> & { orgPath: string }

const { json: _storedJson, ...FORM_COLUMNS } = getTableColumns(schema.forms)

/**
 * Loads a form for a user. The one rule, in every route: an unknown form is 404; a form whose
 * organisation the user's roles do not reach is 403 (direct access), while lists simply leave
 * it out.
 *
 * @param access `read` (editor, reviewer) or `write` (editor); admins do both
 * @example
 * const form = await formFor(db, c.var.user, id, 'write')
 */
export async function formFor(
  db: Db,
  user: AuthUser,
  id: number,
  access: 'read' | 'write',
): Promise<FormRow> {
  const [row] = await db
    .select({ form: FORM_COLUMNS, orgPath: schema.orgs.path })
    .from(schema.forms)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.forms.orgId))
    .where(eq(schema.forms.id, id))
  if (!row) throw new AppError('notFound', `No form ${id}`)
  const roles = access === 'read' ? FORM_READERS : FORM_WRITERS
  assertReaches(user, row.orgPath, roles, `form ${id}`)
  return { ...row.form, orgPath: row.orgPath }
}

/** Refuses a change to an archived form: it is read-only until unarchived. */
export function assertNotArchived(form: FormRow, action: string): void {
  if (form.archivedAt) {
    throw new AppError('conflict', `Form ${form.id} is archived: unarchive it to ${action}`, {
      archivedAt: form.archivedAt.toISOString(),
    })
  }
}
