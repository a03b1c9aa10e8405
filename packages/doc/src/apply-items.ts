import * as Y from 'yjs'
import { assignPlaces } from './apply-places'
import { createId } from './ids'
import { FIELD, type FormTypes, jsonKey, type NodeMap } from './layout'
import type { FormTree } from './tree'
import { fromStored, isPlainObject, sameJson, toStored } from './values'

/** Brings an item's properties to a JSON object (the caller's `syncObject`). */
export type SyncItemObject = (id: string, map: NodeMap, json: Record<string, unknown>) => void

function identityOf(json: unknown): string | null {
  if (!isPlainObject(json)) return `v${JSON.stringify(json)}`
  if (Object.hasOwn(json, 'value')) return `v${JSON.stringify(json.value)}`
  return typeof json.name === 'string' ? `n${json.name}` : null
}

function storedIdentity(node: NodeMap): string | null {
  if (node.has(FIELD.value)) return identityOf(fromStored(node.get(FIELD.value)))
  if (node.has('value')) return `v${JSON.stringify(fromStored(node.get('value')))}`
  const name = fromStored(node.get('name'))
  return typeof name === 'string' ? `n${name}` : null
}

/**
 * Brings one item slot of an owner to a JSON list (SPEC [DOC15]): entries are matched by
 * `value` (or `name`, else position among entries with neither) within this slot, kept,
 * reordered and edited in place; unmatched ones are added or removed.
 */
export function syncItemSlot(
  types: FormTypes,
  tree: FormTree,
  owner: { id: string; slot: string; list: readonly unknown[] },
  syncObject: SyncItemObject,
): void {
  const pool = new Map<string | null, string[]>()
  for (const { id } of tree.itemChildren(owner.id, owner.slot)) {
    const node = types.items.get(id)
    if (!(node instanceof Y.Map)) continue
    const identity = storedIdentity(node)
    pool.set(identity, [...(pool.get(identity) ?? []), id])
  }
  const ids = owner.list.map((entry) => {
    const id = pool.get(identityOf(entry))?.shift()
    if (id !== undefined) return id
    const created = createId()
    types.items.set(created, new Y.Map())
    return created
  })
  for (const rest of pool.values()) for (const id of rest) types.items.delete(id)
  assignPlaces(types.items, ids, { parent: owner.id, slot: owner.slot })
  owner.list.forEach((entry, i) => {
    const id = ids[i] ?? ''
    const node = types.items.get(id)
    if (!node) return
    if (isPlainObject(entry)) {
      if (node.has(FIELD.value)) node.delete(FIELD.value)
      syncObject(id, node, entry)
      return
    }
    for (const stored of [...node.keys()]) {
      if (jsonKey(stored) !== null || stored === FIELD.keys) node.delete(stored)
    }
    if (!node.has(FIELD.value) || !sameJson(fromStored(node.get(FIELD.value)), entry)) {
      node.set(FIELD.value, toStored(FIELD.value, entry))
    }
  })
}
