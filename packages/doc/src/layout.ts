import type * as Y from 'yjs'

/** The id that stands for the survey itself: the parent of pages and top-level elements. */
export const ROOT = 'root'

/** A SurveyJS form JSON as the document takes it: any JSON object (`FormJson` is one). */
export type SurveyJson = Readonly<Record<string, unknown>>

/** The version of the Y.Doc layout, stored as `$v` in the survey map (SPEC [DOC1]). */
export const LAYOUT_VERSION = 1

/** Layout fields: keys with one leading `$`, never a SurveyJS property (SPEC [DOC8]). */
export const FIELD = {
  place: '$place',
  keys: '$keys',
  from: '$from',
  value: '$value',
  version: '$v',
} as const

/** What owns a JSON object in the document: decides which of its arrays are slots. */
export const OWNER_KINDS = ['survey', 'page', 'element', 'item'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]

/** Array properties whose entries are pages or elements, per owner (SPEC [DOC7]). */
export const ELEMENT_SLOTS: Readonly<Record<OwnerKind, readonly string[]>> = {
  survey: ['pages', 'elements'],
  page: ['elements'],
  element: ['elements', 'templateElements'],
  item: [],
}

/** Array properties whose entries are items (choices and their kin), per owner (SPEC [DOC7]). */
export const ITEM_SLOTS: Readonly<Record<OwnerKind, readonly string[]>> = {
  survey: ['dimensions'],
  page: [],
  element: ['choices', 'rateValues', 'rows', 'columns', 'items'],
  item: [],
}

/** A page, panel or question, or an item, as stored: a Y.Map of layout fields and properties. */
export type NodeMap = Y.Map<unknown>

/**
 * The names of the three top-level types (SPEC [DOC1]): private to this package, like every
 * `$` field. Code elsewhere reads a form document through this package's functions
 * (`encapsulation.test.ts` checks that no other package names them).
 */
export const TYPE_NAMES = { survey: 'survey', elements: 'elements', items: 'items' } as const

/** The three top-level types of a form document (SPEC [DOC1]). */
export interface FormTypes {
  survey: Y.Map<unknown>
  elements: Y.Map<NodeMap>
  items: Y.Map<NodeMap>
}

/** The top-level types of a form document; getting them on an empty doc creates nothing. */
export function formTypes(doc: Y.Doc): FormTypes {
  return {
    survey: doc.getMap(TYPE_NAMES.survey),
    elements: doc.getMap<NodeMap>(TYPE_NAMES.elements),
    items: doc.getMap<NodeMap>(TYPE_NAMES.items),
  }
}

/** The owner kind of an element map: a page sits in the survey's `pages`. */
export function elementKind(node: NodeMap): OwnerKind {
  const place = node.get(FIELD.place)
  return Array.isArray(place) && place[1] === 'pages' ? 'page' : 'element'
}

/** The Y.Map key a JSON property is stored under: a leading `$` is doubled (SPEC [DOC8]). */
export function storedKey(key: string): string {
  return key.startsWith('$') ? `$${key}` : key
}

/** The JSON property a Y.Map key stands for, or `null` for a layout field. */
export function jsonKey(stored: string): string | null {
  if (stored.startsWith('$$')) return stored.slice(1)
  return stored.startsWith('$') ? null : stored
}

/** The key-order hint of a map (SPEC [DOC8]); anything malformed reads as no hint. */
export function keyHint(map: Y.Map<unknown>): string[] {
  const keys = map.get(FIELD.keys)
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []
}

/** Orders present keys: first as the hint lists them, then the rest by code unit. */
export function orderKeys(hint: readonly string[], present: ReadonlySet<string>): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const key of hint) {
    if (present.has(key) && !seen.has(key)) {
      seen.add(key)
      out.push(key)
    }
  }
  const rest = [...present].filter((k) => !seen.has(k)).sort(compareStrings)
  return out.concat(rest)
}

/** Compares strings by UTF-16 code unit, the same on every replica (not locale-aware). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
