import type { FormJson } from '@yardstick/sdk'
import * as Y from 'yjs'
import { ELEMENT_SLOTS, formTypes, ITEM_SLOTS, ROOT } from './layout'
import { compareSiblings } from './order'
import { storedPlace } from './place-fields'
import { childIds } from './queries'
import { toSurveyJson } from './to-json'

/** What a node of the tree is. */
export type NodeKind = 'page' | 'panel' | 'question'

type Json = Record<string, unknown>

/** A page, panel or question as an editor shows it: its id, JSON and place. */
export interface NodeView {
  id: string
  kind: NodeKind
  /** The node's JSON, children included (shared with `FormView.json`, do not mutate). */
  json: Json
  parent: string
  slot: string
  index: number
  depth: number
  /** Its JSON path, as `validateForm` reports it: `pages[0].elements[2]`. */
  path: string
  /** Child element ids (for panels and pages). */
  children: string[]
  /** Item ids per item slot (`choices`, `rateValues`, …). */
  items: Record<string, string[]>
}

/** A choice (or rate value, row, column, multiple-text item, dimension). */
export interface ItemView {
  id: string
  json: unknown
  parent: string
  slot: string
  index: number
  path: string
}

/** The form's JSON with the document's ids laid over it: what every panel of an editor reads. */
export interface FormView {
  json: FormJson
  nodes: ReadonlyMap<string, NodeView>
  items: ReadonlyMap<string, ItemView>
  /** Every node id in document order (pre-order). */
  order: readonly string[]
  /** Page ids, and top-level element ids of a form without pages. */
  pages: readonly string[]
  topElements: readonly string[]
  /** Ids of the survey's `dimensions`. */
  dimensions: readonly string[]
  /** JSON path → node or item id. */
  paths: ReadonlyMap<string, string>
  /** Question and panel names in use. */
  names: ReadonlySet<string>
  /** Nothing in the document yet (the server has not seeded it). */
  empty: boolean
}

const PANEL_TYPES = new Set(['panel', 'paneldynamic'])
const CHILD_SLOTS = ELEMENT_SLOTS.element
const NODE_ITEM_SLOTS = ITEM_SLOTS.element
const [DIMENSIONS = 'dimensions'] = ITEM_SLOTS.survey

interface Sibling {
  id: string
  order: string
  name: unknown
}

/**
 * Reads the document into a `FormView`: `toSurveyJson` for the JSON, and the ids of every node
 * and item beside it. Ids come from each node's stored place (SPEC [DOC3], [DOC4]: siblings
 * sorted by order key, then id); a slot whose siblings do not match the JSON (a move cycle being
 * broken, [DOC13]) asks `childIds`, which is exact but walks the whole tree.
 *
 * @example
 * const view = readFormView(doc)
 * view.nodes.get(view.pages[0] ?? '')?.json.title
 */
