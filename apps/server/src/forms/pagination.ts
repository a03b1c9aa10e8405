import { z } from '@hono/zod-openapi'
import { type AnyColumn, asc, desc, gt, lt, type SQL } from 'drizzle-orm'
import { AppError } from '../http/errors'

/**
 * `?limit` (1–100, default 20) with either `?offset` or `?cursor`: the paging every list takes.
 * A cursor is the `nextCursor` of the previous page (opaque: keyset paging, stable while rows
 * are added); an offset is plain position paging.
 */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).optional(),
  cursor: z.string().regex(/^\d+$/, 'a cursor is the nextCursor of a previous page').optional(),
})
export type PageQuery = z.output<typeof PageQuerySchema>

/** `{ items, total, nextOffset, nextCursor }` for an item schema. */
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

/** Where a page starts: the offset to skip, or the key to continue below. */
export function pageStart(query: PageQuery): { offset: number; below: number | null } {
  if (query.offset !== undefined && query.cursor !== undefined) {
    throw new AppError('badRequest', 'Give either offset or cursor, not both')
  }
  return {
    offset: query.offset ?? 0,
    below: query.cursor === undefined ? null : Number(query.cursor),
  }
}

/**
 * Cuts the `limit + 1` rows a query fetched into one page: the extra row only says there is a
 * next page. The cursor is the key of the last row shown (lists run newest first, key descending).
 *
 * @example
 * const rows = await query.limit(limit + 1).offset(offset)
 * return toPage(rows, { limit, offset, total, keyOf: (r) => r.id, cursorPaging: false })
 */
export function toPage<T>(
  rows: T[],
  options: {
    limit: number
    offset: number
    total: number
    keyOf: (row: T) => number
    cursorPaging: boolean
  },
) {
  const { limit, offset, total, keyOf, cursorPaging } = options
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  const more = rows.length > limit && last !== undefined
  return {
    items,
    total,
    nextOffset: more && !cursorPaging ? offset + items.length : null,
    nextCursor: more ? String(keyOf(last)) : null,
  }
}

/**
 * The page a keyset-ordered list query fetches: the cursor's condition (undefined without one;
 * `and()` drops it), the order by `key`, `limit + 1` rows from `offset`, and `page` to cut the
 * rows it got into `{ items, total, nextOffset, nextCursor }`. Refuses offset and cursor together.
 *
 * @example
 * const w = pageWindow(query, forms.id)
 * const rows = await q.where(and(where, w.after)).orderBy(w.orderBy).limit(w.limit).offset(w.offset)
 * return w.page(rows, total, (row) => row.id)
 */
export function pageWindow(query: PageQuery, key: AnyColumn, direction: 'asc' | 'desc' = 'desc') {
  const { offset, below } = pageStart(query)
  const cursorPaging = below !== null
  const after: SQL | undefined = !cursorPaging
    ? undefined
    : direction === 'desc'
      ? lt(key, below)
      : gt(key, below)
  return {
    after,
    orderBy: direction === 'desc' ? desc(key) : asc(key),
    limit: query.limit + 1,
    offset: cursorPaging ? 0 : offset,
    page: <T>(rows: T[], total: number | undefined, keyOf: (row: T) => number) =>
      toPage(rows, { limit: query.limit, offset, total: total ?? 0, keyOf, cursorPaging }),
  }
}
