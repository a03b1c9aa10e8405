import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { assertReaches } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { FORM_WRITERS } from './access'

/**
 * The office a new form belongs to (its id and path): the one asked for, when the user is an
 * editor or admin reaching it, or else the organisation of the user's first editor/admin grant.
 *
 * @example
 * const { id, path } = await ownerOrg(db, user, body.orgId)
 */
export async function ownerOrg(
  db: Db,
  user: AuthUser,
  orgId: number | undefined,
): Promise<{ id: number; path: string }> {
  if (orgId === undefined) {
    const grant = user.grants.find((g) => g.role === 'admin' || g.role === 'editor')
    if (!grant) {
      throw new AppError('forbidden', 'Only editors and admins create forms', {
        roles: FORM_WRITERS,
      })
    }
    return { id: grant.orgId, path: grant.path }
  }
  const [org] = await db
    .select({ path: schema.orgs.path })
    .from(schema.orgs)
    .where(eq(schema.orgs.id, orgId))
  if (!org) throw new AppError('badRequest', `No organisation ${orgId}`, { orgId })
  assertReaches(user, org.path, FORM_WRITERS, `organisation ${orgId}`)
  return { id: orgId, path: org.path }
}
