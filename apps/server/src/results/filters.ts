import { z } from '@hono/zod-openapi'
import { type Db, schema, UNIT_TYPES } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { AppError } from '../http/errors'
import type { ResultsFilter } from './view'

/** `?subtree=` and `?unitType=`: the filters every results and export route takes. */
export const FilterQuerySchema = z.object({
  subtree: z.coerce.number().int().positive().optional().openapi({
    description: 'Only units in the subtree of this organisation (a sub-committee, 分工委)',
    example: 4,
  }),
  unitType: z
    .enum(UNIT_TYPES)
    .optional()
    .openapi({ description: 'Only branches of this type (支部类型)', example: 'organ' }),
})

/**
 * Resolves the filter query into paths: `subtree` becomes the organisation's path (404 when there
 * is no such organisation).
 *
 * @example
 * const filter = await resolveFilter(db, { subtree: 4, unitType: 'organ' })
 * // { subtreePath: '/1/4/', unitType: 'organ' }
 */
export async function resolveFilter(
  db: Db,
  query: z.infer<typeof FilterQuerySchema>,
): Promise<ResultsFilter> {
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
