import { z } from '@hono/zod-openapi'
import { CursorQuerySchema, OffsetQuerySchema } from './ids'

/**
 * `?limit` (1–100, default 20) with either `?offset` or `?cursor`: the paging every list takes.
 * A cursor is the `nextCursor` of the previous page (opaque: keyset paging, stable while rows
 * are added); an offset is plain position paging.
 */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: OffsetQuerySchema.optional(),
  cursor: CursorQuerySchema.optional(),
})
export type PageQuery = z.output<typeof PageQuerySchema>

/**
 * `{ items, total, nextOffset, nextCursor }` for an item schema.
 *
 * @example
 * const FormListSchema = pageSchema(FormSummarySchema).openapi('FormList')
 */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().openapi({ description: 'All matches, on every page' }),
    nextOffset: z
      .number()
      .nullable()
      .openapi({ description: 'Offset of the next page (offset paging); null on the last' }),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Cursor of the next page; null on the last' }),
  })
}

/** One page of a list of `T`, as `pageSchema` describes it. */
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>
