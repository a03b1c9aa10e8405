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
