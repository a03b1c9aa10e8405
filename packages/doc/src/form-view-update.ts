import type { FormJson } from '@yardstick/sdk'
import * as Y from 'yjs'
import { type FormView, type ItemView, type NodeView, readFormView } from './form-view'
import {
  ELEMENT_SLOTS,
  FIELD,
  formTypes,
  ITEM_SLOTS,
  jsonKey,
  keyHint,
  orderKeys,
  ROOT,
} from './layout'
import { fromStored } from './values'

type Json = Record<string, unknown>

/**
 * What changed in the document since the view was read: either something that moves, adds or
 * removes nodes or items (`structural`: the view is read again), or the stored keys of owners
 * (`ROOT`, a node or an item id) whose values changed in place.
 */
export interface ViewChanges {
  structural: boolean
  owners: Map<string, Set<string>>
}

/** Collects a document's changes for `updateFormView`; `destroy` stops listening. */
export interface ViewChangeTracker {
  /** The changes since the last `take`, and a fresh start. */
  take: () => ViewChanges
  destroy: () => void
}

// Keys whose change alters more than one owner's JSON: names feed `names` and the sibling check,
// types decide a node's kind, slots hold children.
const WIDE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'type',
  ...Object.values(ELEMENT_SLOTS).flat(),
  ...Object.values(ITEM_SLOTS).flat(),
])

/**
 * Collects the document's changes between two view updates, from `observeDeep` on its three
 * top-level types (SPEC [DOC1]): an event's path says which owner and which key changed.
 *
 * @example
 * const tracker = trackViewChanges(doc)
 * const next = updateFormView(doc, view, tracker.take())
 */
export function trackViewChanges(doc: Y.Doc): ViewChangeTracker {
  let changes: ViewChanges = { structural: false, owners: new Map() }
  const mark = (owner: string, key: string) => {
    const keys = changes.owners.get(owner) ?? new Set<string>()
    keys.add(key)
    changes.owners.set(owner, keys)
  }
  const onOwners = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) {
      const [owner, key] = event.path
      if (owner === undefined) changes.structural = true
      else if (key !== undefined) mark(String(owner), String(key))
      else
        for (const changed of (event as Y.YMapEvent<unknown>).keysChanged)
          mark(String(owner), changed)
    }
  }
  const onSurvey = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) {
      const [key] = event.path
      if (key !== undefined) mark(ROOT, String(key))
      else for (const changed of (event as Y.YMapEvent<unknown>).keysChanged) mark(ROOT, changed)
    }
  }
  const { survey, elements, items } = formTypes(doc)
  elements.observeDeep(onOwners)
  items.observeDeep(onOwners)
  survey.observeDeep(onSurvey)
  return {
    take: () => {
      const taken = changes
      changes = { structural: false, owners: new Map() }
      return taken
    },
    destroy: () => {
      elements.unobserveDeep(onOwners)
      items.unobserveDeep(onOwners)
      survey.unobserveDeep(onSurvey)
    },
  }
}

/** Thrown inside `updateFormView` when only a full read can say what the view is. */
class NeedsFullRead extends Error {}

/**
 * The view after `changes`: when only values of existing keys changed (typing in a title,
 * a score, a flag), a copy of `previous` where just those owners and their ancestors are new
 * objects, every other node, item and list keeping its identity (so memoised rows skip
 * rendering); otherwise `readFormView`. Either way it equals `readFormView(doc)`.
 *
 * @example
 * view = updateFormView(doc, view, tracker.take())
 */
export function updateFormView(doc: Y.Doc, previous: FormView, changes: ViewChanges): FormView {
  if (changes.structural || previous.empty) return readFormView(doc)
  if (changes.owners.size === 0) return previous
  try {
    return patchView(doc, previous, changes.owners)
  } catch (error) {
    if (error instanceof NeedsFullRead) return readFormView(doc)
    throw error
  }
}

function patchView(doc: Y.Doc, previous: FormView, owners: Map<string, Set<string>>): FormView {
  const types = formTypes(doc)
  const nodes = new Map(previous.nodes)
  const items = new Map(previous.items)
  let root = previous.json as Json
  let changed = false

  /** Puts `value` at `slot[index]` of `parent`, copying the parent and its ancestors. */
  const replaceChild = (parent: string, slot: string, index: number, value: unknown) => {
    const owner = parent === ROOT ? root : nodes.get(parent)?.json
    const list = owner?.[slot]
    if (!owner || !Array.isArray(list)) throw new NeedsFullRead()
    const copy = [...list]
    copy[index] = value
    const json = { ...owner, [slot]: copy }
    if (parent === ROOT) {
      root = json
      return
    }
    const view = nodes.get(parent) as NodeView
    nodes.set(parent, { ...view, json })
    replaceChild(view.parent, view.slot, view.index, json)
  }

  for (const [id, keys] of owners) {
    if (id === ROOT) {
      const next = patchOwner(types.survey, root, keys)
      if (next !== root) {
        root = next as Json
        changed = true
      }
      continue
    }
    const node = nodes.get(id)
    const item = node ? undefined : items.get(id)
    // Neither shown: an edit of a hidden node or item ([DOC12]) shows nothing.
    if (!node && !item) continue
    const map = (node ? types.elements : types.items).get(id)
    if (!(map instanceof Y.Map)) throw new NeedsFullRead()
    const before = node ? node.json : (item as ItemView).json
    const json = patchOwner(map, before, keys)
    if (json === before) continue
    changed = true
    if (node) nodes.set(id, { ...node, json: json as Json })
    else items.set(id, { ...(item as ItemView), json })
    const place = (node ?? item) as NodeView | ItemView
    replaceChild(place.parent, place.slot, place.index, json)
  }
  if (!changed) return previous
  return { ...previous, json: root as FormJson, nodes, items }
}

/**
 * The owner's JSON with `keys` read again from its map, keys in the order `toSurveyJson` gives
 * them (SPEC [DOC8]); the same object when nothing differs.
 */
function patchOwner(map: Y.Map<unknown>, before: unknown, keys: ReadonlySet<string>): unknown {
  if (keys.has(FIELD.value)) {
    if (keys.size > 1 || !map.has(FIELD.value)) throw new NeedsFullRead()
    return fromStored(map.get(FIELD.value))
  }
  if (typeof before !== 'object' || before === null || Array.isArray(before)) {
    throw new NeedsFullRead()
  }
  const old = before as Json
  const present = new Set(Object.keys(old))
  const values = new Map<string, unknown>()
  for (const stored of keys) {
    if (stored === FIELD.keys) continue
    const key = jsonKey(stored)
    // A layout field (a place…) or a key whose change reaches other owners: only a full read knows.
    if (key === null || WIDE_KEYS.has(key)) throw new NeedsFullRead()
    if (map.has(stored)) {
      present.add(key)
      values.set(key, fromStored(map.get(stored)))
    } else present.delete(key)
  }
  const out: Json = {}
  for (const key of orderKeys(keyHint(map), present)) {
    out[key] = values.has(key) ? values.get(key) : old[key]
  }
  return out
}
