import { ROOT } from '@yardstick/doc'
import type { FormJson } from '@yardstick/sdk'
import * as Y from 'yjs'
import { type FormView, type ItemView, type NodeView, readFormView } from './form-view'

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

// Keys whose change alters more than one owner's JSON: names feed `names` and the sibling check,
// types decide a node's kind, slots hold children.
const WIDE_KEYS = new Set([
  'name',
  'type',
  'pages',
  'elements',
  'templateElements',
  'choices',
  'rateValues',
  'rows',
  'columns',
  'items',
  'dimensions',
])
const VALUE = '$value'
const KEYS = '$keys'

/**
 * Collects the document's changes between two view updates, from `observeDeep` on its three
 * top-level types (SPEC [DOC1]): an event's path says which owner and which key changed.
 *
 * @example
 * const tracker = trackViewChanges(doc)
 * const next = updateFormView(doc, view, tracker.take())
 */
export function trackViewChanges(doc: Y.Doc): { take: () => ViewChanges; destroy: () => void } {
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
  const elements = doc.getMap('elements')
  const items = doc.getMap('items')
  const survey = doc.getMap('survey')
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
      const next = patchOwner(doc.getMap('survey'), root, keys)
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
    const map = (node ? doc.getMap('elements') : doc.getMap('items')).get(id)
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
 * them (SPEC [DOC8]: as `$keys` lists them, then the rest by code unit); the same object when
 * nothing differs.
 */
function patchOwner(map: Y.Map<unknown>, before: unknown, keys: ReadonlySet<string>): unknown {
  if (keys.has(VALUE)) {
    if (keys.size > 1 || !map.has(VALUE)) throw new NeedsFullRead()
    return readStored(map.get(VALUE))
  }
  if (typeof before !== 'object' || before === null || Array.isArray(before)) {
    throw new NeedsFullRead()
  }
  const old = before as Json
  const present = new Set(Object.keys(old))
  const values = new Map<string, unknown>()
  for (const stored of keys) {
    if (stored === KEYS) continue
    const key = jsonKeyOf(stored)
    // A layout key (`$place`…) or one whose change reaches other owners: only a full read knows.
    if (key === null || WIDE_KEYS.has(key)) throw new NeedsFullRead()
    if (map.has(stored)) {
      present.add(key)
      values.set(key, readStored(map.get(stored)))
    } else present.delete(key)
  }
  const out: Json = {}
  for (const key of orderKeys(map.get(KEYS), present)) {
    out[key] = values.has(key) ? values.get(key) : old[key]
  }
  return out
}

/** Present keys as the hint lists them, then the rest by UTF-16 code unit. */
function orderKeys(hint: unknown, present: ReadonlySet<string>): string[] {
  const first = Array.isArray(hint) ? hint.filter((k): k is string => present.has(k)) : []
  const listed = new Set(first)
  const rest = [...present].filter((k) => !listed.has(k)).sort(compareUnits)
  return [...listed, ...rest]
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A stored key's JSON key (SPEC [DOC8]): `$$x` is `$x`; other `$` keys are layout. */
function jsonKeyOf(stored: string): string | null {
  if (stored.startsWith('$$')) return stored.slice(1)
  return stored.startsWith('$') ? null : stored
}

/** A stored value as JSON (SPEC [DOC5], [DOC6]): text as strings, plain values copied. */
function readStored(stored: unknown): unknown {
  if (stored instanceof Y.Text) return stored.toString()
  if (stored instanceof Y.Map) return readLocales(stored)
  return typeof stored === 'object' && stored !== null ? structuredClone(stored) : stored
}

/** A locale map in its JSON order: `$keys` first when present, then the rest by code unit. */
function readLocales(map: Y.Map<unknown>): Record<string, string> {
  const present: string[] = []
  for (const [stored, value] of map.entries()) {
    const locale = jsonKeyOf(stored)
    if (locale !== null && value instanceof Y.Text) present.push(locale)
  }
  const order = orderKeys(map.get(KEYS), new Set(present))
  const out: Record<string, string> = {}
  for (const locale of order) {
    const text = map.get(locale.startsWith('$') ? `$${locale}` : locale)
    out[locale] = text instanceof Y.Text ? text.toString() : ''
  }
  return out
}
