import { formLimitIssue } from '@yardstick/sdk/limits'
import * as Y from 'yjs'
import { assignValue } from './assign'
import {
  ELEMENT_SLOTS,
  elementKind,
  FIELD,
  type FormTypes,
  formTypes,
  ITEM_SLOTS,
  keyHint,
  type OwnerKind,
  ROOT,
  storedKey,
} from './layout'
import { containerDepth, refuse, subtreeOf } from './limits'
import { deleteSlotElements, deleteSlotItems } from './remove'
import { refuseUnknownSlot } from './slots'
import { type FormTree, resolveTree } from './tree'
import { createLocaleMap, fromStored, localeOrder, toStored, writeLocaleOrder } from './values'
import { writeProperty } from './write'

/** What `setProperty` changes: a property of the survey (`ROOT`), a page/element or a choice. */
export interface SetPropertyOptions {
  target: string
  key: string
  /** The new JSON value; `undefined` removes the property. */
  value: unknown
}

/** What `editText` changes: one text property (one locale of it) of a target. */
export interface EditTextOptions {
  target: string
  key: string
  /** The locale to edit (`'default'`, `'en'`, `'zh-cn'`…); omit for a plain string. */
  locale?: string
  /** Where to edit, in UTF-16 code units (clamped to the text). */
  index: number
  /** How many code units to delete at `index` (default 0). */
  remove?: number
  /** What to insert at `index` (default `''`). */
  insert?: string
}

interface Owner {
  id: string
  kind: OwnerKind
  map: Y.Map<unknown>
}

function findOwner(types: FormTypes, target: string): Owner | null {
  if (target === ROOT) return { id: ROOT, kind: 'survey', map: types.survey }
  const element = types.elements.get(target)
  if (element instanceof Y.Map) return { id: target, kind: elementKind(element), map: element }
  const item = types.items.get(target)
  if (!(item instanceof Y.Map)) return null
  if (item.has(FIELD.value)) {
    // A bare choice ('yes', 3) becomes `{ value }` before it gets a second property.
    const value = fromStored(item.get(FIELD.value))
    item.delete(FIELD.value)
    item.set(FIELD.keys, ['value'])
    item.set('value', toStored('value', value))
  }
  return { id: target, kind: 'item', map: item }
}

function hintKey(map: Y.Map<unknown>, key: string, present: boolean): void {
  const hint = keyHint(map)
  if (present && !hint.includes(key)) map.set(FIELD.keys, [...hint, key])
  if (!present && hint.includes(key))
    map.set(
      FIELD.keys,
      hint.filter((k) => k !== key),
    )
}

/**
 * Sets (or, with `undefined`, removes) one property in one transaction (SPEC [DOC10]). Text
 * is diffed into the existing `Y.Text` so concurrent typing survives; a slot property
 * (`choices`, `elements`…) replaces that slot's entries.
 *
 * @returns `false` when the target is gone
 * @throws FormLimitError (writing nothing) when the value would put the form over
 *   `FORM_LIMITS` ([DOC21])
 * @throws FormSlotError (writing nothing) when an element's type has no such slot ([DOC22])
 * @example
 * setProperty(doc, { target: questionId, key: 'isRequired', value: true }, editorA)
 * setProperty(doc, { target: ROOT, key: 'title', value: { default: '自查表', en: 'Check' } }, me)
 */
export function setProperty(
  doc: Y.Doc,
  { target, key, value }: SetPropertyOptions,
  origin: unknown,
): boolean {
  const types = formTypes(doc)
  let done = false
  doc.transact(() => {
    const owner = findOwner(types, target)
    if (!owner) return
    done = true
    const isSlot = ELEMENT_SLOTS[owner.kind].includes(key) || ITEM_SLOTS[owner.kind].includes(key)
    if (isSlot && value !== undefined) refuseUnknownSlot(types, owner.id, key)
    if (value !== null && typeof value === 'object') refuse(limitIssue(types, owner, key, value))
    if (isSlot) {
      const tree = resolveTree(types)
      deleteSlotElements(types, tree, owner.id, key)
      deleteSlotItems(types, tree, owner.id, key)
      owner.map.delete(storedKey(key))
      if (value !== undefined) writeProperty(types, owner, key, value)
    } else if (value === undefined) {
      owner.map.delete(storedKey(key))
    } else {
      assignValue(owner.map, key, value)
    }
    hintKey(owner.map, key, value !== undefined)
  }, origin)
  return done
}