export function readFormView(doc: Y.Doc): FormView {
  const json = toSurveyJson(doc)
  const siblings = indexSiblings(doc)
  const nodes = new Map<string, NodeView>()
  const items = new Map<string, ItemView>()
  const order: string[] = []
  const paths = new Map<string, string>()
  const names = new Set<string>()

  const idsFor = (parent: string, slot: string, entries: unknown[], named: boolean) => {
    const found = siblings.get(`${parent}\u0000${slot}`) ?? []
    const matches =
      found.length === entries.length &&
      (!named || found.every((s, i) => s.name === (entries[i] as Json | undefined)?.name))
    return matches ? found.map((s) => s.id) : childIds(doc, parent, slot)
  }

  const readItems = (parent: string, owner: Json, path: string, into: Record<string, string[]>) => {
    for (const slot of NODE_ITEM_SLOTS) {
      const entries = owner[slot]
      if (!Array.isArray(entries)) continue
      const ids = idsFor(parent, slot, entries, false)
      into[slot] = ids
      ids.forEach((id, index) => {
        const itemPath = `${path}.${slot}[${index}]`
        items.set(id, { id, json: entries[index], parent, slot, index, path: itemPath })
        paths.set(itemPath, id)
      })
    }
  }

  const readNodes = (
    parent: string,
    slot: string,
    entries: unknown,
    base: string,
    depth: number,
  ) => {
    if (!Array.isArray(entries)) return []
    const ids = idsFor(parent, slot, entries, true)
    ids.forEach((id, index) => {
      const node = (entries[index] ?? {}) as Json
      const path = `${base}${slot}[${index}]`
      const kind: NodeKind =
        slot === 'pages' ? 'page' : PANEL_TYPES.has(String(node.type)) ? 'panel' : 'question'
      const view: NodeView = {
        id,
        kind,
        json: node,
        parent,
        slot,
        index,
        depth,
        path,
        children: [],
        items: {},
      }
      nodes.set(id, view)
      order.push(id)
      paths.set(path, id)
      if (kind !== 'page' && typeof node.name === 'string') names.add(node.name)
      for (const childSlot of CHILD_SLOTS) {
        view.children.push(...readNodes(id, childSlot, node[childSlot], `${path}.`, depth + 1))
      }
      readItems(id, node, path, view.items)
    })
    return ids
  }

  const pages = readNodes(ROOT, 'pages', json.pages, '', 0)
  const topElements = readNodes(ROOT, 'elements', json.elements, '', 0)
  const rootItems: Record<string, string[]> = {}
  const dims = json[DIMENSIONS]
  if (Array.isArray(dims)) {
    const ids = idsFor(ROOT, DIMENSIONS, dims, false)
    rootItems[DIMENSIONS] = ids
    ids.forEach((id, index) => {
      const path = `${DIMENSIONS}[${index}]`
      items.set(id, { id, json: dims[index], parent: ROOT, slot: DIMENSIONS, index, path })
      paths.set(path, id)
    })
  }
  return {
    json,
    nodes,
    items,
    order,
    pages,
    topElements,
    dimensions: rootItems[DIMENSIONS] ?? [],
    paths,
    names,
    empty: Object.keys(json).length === 0,
  }
}

/** Siblings per `parent\0slot` as their stored places say, sorted as SPEC [DOC4] says. */
function indexSiblings(doc: Y.Doc): Map<string, Sibling[]> {
  const groups = new Map<string, Sibling[]>()
  const { elements, items } = formTypes(doc)
  for (const type of [elements, items]) {
    for (const [id, node] of type.entries()) {
      if (!(node instanceof Y.Map)) continue
      const place = storedPlace(node)
      if (!place) continue
      const group = `${place.parent}\u0000${place.slot}`
      const list = groups.get(group) ?? []
      list.push({ id, order: place.order, name: node.get('name') })
      groups.set(group, list)
    }
  }
  for (const list of groups.values()) list.sort(compareSiblings)
  return groups
}

/**
 * The node an issue's JSON path points at: the longest prefix of the path that is a node or item
 * (`pages[0].elements[1].choices[0].score` → that choice).
 *
 * @example
 * idForPath(view, 'pages[0].elements[1].visibleIf') // the second question of the first page
 */
export function idForPath(view: FormView, path: string): string | null {
  let rest = path
  while (rest.length > 0) {
    const id = view.paths.get(rest)
    if (id) return id
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['))
    if (cut <= 0) break
    rest = rest.slice(0, cut)
  }
  return null
}

/**
 * The node an id belongs to: itself, or the question owning a choice.
 *
 * @example
 * nodeOf(view, choiceId)?.json.name // the question the choice belongs to
 */
export function nodeOf(view: FormView, id: string | null | undefined): NodeView | null {
  if (!id) return null
  const node = view.nodes.get(id)
  if (node) return node
  const item = view.items.get(id)
  return item ? (view.nodes.get(item.parent) ?? null) : null
}
