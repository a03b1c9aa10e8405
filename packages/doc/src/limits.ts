// FORM_LIMITS (the SDK's caps on a form's shape) for a form document: the checks its edits run
// before writing, and the check of an update a client sends (the co-editing server's guard).
import { FORM_LIMITS, FormLimitError, type FormLimitIssue } from '@yardstick/sdk/limits'
import * as Y from 'yjs'
import { FIELD, formTypes, ROOT, TYPE_NAMES } from './layout'
import type { FormTree } from './tree'
import { resolveTree } from './tree'

/** Element depth of what sits in `parent`'s slots, less one: 0 for the survey and pages. */
export function containerDepth(tree: FormTree, parent: string): number {
  let depth = 0
  const seen = new Set<string>()
  for (let id = parent; id !== ROOT && !seen.has(id); ) {
    seen.add(id)
    const place = tree.elements.get(id)
    if (!place || place.slot === 'pages') break
    depth++
    id = place.parent
  }
  return depth
}

/** How many levels of elements a node holds below itself (0: none), and how many nodes. */
export function subtreeOf(tree: FormTree, id: string): { height: number; count: number } {
  let height = 0
  let count = 0
  const stack: Array<[string, number]> = [[id, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [at, level] = next
    count++
    height = Math.max(height, level)
    for (const slot of tree.slotsWithChildren(at)) {
      for (const child of tree.elementChildren(at, slot)) stack.push([child.id, level + 1])
    }
  }
  return { height, count }
}

/** Throws `FormLimitError` when `found` is an issue. */
export function refuse(found: FormLimitIssue | null): void {
  if (found) throw new FormLimitError(found)
}

/** The issue of a node that would sit `depth` deep, or in a form of `count` nodes. */
export function shapeIssue(depth: number, count: number, path = ''): FormLimitIssue | null {
  if (depth > FORM_LIMITS.maxDepth)
    return { code: 'formTooDeep', measure: 'elements', limit: FORM_LIMITS.maxDepth, path }
  if (count > FORM_LIMITS.maxElements)
    return { code: 'formTooLarge', measure: 'count', limit: FORM_LIMITS.maxElements, path }
  return null
}

/** How deep a form document's shown elements nest, and how many pages and elements it shows. */
export interface FormDocShape {
  depth: number
  count: number
}

/** The shape of what a form document shows; iterative, linear in the number of nodes. */
function formDocShape(doc: Y.Doc): FormDocShape {
  const tree = resolveTree(formTypes(doc))
  const depthOf = new Map<string, number>()
  let deepest = 0
  for (const start of tree.elements.keys()) {
    const chain: string[] = []
    let base = 0
    for (let id: string | undefined = start; id !== undefined && id !== ROOT; ) {
      const known = depthOf.get(id)
      if (known !== undefined) {
        base = known
        break
      }
      const place = tree.elements.get(id)
      if (!place) break
      chain.push(id)
      // Pages are depth 0; what sits in a page, or at the top level, is depth 1.
      id = place.slot === 'pages' ? undefined : place.parent
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const id = chain[i] as string
      base = tree.elements.get(id)?.slot === 'pages' ? 0 : base + 1
      depthOf.set(id, base)
      deepest = Math.max(deepest, base)
    }
  }
  return { depth: deepest, count: tree.elements.size }
}

/**
 * Whether a form document is over `FORM_LIMITS` in what it shows: how deep its elements nest and
 * how many pages and elements it has (SPEC [DOC21]).
 *
 * @example
 * formDocLimitIssue(doc) // null, or { code: 'formTooDeep', … }
 */
export function formDocLimitIssue(doc: Y.Doc): FormLimitIssue | null {
  const { depth, count } = formDocShape(doc)
  return shapeIssue(depth, count)
}

// What typing makes: text inserted, formatted or deleted. Such an update never adds, moves or
// nests a page or element, so the form's shape cannot grow by it.
const TEXT_CONTENT = new Set([Y.ContentString, Y.ContentFormat, Y.ContentDeleted])

// The fields whose change can move a node: `$place`, and `$from` (read when a cycle is broken).
const SHAPE_KEYS = new Set<string>([FIELD.place, FIELD.from])

/**
 * Whether an update can change which pages and elements the form has or where they sit: it sets
 * an entry of the `elements` map (a node added or replaced) or a node's `$place` / `$from`.
 * Anything else (properties, texts, items, the survey's settings) cannot make the form deeper or
 * larger. An item written next to another carries no parent in the update (Yjs infers parent
 * and key from that neighbour), so the neighbour is looked up, in the update, then in the
 * document; one found nowhere (an update ahead of its dependencies) counts as "can", and the
 * caller falls back to the full check.
 */
export function canChangeShape(doc: Y.Doc, structs: ReadonlyArray<unknown>): boolean {
  const elements = formTypes(doc).elements
  const inUpdate = new Map<string, Y.Item>()
  for (const struct of structs) if (struct instanceof Y.Item) inUpdate.set(idKey(struct.id), struct)
  const decided = new Map<Y.Item, boolean>()
  const verdictOf = (start: Y.Item): boolean => {
    const chain: Y.Item[] = []
    let verdict: boolean | undefined
    for (let item: Y.Item | null = start; verdict === undefined; ) {
      if (!item) {
        verdict = true
        break
      }
      const known = decided.get(item)
      if (known !== undefined) {
        verdict = known
        break
      }
      chain.push(item)
      const neighbour = item.origin ?? item.rightOrigin
      if (!neighbour) {
        // Parent info is in the update: a root type's name, or the id of the map it is set in.
        verdict =
          (item.parentSub !== null && SHAPE_KEYS.has(item.parentSub)) ||
          (item.parent as unknown) === TYPE_NAMES.elements
        break
      }
      const pending = inUpdate.get(idKey(neighbour))
      if (pending) {
        item = pending
        continue
      }
      const integrated = documentItem(doc, neighbour)
      verdict =
        !integrated ||
        integrated.parent === elements ||
        (integrated.parentSub !== null && SHAPE_KEYS.has(integrated.parentSub))
    }
    for (const item of chain) decided.set(item, verdict)
    return verdict
  }
  return structs.some((struct) => struct instanceof Y.Item && verdictOf(struct))
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

/** The document's item holding `id`, or `null` while the document does not have it yet. */
function documentItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null
  const found = Y.getItem(doc.store, id)
  return found instanceof Y.Item ? found : null
}

/**
 * The issue a form document would have after `update` (a client's Yjs update), or `null`; the
 * document is not changed. An update that cannot change the form's shape (typing, properties,
 * choices, settings: see `canChangeShape`) is answered at once, without a copy; one that adds or
 * moves pages or elements is applied to a copy first (SPEC [DOC21]). A document already over a
 * cap (a form stored before the caps) accepts updates that do not make it deeper or larger.
 *
 * @example
 * if (updateLimitIssue(shared.doc, update)) refuse the update; else Y.applyUpdate(shared.doc, update)
 */
export function updateLimitIssue(doc: Y.Doc, update: Uint8Array): FormLimitIssue | null {
  const { structs } = Y.decodeUpdate(update)
  const textOnly = structs.every(
    (struct) =>
      !(struct instanceof Y.Item) ||
      TEXT_CONTENT.has(struct.content.constructor as typeof Y.ContentString),
  )
  if (textOnly || !canChangeShape(doc, structs)) return null
  const trial = new Y.Doc()
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(trial, update)
  const after = formDocShape(trial)
  trial.destroy()
  if (!shapeIssue(after.depth, after.count)) return null
  // A form already over a cap (stored before the caps) may still be edited, never grown.
  const before = formDocShape(doc)
  return shapeIssue(
    after.depth > before.depth ? after.depth : 0,
    after.count > before.count ? after.count : 0,
  )
}
