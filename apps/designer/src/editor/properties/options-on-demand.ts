import { useCallback, useState } from 'react'

/** Lists at least this long are rendered on demand. */
const ON_DEMAND_FROM = 30

/**
 * Long option lists (pickers of 500 questions) rendered only once their select is reached — by
 * focus (keyboard) or pointer — and until then just the chosen option. A 500-question form's
 * two pickers held 1,000 `<option>`s in the page, which style, layout and the browser's form
 * tracking keep for every keystroke; a closed picker nobody touched needs none of them.
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
