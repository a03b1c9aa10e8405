import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { assertReaches } from '../../auth/access'
import type { AuthUser } from '../../auth/sessions'
import { AppError } from '../../http/errors'
import { pathIds } from '../visible-orgs'

/**
 * The unit an import or export works under: `rootId` when given (the user must hold `admin`
 * on it or above it: 404 unknown, 403 not reached), else the user's one admin root — the top of
 * their admin grants (403 without any, 400 when they have several separate ones).
 *
 * @example
 * const root = await importRoot(db, user, undefined) // { id: 4, path: '/1/4/', name: '第一分工委' }
 */
export async function importRoot(
  db: Db,
  user: AuthUser,
  rootId: number | undefined,
): Promise<{ id: number; path: string; name: string }> {
  let id = rootId
  if (id === undefined) {
    const paths = [...new Set(user.grants.filter((g) => g.role === 'admin').map((g) => g.path))]
    const tops = paths.filter(
      (path) => !paths.some((other) => other !== path && path.startsWith(other)),
    )
    if (tops.length === 0) {
      throw new AppError('forbidden', 'Only an admin imports or exports the organisation', {
        roles: ['admin'],
      })
    }
    if (tops.length > 1) {
      throw new AppError(
        'badRequest',
        `You are admin of ${tops.length} separate units: say which with ?root=`,
        { roots: tops.map((path) => pathIds(path).at(-1)) },
      )
    }
    id = pathIds(tops[0] as string).at(-1) as number
  }
  const [root] = await db
    .select({ id: schema.orgs.id, path: schema.orgs.path, name: schema.orgs.name })
    .from(schema.orgs)
    .where(eq(schema.orgs.id, id))
  if (!root) throw new AppError('notFound', `No organisation ${id}`)
  assertReaches(user, root.path, ['admin'], `organisation ${id}`)
  return root
}
