import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { reaches } from '../auth/access'
import { SELF_CHECK_READERS, SELF_CHECK_WRITERS } from '../self-checks/context'
import { type Admission, socketUser } from './authorize'

/**
 * Decides a co-filling connection to a self-check's response document, with the roles of the
 * REST self-check routes (so co-filling is no way around them): the branch's `secretary` and
 * an `admin` reaching the branch write while the self-check is a draft; `assessor` and `editor`
 * reaching it read; a self-check that is no longer a draft is read-only for everybody. A
 * missing, unknown or revoked token is refused `unauthenticated`, an unknown self-check
 * `notFound`, anyone else `forbidden`.
 *
 * @example
 * const admission = await admitToSelfCheck(db, token, 7)
 */
export async function admitToSelfCheck(
  db: Db,
  token: string | null,
  selfCheckId: number,
): Promise<Admission> {
  const who = await socketUser(db, token)
  if ('refused' in who) return who
  const { user } = who
  const { selfChecks, orgs } = schema
  const [row] = await db
    .select({ status: selfChecks.status, path: orgs.path })
    .from(selfChecks)
    .innerJoin(orgs, eq(orgs.id, selfChecks.unitId))
    .where(eq(selfChecks.id, selfCheckId))
  if (!row) return { refused: 'notFound' }
  if (!reaches(user, row.path, SELF_CHECK_READERS)) return { refused: 'forbidden' }
  const writer = reaches(user, row.path, SELF_CHECK_WRITERS)
  return { user, canWrite: writer && row.status === 'draft' }
}
