import type { FormJson } from '@yardstick/sdk'
import { useRef, useState } from 'react'
import { useWhenPaused } from '../useWhenPaused'

/**
 * The form JSON the preview shows, and what the preview calls once it has shown it. `null` until
 * the page has opened and paused; then the view's JSON whenever this editor pauses
 * (`useWhenPaused`): a rebuild (hundreds of milliseconds for 500 questions) never lands between
 * this editor's keystrokes, and an editor who watches sees colleagues' edits at most every few
 * rebuild-times.
 */
export function usePreviewJson(): { json: FormJson | null; shown: () => void } {
  const [json, setJson] = useState<FormJson | null>(null)
  const current = useRef(json)
  current.current = json
  const shown = useWhenPaused((view) => {
    // The same JSON renders nothing, so nothing would say it was shown.
    if (view.json === current.current) shown()
    else setJson(view.json)
  })
  return { json, shown }
}
