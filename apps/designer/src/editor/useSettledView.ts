import { useEffect, useRef, useState } from 'react'
import type { Store } from '../collab/store'
import { useEditor } from './EditorContext'
import type { FormView } from './form-view'

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

/**
 * A part of the view that follows the edits (anyone's) once they pause for `ms` — a number, or
 * one read from the view (a bigger form waits longer). A keystroke renders nothing here: only
 * the settled value does.
 *
 * @example
 * const json = useSettledView((view) => view.json, 250)
 */
export function useSettledView<S>(
  select: (view: FormView) => S,
  ms: number | ((view: FormView) => number),
): S {
  const { session } = useEditor()
  const [settled, setSettled] = useState(() => select(session.view.get()))
  const latest = useRef({ select, ms })
  latest.current = { select, ms }

  useEffect(
    () =>
      watchSettled(
        session.view,
        (view) => {
          const { ms } = latest.current
          return typeof ms === 'function' ? ms(view) : ms
        },
        (view) => setSettled(latest.current.select(view)),
      ),
    [session],
  )

  return settled
}
