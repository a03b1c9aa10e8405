import { connectionText } from '../../collab/connection-text'
import { useStore } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

/** Always visible: connecting, synced, offline (edits kept locally) or closed, and why. */
export function ConnectionBadge() {
  const { t } = useI18n()
  const { session } = useEditor()
  const connection = useStore(session.connection)
  const code = 'code' in connection ? connection.code : null
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
      {connection.state === 'closed' && connection.reason !== 'unauthenticated' && (
        <button type="button" className="link" onClick={session.reconnect}>
          {t('conn.reconnect')}
        </button>
      )}
    </div>
  )
}
