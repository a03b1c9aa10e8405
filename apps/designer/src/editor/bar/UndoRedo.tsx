import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

/** Undo and redo of this editor's own edits (SPEC [DOC16]), with their shortcuts. */
export function UndoRedo() {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const { undo } = session
  const [, setRound] = useState(0)
  useEffect(() => {
    const bump = () => setRound((r) => r + 1)
    undo.on('stack-item-added', bump)
    undo.on('stack-item-popped', bump)
    undo.on('stack-cleared', bump)
    return () => {
      undo.off('stack-item-added', bump)
      undo.off('stack-item-popped', bump)
      undo.off('stack-cleared', bump)
    }
  }, [undo])
  return (
    <span className="undo-redo">
      <button
        type="button"
        aria-label={t('editor.undo')}
        title={t('editor.undo')}
        aria-keyshortcuts="Control+Z"
        disabled={!canWrite || !undo.canUndo()}
        onClick={() => undo.undo()}
      >
        ↶
      </button>
      <button
        type="button"
        aria-label={t('editor.redo')}
        title={t('editor.redo')}
        aria-keyshortcuts="Control+Shift+Z"
        disabled={!canWrite || !undo.canRedo()}
        onClick={() => undo.redo()}
      >
        ↷
      </button>
    </span>
  )
}
