import type { FormView } from '@yardstick/doc'
import { ROOT } from '@yardstick/doc'
import { initialsOf } from '../../collab/colors'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, usePeers, useViewSelect } from '../EditorContext'

/** Everyone with the form open, in their colours; clicking one jumps to what they selected. */
export function PresenceAvatars() {
  const { t } = useI18n()
  const { select } = useEditor()
  const peers = usePeers()
  // Which selections can be jumped to, as one string: typing elsewhere does not render this.
  const reachable = useViewSelect((view) =>
    peers.map((peer) => (isShown(view, peer.selection) ? '1' : '0')).join(''),
  )
  return (
    <ul className="presence" aria-label={t('presence.label')}>
      {peers.map((peer, i) => {
        const label = peer.local
          ? t('presence.you', { name: peer.user.name })
          : t('presence.jump', { name: peer.user.name })
        const target = reachable[i] === '1' ? (peer.selection ?? null) : null
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

/** Whether a selected id is something the editor shows: the form, a node or an item. */
function isShown(view: FormView, id: string | undefined): boolean {
  return id !== undefined && (id === ROOT || view.nodes.has(id) || view.items.has(id))
}
