import type { PageQuery } from '@yardstick/contract'
import { type AnyColumn, asc, desc, gt, lt, type SQL } from 'drizzle-orm'
import { AppError } from '../http/errors'

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
