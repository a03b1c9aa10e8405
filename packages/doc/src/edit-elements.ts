import type { ElementJson, PageJson } from '@yardstick/sdk'
import { formLimitIssue } from '@yardstick/sdk/limits'
import type * as Y from 'yjs'
import { formTypes, ROOT } from './layout'
import { containerDepth, refuse, shapeIssue, subtreeOf } from './limits'
import { acceptsElement, isWithin, orderFor } from './place'
import { writePlace, writePreviousPlace } from './place-fields'
import { deleteElements } from './remove'
import { refuseUnknownSlot } from './slots'
import { resolveTree } from './tree'
import { isPlainObject } from './values'
import { writeElement } from './write'

/** Where an element goes: a parent (`ROOT`, a page or a panel), its slot, a position. */
export interface ElementTarget {
  /** `ROOT` (a form with top-level `elements`), a page id or an element id. */
  parent: string
  /** The array it goes in (default `'elements'`; `'templateElements'` for a dynamic panel). */
  slot?: string
  /** Its position among the parent's children, counted without it (default: last). */
  index?: number
}

/** Options of `addElement`: where, and the question or panel JSON (with any children). */
export interface AddElementOptions extends ElementTarget {
  json: ElementJson
}

/** Options of `addPage`: the page JSON (default `{}`) and its position (default: last). */
export interface AddPageOptions {
  json?: PageJson
  index?: number
}

/**
 * Adds a page, with anything inside its JSON, in one transaction (SPEC [DOC10]).
 *
 * @throws FormLimitError (writing nothing) when the form would go over `FORM_LIMITS` ([DOC21])
 * @returns the new page's id
 * @example
 * const pageId = addPage(doc, { json: { name: 'p2', elements: [] }, index: 1 }, editorA)
 */
export function addPage(doc: Y.Doc, { json = {}, index }: AddPageOptions, origin: unknown) {
  const types = formTypes(doc)
  let id = ''
  doc.transact(() => {
    const tree = resolveTree(types)
    refuse(formLimitIssue(json, { root: 'page', elements: tree.elements.size, jsonDepth: 2 }))
    const order = orderFor(types.elements, tree.elementChildren(ROOT, 'pages'), index)
    id = writeElement(types, { parent: ROOT, slot: 'pages', order }, json)
  }, origin)
  return id
}

/**
 * Adds a question or panel (with anything inside its JSON) in one transaction
 * (SPEC [DOC10]).
 *
 * @returns the new element's id, or `null` when the parent is gone or cannot hold it
 * @throws FormLimitError (writing nothing) when the form would go over `FORM_LIMITS` ([DOC21])
 * @throws FormSlotError (writing nothing) when the parent's type has no such slot ([DOC22])
 * @example
 * const id = addElement(doc, { parent: pageId, index: 0, json: { type: 'text', name: 'q9' } }, me)
 */
export function addElement(
  doc: Y.Doc,
  { parent, slot = 'elements', index, json }: AddElementOptions,
  origin: unknown,
): string | null {
  if (!isPlainObject(json)) return null
  const types = formTypes(doc)
  let id: string | null = null
  doc.transact(() => {
    const tree = resolveTree(types)
    if (!acceptsElement(types, tree, { parent, slot, page: false })) return
    refuseUnknownSlot(types, parent, slot)
    const depth = containerDepth(tree, parent)
    const jsonDepth = 2 * depth + 4
    refuse(
      formLimitIssue(json, { root: 'element', depth, elements: tree.elements.size, jsonDepth }),
    )
    const order = orderFor(types.elements, tree.elementChildren(parent, slot), index)
    id = writeElement(types, { parent, slot, order }, json)
  }, origin)
  return id
}

/**
 * Moves a page, panel or question to a new parent and/or position: one change of its place
 * fields, in one transaction (SPEC [DOC3], [DOC10]). A page moves among pages only.
 *
 * @returns `false` (and writes nothing) when the node or the parent is gone, or the parent is
 *   the node itself or inside it
 * @throws FormLimitError (writing nothing) when the moved elements would nest deeper than
 *   `FORM_LIMITS.maxDepth` ([DOC21])
 * @throws FormSlotError (writing nothing) when the new parent's type has no such slot ([DOC22])
 * @example
 * moveElement(doc, questionId, { parent: panelId, index: 2 }, editorA)
 * moveElement(doc, pageId, { parent: ROOT, slot: 'pages', index: 0 }, editorA)
 */
export function moveElement(doc: Y.Doc, id: string, target: ElementTarget, origin: unknown) {
  const types = formTypes(doc)
  let moved = false
  doc.transact(() => {
    const tree = resolveTree(types)
    const node = types.elements.get(id)
    const now = tree.elements.get(id)
    if (!node || !now) return
    const page = now.slot === 'pages'
    const slot = target.slot ?? (page ? 'pages' : 'elements')
    if (!acceptsElement(types, tree, { parent: target.parent, slot, page })) return
    if (target.parent !== ROOT && isWithin(tree, target.parent, id)) return
    if (!page) {
      refuseUnknownSlot(types, target.parent, slot)
      const deepest = containerDepth(tree, target.parent) + 1 + subtreeOf(tree, id).height
      refuse(shapeIssue(deepest, tree.elements.size))
    }
    const siblings = tree.elementChildren(target.parent, slot).filter((s) => s.id !== id)
    const order = orderFor(types.elements, siblings, target.index)
    writePreviousPlace(node, now)
    writePlace(node, { parent: target.parent, slot, order })
    moved = true
  }, origin)
  return moved
}

/**
 * Removes a page, panel or question with everything inside it, in one transaction
 * (SPEC [DOC12]): the removal wins over concurrent edits, moves and additions inside it.
 *
 * @returns `false` when it was already gone
 * @example
 * removeElement(doc, panelId, editorA)
 */
export function removeElement(doc: Y.Doc, id: string, origin: unknown): boolean {
  const types = formTypes(doc)
  if (!types.elements.has(id)) return false
  doc.transact(() => deleteElements(types, resolveTree(types), [id]), origin)
  return true
}
