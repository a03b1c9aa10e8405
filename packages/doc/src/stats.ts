import type * as Y from 'yjs'
import { formTypes } from './layout'
import { resolveTree } from './tree'

/** How much a form document holds: what `toSurveyJson` shows, and what it hides. */
export interface FormDocStats {
  /** Pages shown. */
  pages: number
  /** Questions and panels shown, at any depth. */
  elements: number
  /** Entries of every item slot shown: choices, rate values, rows, columns, items, dimensions. */
  choices: number
  /** Stored pages/elements/items not shown: orphans of a concurrent removal (SPEC [DOC12]). */
  hidden: number
}

/**
 * Counts a form document's pages, elements and choices (SPEC [DOC18]).
 *
 * @example
 * formDocStats(fromSurveyJson(templates.quiz)) // { pages: 2, elements: 111, choices: 414, hidden: 0 }
 */
export function formDocStats(doc: Y.Doc): FormDocStats {
  const types = formTypes(doc)
  const tree = resolveTree(types)
  let pages = 0
  for (const p of tree.elements.values()) if (p.slot === 'pages') pages++
  return {
    pages,
    elements: tree.elements.size - pages,
    choices: tree.items.size,
    hidden: types.elements.size - tree.elements.size + types.items.size - tree.items.size,
  }
}