/**
 * Whether `value` under `key` of `owner` would put the form over `FORM_LIMITS` (SPEC [DOC21]):
 * the value is checked as the owner's JSON holding it, at the owner's depth, in a form of the
 * nodes shown less those the value replaces.
 */
function limitIssue(types: FormTypes, owner: Owner, key: string, value: object) {
  const tree = resolveTree(types)
  const replaced = ELEMENT_SLOTS[owner.kind].includes(key) ? slotCount(tree, owner.id, key) : 0
  const survey = owner.kind === 'survey'
  const parent = owner.kind === 'item' ? (tree.items.get(owner.id)?.parent ?? ROOT) : owner.id
  const depth = containerDepth(tree, parent)
  return formLimitIssue(
    { [key]: value },
    {
      // A stand-in for the owner: the survey itself, else a node that counts once (taken off).
      root: survey ? 'form' : 'page',
      depth,
      elements: tree.elements.size - replaced - (survey ? 0 : 1),
      jsonDepth: survey ? 0 : 2 * depth + (owner.kind === 'item' ? 4 : 2),
    },
  )
}

function slotCount(tree: FormTree, parent: string, slot: string): number {
  let count = 0
  for (const child of tree.elementChildren(parent, slot)) count += subtreeOf(tree, child.id).count
  return count
}

function textToEdit(map: Y.Map<unknown>, key: string, locale: string | undefined): Y.Text | null {
  const stored = storedKey(key)
  let current = map.get(stored)
  if (typeof current === 'string' || current === undefined) {
    const text = current ?? ''
    map.set(stored, locale === undefined ? new Y.Text(text) : createLocaleMap({ [locale]: text }))
    current = map.get(stored)
  }
  if (current instanceof Y.Text) {
    if (locale === undefined || locale === 'default') return current
    // A plain string gains a locale: it becomes `{ default: <the string>, [locale]: '' }`.
    map.set(stored, createLocaleMap({ default: current.toString(), [locale]: '' }))
    current = map.get(stored)
  }
  if (!(current instanceof Y.Map)) return null
  const name = storedKey(locale ?? 'default')
  if (!(current.get(name) instanceof Y.Text)) {
    const order = [...localeOrder(current), locale ?? 'default']
    current.set(name, new Y.Text())
    writeLocaleOrder(current, order)
  }
  const text = current.get(name)
  return text instanceof Y.Text ? text : null
}

/**
 * Deletes and/or inserts characters in one text property (one locale of it) in one transaction
 * (SPEC [DOC11]): two editors typing in one title merge character by character. A missing text
 * is created; a plain string edited in a locale other than `default` becomes a locale object.
 *
 * @returns `false` when the target is gone or the property holds a non-text value
 * @example
 * editText(doc, { target: questionId, key: 'title', locale: 'en', index: 0, insert: 'Is ' }, me)
 */
export function editText(
  doc: Y.Doc,
  { target, key, locale, index, remove = 0, insert = '' }: EditTextOptions,
  origin: unknown,
): boolean {
  const types = formTypes(doc)
  let done = false
  doc.transact(() => {
    const bare = types.items.get(target)?.get(FIELD.value)
    if (key === 'value' && bare !== undefined && typeof bare !== 'string') return
    const owner = findOwner(types, target)
    const text = owner ? textToEdit(owner.map, key, locale) : null
    if (!owner || !text) return
    const at = Math.max(0, Math.min(Math.trunc(index) || 0, text.length))
    const count = Math.max(0, Math.min(Math.trunc(remove) || 0, text.length - at))
    if (count > 0) text.delete(at, count)
    if (insert.length > 0) text.insert(at, insert)
    hintKey(owner.map, key, true)
    done = true
  }, origin)
  return done
}
