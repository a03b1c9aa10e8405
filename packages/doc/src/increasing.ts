/**
 * The indexes of a longest strictly increasing subsequence of the non-null keys (by code unit),
 * in O(n log n): the entries that can keep their order keys when a list is reordered.
 */
export function longestIncreasing(keys: readonly (string | null)[]): Set<number> {
  const tails: number[] = []
  const previous = new Array<number>(keys.length).fill(-1)
  keys.forEach((key, i) => {
    if (key === null) return
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const tail = keys[tails[mid] ?? 0] ?? ''
      if (tail < key) lo = mid + 1
      else hi = mid
    }
    previous[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) kept.add(i)
  return kept
}
