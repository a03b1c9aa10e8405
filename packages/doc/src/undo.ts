import * as Y from 'yjs'
import { formTypes } from './layout'

/** Options of `createUndoManager`. */
export interface UndoOptions {
  /** Edits closer together than this many ms undo as one step (default 500; 0 = each edit). */
  captureTimeout?: number
}

/**
 * A per-editor undo/redo stack (SPEC [DOC16]): a `Y.UndoManager` over the form's three types
 * that tracks only transactions with this editor's origin, so an undo never reverts someone
 * else's edit. Pass the same `origin` to every edit operation of that editor.
 *
 * @param doc - the form document
 * @param origin - the editor's origin (any value; an object per editor is safest)
 * @param options - `captureTimeout` (default 500 ms)
 * @example
 * const me = { user: 'alice' }
 * const undo = createUndoManager(doc, me)
 * setProperty(doc, { target: id, key: 'isRequired', value: true }, me)
 * undo.undo() // only alice's edit is reverted
 */
export function createUndoManager(
  doc: Y.Doc,
  origin: unknown,
  { captureTimeout = 500 }: UndoOptions = {},
): Y.UndoManager {
  const { survey, elements, items } = formTypes(doc)
  return new Y.UndoManager([survey, elements, items], {
    trackedOrigins: new Set([origin]),
    captureTimeout,
  })
}
