import * as Y from 'yjs'
import { createId } from './ids'
import {
  ELEMENT_SLOTS,
  FIELD,
  type FormTypes,
  ITEM_SLOTS,
  type NodeMap,
  type OwnerKind,
  storedKey,
} from './layout'
import { initialKeys } from './order'
import { type Placed, writePlace } from './place-fields'
import { isPlainObject, toStored } from './values'

/** Where a new page, element or item goes: its parent, the slot in it and its order key. */
export type Place = Placed

/** Whether `value` under `key` of an owner is a slot of pages/elements (SPEC [DOC7]). */
export function isElementSlotValue(kind: OwnerKind, key: string, value: unknown): boolean {
  return ELEMENT_SLOTS[kind].includes(key) && Array.isArray(value) && value.every(isPlainObject)
}

/** Whether `value` under `key` of an owner is a slot of items (SPEC [DOC7]). */
export function isItemSlotValue(kind: OwnerKind, key: string, value: unknown): value is unknown[] {
  return ITEM_SLOTS[kind].includes(key) && Array.isArray(value) && !value.some(Array.isArray)
}

/**
 * Writes one JSON property of an owner: its children when it is a slot, else the stored value.
 * The caller has cleared what was there.
 */
export function writeProperty(
  types: FormTypes,
  owner: { id: string; kind: OwnerKind; map: NodeMap | Y.Map<unknown> },
  key: string,
  value: unknown,
): void {
  if (isElementSlotValue(owner.kind, key, value)) {
    const list = value as Record<string, unknown>[]
    const keys = initialKeys(list.length)
    list.forEach((child, i) => {
      writeElement(types, { parent: owner.id, slot: key, order: keys[i] ?? '' }, child)
    })
  } else if (isItemSlotValue(owner.kind, key, value)) {
    const keys = initialKeys(value.length)
    value.forEach((child, i) => {
      writeItem(types, { parent: owner.id, slot: key, order: keys[i] ?? '' }, child)
    })
  } else {
    owner.map.set(storedKey(key), toStored(key, value))
  }
}

/** Writes every property of a JSON object, with its key order as the hint (SPEC [DOC8]). */
export function writeObject(
  types: FormTypes,
  owner: { id: string; kind: OwnerKind; map: NodeMap | Y.Map<unknown> },
  json: Readonly<Record<string, unknown>>,
): void {
  owner.map.set(FIELD.keys, Object.keys(json))
  for (const [key, value] of Object.entries(json)) writeProperty(types, owner, key, value)
}

/** Creates a page or element (with everything inside it) at a place; returns its id. */
export function writeElement(
  types: FormTypes,
  place: Place,
  json: Readonly<Record<string, unknown>>,
): string {
  const id = createId()
  const node: NodeMap = new Y.Map()
  types.elements.set(id, node)
  writePlace(node, place)
  writeObject(types, { id, kind: place.slot === 'pages' ? 'page' : 'element', map: node }, json)
  return id
}

/** Creates an item (a choice, rate value, row, column…) at a place; returns its id. */
export function writeItem(types: FormTypes, place: Place, json: unknown): string {
  const id = createId()
  const node: NodeMap = new Y.Map()
  types.items.set(id, node)
  writePlace(node, place)
  if (isPlainObject(json)) writeObject(types, { id, kind: 'item', map: node }, json)
  else node.set(FIELD.value, toStored(FIELD.value, json))
  return id
}
