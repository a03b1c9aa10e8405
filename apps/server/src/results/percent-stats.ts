import type { DimensionStats } from '@yardstick/contract'

/**
 * The median (the mean of the two middle values for an even count, as SQL's
 * `percentile_cont(0.5)`), min, max and mean of units' percents; all null for none.
 *
 * @example
 * percentStats([50, 100, 75, 80]) // { units: 4, median: 77.5, min: 50, max: 100, mean: 76.25 }
 */
export function percentStats(percents: readonly number[]): DimensionStats {
  const sorted = [...percents].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { units: 0, median: null, min: null, max: null, mean: null }
  const middle = Math.floor(n / 2)
  const median =
    n % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  const mean = sorted.reduce((sum, value) => sum + value, 0) / n
  return { units: n, median, min: sorted[0] as number, max: sorted[n - 1] as number, mean }
}
