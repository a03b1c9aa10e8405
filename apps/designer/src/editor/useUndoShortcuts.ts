import { useEffect } from 'react'
import type * as Y from 'yjs'

/**
 * Ctrl+Z undoes and Ctrl+Shift+Z / Ctrl+Y redo this editor's own edits (Cmd on a Mac), wherever
 * the focus is in the editor, except inside the live preview, whose inputs keep their own undo.
 */
export function useUndoShortcuts(undo: Y.UndoManager, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.isComposing) return
      if ((event.target as Element | null)?.closest?.('.preview-survey')) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault()
        undo.undo()
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault()
        undo.redo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, enabled])
}
