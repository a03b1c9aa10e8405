import type { PeerPresence } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { PeerDots } from './PeerDots'

/** The first row of the tree: the form's own settings (title, kind, dimensions). */
export function SurveyRow({
  domId,
  selected,
  tabbable,
  peers,
  onSelect,
}: {
  domId: string
  selected: boolean
  tabbable: boolean
  peers: PeerPresence[]
  onSelect: () => void
}) {
  const { t } = useI18n()
  const color = peers[0]?.user.color
  return (
    <div
      id={domId}
      role="treeitem"
      aria-level={1}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`tree-row tree-survey${selected ? ' selected' : ''}${color ? ' peer-selected' : ''}`}
      style={color ? { outlineColor: color } : undefined}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          onSelect()
        }
      }}
    >
      <span className="glyph" aria-hidden="true">
        ⚙
      </span>
      <span className="row-title">{t('tree.survey')}</span>
      <PeerDots peers={peers} />
    </div>
  )
}
