import { isRejectedEdit } from '@yardstick/doc'
import { useState } from 'react'
import { connectionText } from '../../collab/connection-text'
import { useStore } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

/**
 * Always visible: connecting, synced, offline (edits kept locally) or closed, and why. Closed
 * because the server refused this editor's own changes (`isRejectedEdit`), it offers to discard
 * them and reload the server's form; closed otherwise (but signed out), to reconnect.
 */
export function ConnectionBadge() {
  const { t } = useI18n()
  const { session, reopen } = useEditor()
  const connection = useStore(session.connection)
  const [discarding, setDiscarding] = useState(false)
  const code = 'code' in connection ? connection.code : null
  const discard = () => {
    setDiscarding(true)
    // Reopened even if IndexedDB failed to delete: changes still there are refused again.
    void session.discardUnsaved().finally(reopen)
  }
  let action = null
  if (connection.state === 'closed' && isRejectedEdit(connection.code)) {
    action = (
      <button type="button" className="link" onClick={discard} disabled={discarding}>
        {t('conn.discard')}
      </button>
    )
  } else if (connection.state === 'closed' && connection.reason !== 'unauthenticated') {
    action = (
      <button type="button" className="link" onClick={session.reconnect}>
        {t('conn.reconnect')}
      </button>
    )
  }
  return (
    <div
      className={`connection connection-${connection.state}`}
      role="status"
      aria-label={t('conn.label')}
      data-state={connection.state}
      data-code={code ?? undefined}
    >
      <span className="dot" aria-hidden="true" />
      <span>{connectionText(connection, t)}</span>
      {action}
    </div>
  )
}
