// No zod here: the designer imports this module at run time through `@yardstick/contract/periods`.
import type { Cadence } from '@yardstick/sdk/domain'

/** How many months one period of each cadence spans (月度 1, 季度 3, 年度 12). */
export const CADENCE_MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, yearly: 12 }

/** A campaign's period as `suggestNextPeriod` reads and answers it. */
export interface Period {
  name: string
  /** ISO date-time. */
  opensAt: string
  /** ISO date-time. */
  closesAt: string
}

// Periods are named in China's time (UTC+8): a year that opens at 2025-01-01T00:00+08:00 is 2025.
const CHINA_OFFSET_MS = 8 * 3600 * 1000

/**
 * The period after a campaign's: its window moved on by the cadence (monthly +1 month, quarterly
 * +3, yearly +1 year; the day of the month kept, or the month's last day when it has fewer), and
 * a suggested name: the old period's label in the name (`2025年`, `2025年第一季度`, `2025年3月`)
 * replaced by the new one, else the new label put in front. One rule for the server's defaults
 * and the designer's dialog.
 *
 * @example
 * suggestNextPeriod({ name: '2025年度综合评定', opensAt: '2025-01-01T00:00:00+08:00',
 *   closesAt: '2025-12-31T00:00:00+08:00' }, 'yearly')
 * // { name: '2026年度综合评定', opensAt: '2025-12-31T16:00:00.000Z', closesAt: '2026-12-30T16:00:00.000Z' }
 */
export function suggestNextPeriod(current: Period, cadence: Cadence): Period {
  const months = CADENCE_MONTHS[cadence]
  const opensAt = addMonths(current.opensAt, months)
  const before = periodLabel(current.opensAt, cadence)
  const after = periodLabel(opensAt, cadence)
  const name = current.name.includes(before)
    ? current.name.replace(before, after)
    : `${after} ${current.name}`
  return { name: name.slice(0, 200), opensAt, closesAt: addMonths(current.closesAt, months) }
}

const QUARTERS = ['一', '二', '三', '四']

/** `2025年` (yearly), `2025年第一季度` (quarterly), `2025年3月` (monthly), in China's time. */
export function periodLabel(iso: string, cadence: Cadence): string {
  const local = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS)
  const year = local.getUTCFullYear()
  const month = local.getUTCMonth()
  if (cadence === 'yearly') return `${year}年`
  if (cadence === 'quarterly') return `${year}年第${QUARTERS[Math.floor(month / 3)]}季度`
  return `${year}年${month + 1}月`
}

function addMonths(iso: string, months: number): string {
  const local = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS)
  const day = local.getUTCDate()
  local.setUTCDate(1)
  local.setUTCMonth(local.getUTCMonth() + months)
  const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate()
  local.setUTCDate(Math.min(day, last))
  return new Date(local.getTime() - CHINA_OFFSET_MS).toISOString()
}
