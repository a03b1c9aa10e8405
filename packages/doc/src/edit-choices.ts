import type * as Y from 'yjs'
import { formTypes, ROOT } from './layout'
import { acceptsItem, orderFor } from './place'
import { writePlace } from './place-fields'
import { refuseUnknownSlot } from './slots'
import { resolveTree } from './tree'
import { writeItem } from './write'

/** Where a choice goes: its question (or `ROOT` for `dimensions`), slot, position. */
export interface ChoiceTarget {
  /** The question's id (`ROOT` for the survey's `dimensions`). */
  parent: string
  /** `'choices'` (default), `'rateValues'`, `'rows'`, `'columns'`, `'items'`, `'dimensions'`. */
  slot?: string
  /** Its position among the slot's entries, counted without it (default: last). */
  index?: number
}

/** A choice (or kin) as JSON: a bare value or an object (`ChoiceJson`, `{ name, weight }`…). */
export type ItemJson = string | number | boolean | null | Readonly<Record<string, unknown>>

/** Options of `addChoice`: where, and the entry. */
export interface AddChoiceOptions extends ChoiceTarget {
  json: ItemJson
}

const defaultSlot = (parent: string, slot: string | undefined) =>
  slot ?? (parent === ROOT ? 'dimensions' : 'choices')

/**
 * Adds a choice (or a rate value, matrix row/column, multiple-text item, dimension) in one
 * transaction (SPEC [DOC10]).
 *
 * @returns the new entry's id, or `null` when the question is gone or has no such slot
 * @throws FormSlotError (writing nothing) when the question's type has no such slot ([DOC22])
 * @example
 * addChoice(doc, { parent: questionId, json: { value: 'n/a', text: '不适用' } }, editorA)
 */
export function addChoice(
  doc: Y.Doc,
  { parent, slot, index, json }: AddChoiceOptions,
  origin: unknown,
): string | null {
  if (Array.isArray(json)) return null
  const types = formTypes(doc)
  const into = defaultSlot(parent, slot)
  let id: string | null = null
  doc.transact(() => {
    const tree = resolveTree(types)
    if (!acceptsItem(types, tree, parent, into)) return
    refuseUnknownSlot(types, parent, into)
    const order = orderFor(types.items, tree.itemChildren(parent, into), index)
    id = writeItem(types, { parent, slot: into, order }, json)
  }, origin)
  return id
}

/**
 * Moves a choice to another position and/or question: one change of its place fields, in one
 * transaction (SPEC [DOC3], [DOC10]).
 *
 * @returns `false` (and writes nothing) when the choice or the target question is gone
 * @throws FormSlotError (writing nothing) when the target's type has no such slot ([DOC22])
 * @example
 * moveChoice(doc, choiceId, { parent: questionId, index: 0 }, editorA)
 */
export function moveChoice(doc: Y.Doc, id: string, target: ChoiceTarget, origin: unknown) {
  const types = formTypes(doc)
  const slot = defaultSlot(target.parent, target.slot)
  let moved = false
  doc.transact(() => {
    const tree = resolveTree(types)
    const node = types.items.get(id)
    if (!node || !tree.items.has(id) || !acceptsItem(types, tree, target.parent, slot)) return
    refuseUnknownSlot(types, target.parent, slot)
    const siblings = tree.itemChildren(target.parent, slot).filter((s) => s.id !== id)
    writePlace(node, {
      parent: target.parent,
      slot,
      order: orderFor(types.items, siblings, target.index),
    })
    moved = true
  }, origin)
  return moved
}

/**
 * Removes a choice in one transaction (SPEC [DOC12]).
 *
 * @returns `false` when it was already gone
 * @example
 * removeChoice(doc, choiceId, editorA)
 */
export function removeChoice(doc: Y.Doc, id: string, origin: unknown): boolean {
  const types = formTypes(doc)
  if (!types.items.has(id)) return false
  doc.transact(() => types.items.delete(id), origin)
  return true
}
