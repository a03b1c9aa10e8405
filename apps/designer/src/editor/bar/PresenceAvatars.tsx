import { initialsOf } from '../../collab/colors'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'

/** Everyone with the form open, in their colours; clicking one jumps to what they selected. */
export function PresenceAvatars() {
  const { t } = useI18n()
  const { peers, select, view } = useEditor()
  return (
    <ul className="presence" aria-label={t('presence.label')}>
      {peers.map((peer) => {
        const label = peer.local
          ? t('presence.you', { name: peer.user.name })
          : t('presence.jump', { name: peer.user.name })
        const target =
          peer.selection &&
          (peer.selection === 'root' ||
            view.nodes.has(peer.selection) ||
            view.items.has(peer.selection))
            ? peer.selection
            : null
        return (
          <li key={peer.clientId}>
            <button
              type="button"
              className={`avatar${peer.local ? ' avatar-local' : ''}`}
              style={{ backgroundColor: peer.user.color }}
              title={label}
              aria-label={label}
              data-user={peer.user.name}
              disabled={peer.local || !target}
              onClick={() => target && select(target)}
            >
              {initialsOf(peer.user.name)}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
