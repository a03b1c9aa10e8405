import * as Y from 'yjs'
import { formTypes } from './layout'

/**
 * Transaction meta key of an edit that must be an undo step of its own (a version restore):
 * never merged with the editor's edits just before or after it, however close in time.
 */
export const OWN_UNDO_STEP = Symbol('yardstick:own-undo-step')

/** Options of `createUndoManager`. */
export interface UndoOptions {
  /** Edits closer together than this many ms undo as one step (default 500; 0 = each edit). */
  captureTimeout?: number
}

/**
 * A per-editor undo/redo stack (SPEC [DOC16]): a `Y.UndoManager` over the form's three types
 * that tracks only transactions with this editor's origin, so an undo never reverts someone
 * else's edit. Pass the same `origin` to every edit operation of that editor. Edits within
 * `captureTimeout` merge into one step, except a restore (`applySurveyJson`), which is always a
 * step of its own (SPEC [DOC15]).
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
  let afterOwnStep = false
  const manager: Y.UndoManager = new Y.UndoManager([survey, elements, items], {
    trackedOrigins: new Set([origin]),
    captureTimeout,
    // Called for every transaction before the manager decides whether to merge it into the
    // last step: cutting the capture here keeps a restore apart from the edit before it, and
    // the first transaction after it (tracked or not) keeps the next edit apart from it.
    captureTransaction: (transaction) => {
      const ownStep = transaction.meta.has(OWN_UNDO_STEP)
      if (ownStep || afterOwnStep) manager.stopCapturing()
      afterOwnStep = ownStep
      return true
    },
  })
  return manager
}
