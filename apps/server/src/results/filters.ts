import type { FilterQuery } from '@yardstick/contract'
import { type Db, schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { AppError } from '../http/errors'
import type { ResultsFilter } from './view'

/**
 * Resolves the filter query into paths: `subtree` becomes the organisation's path (404 when there
 * is no such organisation).
 *
 * @example
 * const filter = await resolveFilter(db, { subtree: 4, unitType: 'organ' })
 * // { subtreePath: '/1/4/', unitType: 'organ' }
 */
export async function resolveFilter(db: Db, query: FilterQuery): Promise<ResultsFilter> {
  const filter: ResultsFilter = {}
  if (query.unitType !== undefined) filter.unitType = query.unitType
  if (query.subtree !== undefined) {
    const [org] = await db
      .select({ path: schema.orgs.path })
      .from(schema.orgs)
      .where(eq(schema.orgs.id, query.subtree))
    if (!org) throw new AppError('notFound', `No organisation ${query.subtree}`)
    filter.subtreePath = org.path
  }
  return filter
}
