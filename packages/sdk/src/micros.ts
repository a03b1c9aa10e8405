/** Millionths: the fixed point running sums are kept in. */
const PER_UNIT = 1_000_000

/**
 * A value in millionths, rounded half up: `Math.floor(value × 10⁶ + 0.5)`. Sums of these
 * integers are exact, so they do not depend on the order values are added in — the order in which
 * concurrent submissions reach a running total, or the order responses are listed. The database
 * rounds the same way with the same two IEEE operations (`ys_micros`, migration 0009), so a sum
 * kept there equals one computed here to the last digit. Exact while the sum stays below 2⁵³
 * (9 × 10⁹ points).
 *
 * @example
 * toMicros(83.33333333333333) // 83333333
 * toMicros(0.0000005) // 1
 */
export function toMicros(value: number): number {
  return Math.floor(value * PER_UNIT + 0.5)
}

/**
 * A sum of millionths (`toMicros`) back in units.
 *
 * @example
 * fromMicros(250_000_000) // 250
 */
export function fromMicros(sum: number): number {
  return sum / PER_UNIT
}
