import type { OrgNode } from '@yardstick/contract'
import { useI18n } from '../i18n/I18nProvider'
import { allNodes } from './org-tree'

/**
 * A select of the units the admin reaches and that are active, indented by depth (a grant's
 * organisation, a filter's subtree).
 */
export function OrgSelect({
  id,
  tree,
  value,
  onChange,
  empty,
}: {
  id: string
  tree: readonly OrgNode[]
  value: string
  onChange: (value: string) => void
  /** The text of the empty choice. */
  empty: string
}) {
  const { t } = useI18n()
  const nodes = allNodes(tree).filter(({ node }) => node.reached && !node.retiredAt)
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {nodes.map(({ node, depth }) => (
        <option key={node.id} value={node.id}>
          {'\u3000'.repeat(depth)}
          {node.name}
          {node.kind === 'branch' ? '' : `（${t(`orgKind.${node.kind}`)}）`}
        </option>
      ))}
    </select>
  )
}
