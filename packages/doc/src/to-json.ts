import type { FormJson } from '@yardstick/sdk'
import type * as Y from 'yjs'
import {
  ELEMENT_SLOTS,
  elementKind,
  FIELD,
  formTypes,
  ITEM_SLOTS,
  jsonKey,
  keyHint,
  type OwnerKind,
  orderKeys,
  ROOT,
} from './layout'
import { resolveTree } from './tree'
import { fromStored } from './values'

/**
 * The SurveyJS JSON of a form document (SPEC [DOC9]): for a document made by `fromSurveyJson`
 * it deep-equals the JSON it was made from, key order included. Orphans are never shown
 * ([DOC12]) and move cycles are broken the same way on every replica ([DOC13]).
 *
 * @param doc - a document laid out by `fromSurveyJson` (an empty doc gives `{}`)
 * @example
 * const doc = fromSurveyJson({ title: 'Form', pages: [{ name: 'p1', elements: [] }] })
 * toSurveyJson(doc) // { title: 'Form', pages: [{ name: 'p1', elements: [] }] }
 */
export function toSurveyJson(doc: Y.Doc): FormJson {
  const types = formTypes(doc)
  const tree = resolveTree(types)
  const render = (id: string, kind: OwnerKind, map: Y.Map<unknown>): Record<string, unknown> => {
    const values = new Map<string, unknown>()
    for (const [stored, value] of map.entries()) {
      const key = jsonKey(stored)
      if (key !== null) values.set(key, value)
    }
    const hint = keyHint(map)
    const slots = tree.slotsWithChildren(id)
    const present = new Set(values.keys())
    for (const slot of [...ELEMENT_SLOTS[kind], ...ITEM_SLOTS[kind]]) {
      if (slots.has(slot) || (hint.includes(slot) && !values.has(slot))) present.add(slot)
    }
    // Children stored in slots this owner kind does not have (never written by our edits).
    for (const slot of slots) present.add(slot)
    const out: Record<string, unknown> = {}
    for (const key of orderKeys(hint, present)) {
      const shown = slots.has(key) || !values.has(key)
      out[key] = shown ? renderSlot(id, key) : fromStored(values.get(key))
    }
    return out
  }
  const renderSlot = (parent: string, slot: string): unknown[] => {
    const list: unknown[] = []
    for (const { id } of tree.elementChildren(parent, slot)) {
      const node = types.elements.get(id)
      if (node) list.push(render(id, elementKind(node), node))
    }
    for (const { id } of tree.itemChildren(parent, slot)) {
      const node = types.items.get(id)
      if (node) list.push(renderItem(node, id))
    }
    return list
  }
  const renderItem = (node: Y.Map<unknown>, id: string): unknown =>
    node.has(FIELD.value) ? fromStored(node.get(FIELD.value)) : render(id, 'item', node)
  return render(ROOT, 'survey', types.survey) as FormJson
}
