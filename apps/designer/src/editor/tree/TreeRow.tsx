import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { NodeView, PeerPresence } from '@yardstick/doc'
import { memo, useCallback, useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { usePeersOn, useViewSelect } from '../EditorContext'
import { nodeTitle, typeGlyph, typeKey } from '../labels'
import { PeerDots } from './PeerDots'

/**
 * One page, panel or question of the tree: draggable, selectable, with others' selections.
 * Reads its own node and its peers: the view keeps a node's object while it is unchanged, so
 * typing elsewhere, or someone selecting another row, leaves this row alone.
 */
export const TreeRow = memo(function TreeRow({
  id,
  ...rest
}: Omit<TreeRowViewProps, 'node' | 'peers'> & { id: string }) {
  const node = useViewSelect((view) => view.nodes.get(id))
  const peers = usePeersOn(id)
  // The tree drops a removed row in the same render; until then there is nothing to show.
  return node ? <TreeRowView node={node} peers={peers} {...rest} /> : null
})

type TreeRowViewProps = Parameters<typeof TreeRowView>[0]

function TreeRowView({
  index,
  measure,
  node,
  domId,
  selected,
  tabbable,
  collapsed,
  peers,
  draggable,
  onSelect,
  onToggle,
}: {
  /** Its place among the rows (for the tree's windowing). */
  index: number
  /** The windowing's ref, which reads the row's real height. */
  measure: (element: Element | null) => void
  node: NodeView
  domId: string
  selected: boolean
  tabbable: boolean
  collapsed: boolean
  peers: PeerPresence[]
  draggable: boolean
  onSelect: (id: string) => void
  onToggle: (id: string) => void
}) {
  const { t, locale } = useI18n()
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({
    id: node.id,
    disabled: !draggable,
  })
  const ref = useRef<HTMLDivElement | null>(null)
  // One callback for the row's life: a new one each render would measure it (a forced layout)
  // on every render; the windowing's ResizeObserver follows later size changes.
  const attach = useCallback(
    (element: HTMLDivElement | null) => {
      ref.current = element
      setNodeRef(element)
      measure(element)
    },
    [setNodeRef, measure],
  )
  const container = node.kind !== 'question'
  const title = nodeTitle(node, locale) || t('tree.untitled')
  const type = typeKey(node.json.type)
  const kindLabel =
    node.kind === 'page' ? t('tree.page') : type ? t(type) : String(node.json.type ?? '')
  const color = peers[0]?.user.color
  const drawCount = node.json.drawCount

  useEffect(() => {
    if (selected && ref.current && !ref.current.contains(document.activeElement)) {
      ref.current.scrollIntoView({ block: 'nearest' })
    }
  }, [selected])

  return (
    <div
      ref={attach}
      data-index={index}
      id={domId}
      role="treeitem"
      aria-level={node.depth + 2}
      aria-selected={selected}
      aria-expanded={container ? !collapsed : undefined}
      aria-label={`${kindLabel}：${title}`}
      tabIndex={tabbable ? 0 : -1}
      data-node-id={node.id}
      data-name={String(node.json.name ?? '')}
      className={`tree-row tree-${node.kind}${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${color ? ' peer-selected' : ''}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        paddingLeft: `${0.5 + node.depth * 1.1}rem`,
        ...(color ? { outlineColor: color } : {}),
      }}
      onClick={() => onSelect(node.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          onSelect(node.id)
        }
      }}
      {...(draggable ? listeners : {})}
    >
      {container ? (
        <button
          type="button"
          className="twisty"
          tabIndex={-1}
          aria-label={collapsed ? t('tree.expand') : t('tree.collapse')}
          onClick={(e) => {
            e.stopPropagation()
            onToggle(node.id)
          }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="twisty" aria-hidden="true" />
      )}
      <span className="glyph" aria-hidden="true" title={kindLabel}>
        {typeGlyph(node)}
      </span>
      <span className="row-title">{title}</span>
      {typeof drawCount === 'number' && (
        <span className="badge">{t('tree.bank', { n: drawCount })}</span>
      )}
      {node.kind !== 'page' && <span className="row-name">{String(node.json.name ?? '')}</span>}
      <PeerDots peers={peers} />
    </div>
  )
}
