import type { Block, BlockList, NewBlockBody } from '@yardstick/contract'
import type { FormView, NodeView } from '@yardstick/doc'
import type { ElementJson } from '@yardstick/sdk'
import { siblingsOf } from '../tree/places'

/** What the simple editor's parts share of the office's blocks: the list and how to change it. */
export interface OfficeBlocks {
  items: Block[] | undefined
  error: unknown
  save: (body: NewBlockBody) => Promise<Block>
  remove: (block: Block) => Promise<void>
}

export type { Block, BlockList }

/**
 * What saving a node as a block keeps: the question or panel, and after it the 问题清单
 * follow-ups beside it that belong to it (`problemOf` its name), so a 是否 item is saved whole.
 */
export function blockElements(view: FormView, node: NodeView): ElementJson[] {
  const own = node.json as ElementJson
  const followUps = siblingsOf(view, node)
    .map((id) => view.nodes.get(id)?.json as ElementJson | undefined)
    .filter(
      (json): json is ElementJson => json?.problemOf !== undefined && json.problemOf === own.name,
    )
  return [own, ...followUps]
}
