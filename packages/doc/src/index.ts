/**
 * @yardstick/doc — the form as a Yjs document (docs/DESIGN.md §3): SurveyJS JSON <-> Y.Doc with an
 * exact round trip, edit operations that merge under concurrency, per-editor undo and presence.
 * The rules are numbered in SPEC.md.
 *
 * @module @yardstick/doc
 */

export { applySurveyJson } from './apply-json'
export type { CloseReason } from './close-reasons'
export {
  CLOSE_REASONS,
  closeReasonOf,
  isPermanentClose,
  isRefusal,
  isRejectedEdit,
} from './close-reasons'
export type { AddChoiceOptions, ChoiceTarget, ItemJson } from './edit-choices'
export { addChoice, moveChoice, removeChoice } from './edit-choices'
export type { AddElementOptions, AddPageOptions, ElementTarget } from './edit-elements'
export { addElement, addPage, moveElement, removeElement } from './edit-elements'
export type { EditTextOptions, SetPropertyOptions } from './edit-properties'
export { editText, setProperty } from './edit-properties'
export type { FormView, ItemView, NodeKind, NodeView } from './form-view'
export { idForPath, nodeOf, readFormView } from './form-view'
export type { ViewChanges, ViewChangeTracker } from './form-view-update'
export { trackViewChanges, updateFormView } from './form-view-update'
export { fromSurveyJson } from './from-json'
export type { SurveyJson } from './layout'
export { ROOT } from './layout'
export { formDocLimitIssue, updateLimitIssue } from './limits'
export type { PeerPresence, Presence, PresenceEditing, PresenceUser } from './presence'
export { parsePresence, readPresence, setPresence } from './presence'
export { childIds, findElementId } from './queries'
export type { SlotIssue } from './slots'
export { FormSlotError, typeHasSlot } from './slots'
export type { FormDocStats } from './stats'
export { formDocStats } from './stats'
export { toSurveyJson } from './to-json'
export type { UndoOptions } from './undo'
export { createUndoManager } from './undo'
export { TEXT_KEYS } from './values'
