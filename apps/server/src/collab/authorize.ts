import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { reaches } from '../auth/access'
import { type AuthUser, userForToken } from '../auth/sessions'
import type { CloseReason } from './close-codes'

/** Who may open a form's document, and whether they may change it. */
export type Admission = { user: AuthUser; canWrite: boolean } | { refused: CloseReason }

/**
 * Decides a co-editing connection: a valid, unexpired, unrevoked token; a form that exists; an
 * `editor`/`admin` role reaching its office writes, a `reviewer` reads; anyone else is refused.
 */
export async function admitToForm(
  db: Db,
  token: string | null,
  formId: number,
): Promise<Admission> {
  if (!token) return { refused: 'unauthenticated' }
  const user = await userForToken(db, token)
  if (!user) return { refused: 'unauthenticated' }
  const [form] = await db
    .select({ path: schema.orgs.path, archivedAt: schema.forms.archivedAt })
    .from(schema.forms)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.forms.orgId))
    .where(eq(schema.forms.id, formId))
  if (!form) return { refused: 'notFound' }
  if (reaches(user, form.path, ['editor'])) return { user, canWrite: true }
  if (reaches(user, form.path, ['reviewer'])) return { user, canWrite: false }
  return { refused: 'forbidden' }
}
