import { Serializer } from 'survey-core'
import * as Y from 'yjs'
import { elementKind, type FormTypes, ROOT, storedKey } from './layout'
import { fromStored } from './values'

/** Why an edit was refused: the element's SurveyJS type has no such array property. */
export interface SlotIssue {
  code: 'unknownSlot'
  /** The element's `type` (`'text'`, `'panel'`…). */
  type: string
  /** The slot asked for (`'elements'`, `'choices'`…). */
  slot: string
}

/**
 * Thrown by an edit that would put entries in a slot the element's type does not have
 * (`elements` in a text question, `choices` in a panel): SurveyJS would refuse the JSON
 * (SPEC [DOC22]). Nothing is written.
 */
export class FormSlotError extends Error {
  readonly issue: SlotIssue
  constructor(issue: SlotIssue) {
    super(`A ${issue.type} has no "${issue.slot}": SurveyJS would not load it`)
    this.name = 'FormSlotError'
    this.issue = issue
  }
}

/**
 * Whether SurveyJS's `Serializer` gives elements of `type` the array property `slot`. A type
 * the Serializer does not know (a custom component registered elsewhere) is given the benefit of
 * the doubt.
 *
 * @example
 * typeHasSlot('panel', 'elements') // true
 * typeHasSlot('text', 'elements') // false
 */
export function typeHasSlot(type: unknown, slot: string): boolean {
  if (typeof type !== 'string' || !Serializer.findClass(type)) return true
  return Serializer.findProperty(type, slot)?.isArray === true
}

/**
 * Throws `FormSlotError` when `parent` is an element (not the survey or a page) whose type has
 * no `slot` (SPEC [DOC22]).
 */
export function refuseUnknownSlot(types: FormTypes, parent: string, slot: string): void {
  if (parent === ROOT) return
  const node = types.elements.get(parent)
  if (!(node instanceof Y.Map)) return
  if (elementKind(node) === 'page') return
  const type = fromStored(node.get(storedKey('type')))
  if (!typeHasSlot(type, slot)) {
    throw new FormSlotError({ code: 'unknownSlot', type: String(type), slot })
  }
}
