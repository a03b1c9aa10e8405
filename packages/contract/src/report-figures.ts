// No zod here: the designer imports this module at run time through `@yardstick/contract/report-figures`.
import { roundForDisplay } from '@yardstick/sdk'

/** How many units the report's ranking lists first, and below how many units it lists all. */
export const REPORT_RANKING = { top: 10, allBelow: 30 } as const

/** How many 共性问题 per source, and how many weakest dimensions per source, the report names. */
export const REPORT_TOP_PROBLEMS = 5
export const REPORT_WEAKEST_DIMENSIONS = 3

/**
 * A figure as the report (通报) prints it, on the page and in the PDF alike: rounded for display
 * to `digits` decimals (the SDK's `roundForDisplay`), a dash when there is none.
 *
 * @example
 * reportNumber(87.254) // '87.3'
 * reportNumber(null) // '—'
 */
export function reportNumber(value: number | null, digits = 1): string {
  const rounded = roundForDisplay(value, digits)
  return rounded === null ? '—' : rounded.toFixed(digits)
}

/**
 * A share (0–1) as the report prints it: a percent with one decimal.
 *
 * @example
 * reportShare(0.125) // '12.5%'
 */
export function reportShare(share: number): string {
  return `${reportNumber(share * 100)}%`
}
