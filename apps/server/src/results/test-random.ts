/**
 * Test data only: mulberry32, a small seeded generator, so a failing campaign can be rebuilt
 * exactly.
 *
 * @example
 * const random = generator(20250601)
 * random.int(0, 12) // the same number on every run
 */
export function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
  // Better units pick the better choices more often: grades spread over every band.
  const ranked = <T>(items: readonly T[], quality: number): T =>
    next() < quality ? (items[0] as T) : pick(items)
  return { next, int, pick, ranked }
}
