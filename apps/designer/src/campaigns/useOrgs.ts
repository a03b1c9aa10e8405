import type { OrgNode } from '../api/types'
import { useApi } from '../api/useApi'
import { type Resource, useResource } from '../api/useResource'

/** The organisation tree the user reaches (`GET /api/orgs`). */
export function useOrgs(): Resource<{ items: OrgNode[] }> {
  const api = useApi()
  return useResource('orgs', (signal) => api<{ items: OrgNode[] }>('/api/orgs', { signal }))
}

/**
 * The organisations of some kinds, depth-first, each with its depth (for indenting a picker).
 * With `activeOnly`, retired units and everything under them are left out (a new campaign
 * takes none); results filters keep them, since past campaigns hold them.
 *
 * @example
 * orgsOfKinds(tree, ['committee', 'subcommittee']) // [{ node: 机关工委, depth: 0 }, …]
 */
export function orgsOfKinds(
  nodes: readonly OrgNode[],
  kinds: ReadonlyArray<OrgNode['kind']>,
  { activeOnly = false }: { activeOnly?: boolean } = {},
): Array<{ node: OrgNode; depth: number }> {
  const out: Array<{ node: OrgNode; depth: number }> = []
  const walk = (list: readonly OrgNode[], depth: number) => {
    for (const node of list) {
      if (activeOnly && node.retiredAt) continue
      if (kinds.includes(node.kind)) out.push({ node, depth })
      if (node.children) walk(node.children, depth + 1)
    }
  }
  walk(nodes, 0)
  return out
}
