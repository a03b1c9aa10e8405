import type { FormJson } from '@yardstick/sdk'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useEditor } from '../EditorContext'
import type { FormView } from '../form-view'

// Building a SurveyJS model costs about 1 ms per question here, so the preview waits for this
// editor to pause for a time that grows with the form: 150 ms for a short form, a second and
// more for 500 questions.
const pauseMs = (view: FormView) => Math.min(1500, Math.max(150, view.order.length * 2))
// While colleagues keep editing, a rebuild at most every this many times the last one took.
const SPACING = 2
// What this editor does that a rebuild must not interrupt.
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const

/**
 * The form JSON the preview shows, and what the preview calls once it has shown it. `null` until
 * the page has opened and paused; then the view's JSON whenever this editor pauses (no edit,
 * key, click or scroll of theirs for the pause): a rebuild (hundreds of milliseconds for 500
 * questions) never lands between this editor's keystrokes. Colleagues' edits never postpone it,
 * so an editor who watches sees them, at most every few rebuild-times.
 */
export function usePreviewJson(): { json: FormJson | null; shown: () => void } {
  const { session } = useEditor()
  const [json, setJson] = useState<FormJson | null>(null)
  const building = useRef<{ since: number; took: number }>({ since: 0, took: 0 })

  useEffect(() => {
    let lastActivity = Number.NEGATIVE_INFINITY
    let timer: ReturnType<typeof setTimeout> | undefined
    const show = () => {
      timer = undefined
      const view = session.view.get()
      const now = performance.now()
      const wait = Math.max(
        pauseMs(view) - (now - lastActivity),
        SPACING * building.current.took - (now - building.current.since),
      )
      if (wait > 0) {
        timer = setTimeout(show, wait)
        return
      }
      building.current.since = now
      setJson(view.json)
    }
    const changed = () => {
      timer ??= setTimeout(show, pauseMs(session.view.get()))
    }
    const active = () => {
      lastActivity = performance.now()
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === session.origin || origin === session.undo) active()
    }
    session.doc.on('update', onUpdate)
    for (const type of ACTIVITY)
      window.addEventListener(type, active, { capture: true, passive: true })
    const unsubscribe = session.view.subscribe(changed)
    changed()
    return () => {
      session.doc.off('update', onUpdate)
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true })
      unsubscribe()
      clearTimeout(timer)
    }
  }, [session])

  const shown = useCallback(() => {
    building.current.took = performance.now() - building.current.since
  }, [])
  return { json, shown }
}
