import type { OrgNode } from '@yardstick/contract'
import { UNIT_TYPE_LABELS } from './unit-types'
import type { OrgNode as OrgTreeNode } from './visible-orgs'

/**
 * An organisation as the API answers it (`OrgNode` of the contract): with its branch type's
 * labels and `retiredAt` in ISO 8601, children likewise.
 *
 * @example
 * c.json(orgJson({ ...row, reached: true }), 200)
 */
export function orgJson({ children, ...node }: OrgTreeNode): OrgNode {
  return {
    id: node.id,
    parentId: node.parentId,
    kind: node.kind,
    name: node.name,
    unitType: node.unitType,
    unitTypeLabel: node.unitType ? UNIT_TYPE_LABELS[node.unitType] : null,
    path: node.path,
    code: node.code,
    retiredAt: node.retiredAt?.toISOString() ?? null,
    reached: node.reached,
    ...(children ? { children: children.map(orgJson) } : {}),
  }
}
