const DAY_MS = 86_400_000

/**
 * Whole days from now until a deadline, counting a part of a day as one (0 once it has passed):
 * what "还剩 N 天" says.
 *
 * @param deadline an ISO time
 * @param now default: the current time
 * @example
 * daysLeft('2026-12-31T23:59:59+08:00', new Date('2026-12-30T12:00:00+08:00')) // 2
 */
export function daysLeft(deadline: string, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS))
}
