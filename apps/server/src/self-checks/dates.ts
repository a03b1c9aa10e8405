import { z } from '@hono/zod-openapi'

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date')
  .openapi({ example: '2025-03-18' })

/** Whether `YYYY-MM-DD` names a day of the calendar. */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/**
 * Today as `YYYY-MM-DD` on the server's clock, in its time zone (`TZ`): a deadline is overdue
 * from the day after it, the way the branch reads a 整改时限.
 *
 * @example
 * localToday(new Date(2025, 2, 18)) // '2025-03-18'
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
