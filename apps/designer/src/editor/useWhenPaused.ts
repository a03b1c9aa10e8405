import type { FormView } from '@yardstick/doc'
import { useCallback, useEffect, useRef } from 'react'
import { useEditor } from './EditorContext'
import { type PauseSchedule, schedulePauses } from './pause-schedule'

// What this editor does that a run must not interrupt.
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const
// A SurveyJS model costs about 1 ms per question here, so the pause grows with the form: 150 ms
// for a short form, a second and more for 500 questions.
const pauseMs = (view: FormView) => Math.min(1500, Math.max(150, view.order.length * 2))
// While colleagues keep editing, a run at most every this many times the last one took.
const SPACING = 2

/**
 * Calls `run` with the view once this editor pauses after any change to the form (anyone's),
 * and once after the editor opens (`schedulePauses`: never between this editor's keystrokes;
 * colleagues' edits spaced by the work's own cost). Returns what to call when the run's work is
 * done, so its duration spaces the next.
 */
export function useWhenPaused(run: (view: FormView) => void): () => void {
  const { session } = useEditor()
  const latest = useRef(run)
  latest.current = run
  const schedule = useRef<PauseSchedule | null>(null)

  useEffect(() => {
    const current = schedulePauses(() => latest.current(session.view.get()), {
      pauseMs: () => pauseMs(session.view.get()),
      spacing: SPACING,
    })
    schedule.current = current
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === session.origin || origin === session.undo) current.active()
    }
    session.doc.on('update', onUpdate)
    for (const type of ACTIVITY)
      window.addEventListener(type, current.active, { capture: true, passive: true })
    const unsubscribe = session.view.subscribe(current.changed)
    current.changed()
    return () => {
      session.doc.off('update', onUpdate)
      for (const type of ACTIVITY)
        window.removeEventListener(type, current.active, { capture: true })
      unsubscribe()
      current.stop()
      schedule.current = null
    }
  }, [session])

  return useCallback(() => schedule.current?.finished(), [])
}
