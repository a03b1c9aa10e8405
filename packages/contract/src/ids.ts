import { z } from '@hono/zod-openapi'

/**
 * The largest PostgreSQL `integer` (int4): every id, version number and offset the API takes
 * fits it, so a larger one is refused at validation (400) instead of failing in the database
 * (issue 16, item 8).
 */
export const INT4_MAX = 2_147_483_647

/**
 * A row id in a JSON body: a positive integer within `INT4_MAX`.
 *
 * @example
 * z.object({ orgId: RowIdSchema })
 */
export const RowIdSchema = z.number().int().positive().max(INT4_MAX)

/**
 * A row id in a query string (`?unitId=17`), coerced from its text.
 *
 * @example
 * z.object({ subtree: RowIdQuerySchema.optional() })
 */
export const RowIdQuerySchema = z.coerce.number().int().positive().max(INT4_MAX)

/**
 * A position in a list (`?offset=40`), coerced from its text: 0 to `INT4_MAX`.
 *
 * @example
 * z.object({ offset: OffsetQuerySchema.default(0) })
 */
export const OffsetQuerySchema = z.coerce.number().int().min(0).max(INT4_MAX)

/**
 * A keyset cursor (`?cursor=…`): the `nextCursor` of a previous page, a key within `INT4_MAX`.
 *
 * @example
 * z.object({ cursor: CursorQuerySchema.optional() })
 */
export const CursorQuerySchema = z
  .string()
  .regex(/^\d{1,10}$/, 'a cursor is the nextCursor of a previous page')
  .refine((text) => Number(text) <= INT4_MAX, 'a cursor is the nextCursor of a previous page')
