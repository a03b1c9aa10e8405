/** p50 / p95 / max of samples (nearest rank), in ms. */
export function summary(samples: readonly number[]): {
  n: number
  p50: number
  p95: number
  max: number
} {
  if (samples.length === 0) throw new Error('no samples to summarise')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1) as number }
}

/** The median of a few runs. */
export function median(values: readonly number[]): number {
  return summary(values).p50
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
