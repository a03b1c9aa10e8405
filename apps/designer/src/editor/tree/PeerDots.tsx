import type { PeerPresence } from '@yardstick/doc'
import { initialsOf } from '../../collab/colors'
import { useI18n } from '../../i18n/I18nProvider'

/** The other editors who selected a row, as small dots in their colours. */
export function PeerDots({ peers }: { peers: PeerPresence[] }) {
  const { t } = useI18n()
  if (peers.length === 0) return null
  const names = peers.map((p) => p.user.name).join('、')
  return (
    <span className="peer-dots" title={t('presence.selected', { names })}>
      <span className="visually-hidden">{t('presence.selected', { names })}</span>
      {peers.map((p) => (
        <span
          key={p.clientId}
          className="peer-dot"
          aria-hidden="true"
          data-user={p.user.name}
          style={{ backgroundColor: p.user.color }}
        >
          {initialsOf(p.user.name)}
        </span>
      ))}
    </span>
  )
}
