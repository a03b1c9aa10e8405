import type { Store } from '../collab/store'

/**
 * Calls `settled` once a store has stopped changing for `ms` (a number, or one read from the
 * value), and once at the start; returns the unsubscribe. Outside React: watching costs no
 * render per change.
 */
export function watchSettled<T>(
  store: Store<T>,
  ms: number | ((value: T) => number),
  settled: (value: T) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const onChange = () => {
    clearTimeout(timer)
    const wait = typeof ms === 'function' ? ms(store.get()) : ms
    timer = setTimeout(() => settled(store.get()), wait)
  }
  const unsubscribe = store.subscribe(onChange)
  onChange()
  return () => {
    unsubscribe()
    clearTimeout(timer)
  }
}
