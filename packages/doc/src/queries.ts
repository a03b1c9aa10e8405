import * as Y from 'yjs'
import { elementKind, formTypes, ROOT } from './layout'
import { resolveTree } from './tree'
import { fromStored } from './values'

/**
 * The id of the shown page or element with this `name` (the first in document order when
 * names repeat), or `null`: how the designer and tests find what they edit.
 *
 * @param options - `pages: true` to look among pages instead of questions and panels
 * @example
 * const id = findElementId(doc, 'theoryStudy')
 */
export function findElementId(
  doc: Y.Doc,
  name: string,
  { pages = false }: { pages?: boolean } = {},
): string | null {
  const types = formTypes(doc)
  const tree = resolveTree(types)
  const stack = [
    ...tree.elementChildren(ROOT, 'pages'),
    ...tree.elementChildren(ROOT, 'elements'),
  ].reverse()
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const node = types.elements.get(next.id)
    if (!(node instanceof Y.Map)) continue
    if ((elementKind(node) === 'page') === pages && fromStored(node.get('name')) === name) {
      return next.id
    }
    for (const slot of tree.slotsWithChildren(next.id)) {
      stack.push(...[...tree.elementChildren(next.id, slot)].reverse())
    }
  }
  return null
}

/**
 * The ids shown in one slot of a parent, in order: pages (`ROOT`, `'pages'`), elements
 * (`'elements'`, `'templateElements'`) or items (`'choices'`, `'rateValues'`, …).
 *
 * @example
 * const [firstPage] = childIds(doc, ROOT, 'pages')
 * const choiceIds = childIds(doc, questionId, 'choices')
 */
export function childIds(doc: Y.Doc, parent: string, slot: string): string[] {
  const tree = resolveTree(formTypes(doc))
  return [...tree.elementChildren(parent, slot), ...tree.itemChildren(parent, slot)].map(
    (s) => s.id,
  )
}
