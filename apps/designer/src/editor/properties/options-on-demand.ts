import { useCallback, useState } from 'react'

/** Lists at least this long are rendered on demand. */
const ON_DEMAND_FROM = 30

/**
 * Long option lists (pickers of 500 questions) rendered only once their select is reached — by
 * focus (keyboard) or pointer — and until then just the chosen option. Each option is a DOM
 * node the browser's own form tracking (autofill) walks on every keystroke in any field of the
 * page; a closed picker nobody touched needs none of them.
 *
 * @example
 * const { complete, reach } = useOptionsOnDemand(options.length)
 * <select {...reach}>{complete ? all : chosen}</select>
 */
export function useOptionsOnDemand(count: number) {
  const [reached, setReached] = useState(false)
  const onReach = useCallback(() => setReached(true), [])
  return {
    complete: reached || count < ON_DEMAND_FROM,
    reach: { onFocus: onReach, onPointerEnter: onReach, onPointerDown: onReach },
  }
}
