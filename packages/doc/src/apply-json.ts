import { formLimitIssue } from '@yardstick/sdk/limits'
import * as Y from 'yjs'
import { syncItemSlot } from './apply-items'
import { assignPlaces } from './apply-places'
import { assignValue } from './assign'
import { createId } from './ids'
import type { SurveyJson } from './layout'
import {
  elementKind,
  FIELD,
  type FormTypes,
  formTypes,
  ITEM_SLOTS,
  jsonKey,
  keyHint,
  LAYOUT_VERSION,
  type OwnerKind,
  ROOT,
  storedKey,
} from './layout'
import { refuse } from './limits'
import { deleteElements, deleteSlotItems } from './remove'
import { type FormTree, resolveTree } from './tree'
import { OWN_UNDO_STEP } from './undo'
import { fromStored, isPlainObject, sameJson } from './values'
import { isElementSlotValue, isItemSlotValue } from './write'

interface Context {
  types: FormTypes
  tree: FormTree
  /** Live pages and elements by name, per kind: the candidates to match. */
  named: Record<'page' | 'element', Map<string, string[]>>
  claimed: Set<string>
}

interface Owner {
  id: string
  kind: OwnerKind
  map: Y.Map<unknown>
}

const nameOf = (node: Y.Map<unknown>): unknown => fromStored(node.get('name'))

function indexNames(types: FormTypes, tree: FormTree): Context['named'] {
  const named: Context['named'] = { page: new Map(), element: new Map() }
  for (const id of tree.elements.keys()) {
    const node = types.elements.get(id)
    const name = node ? nameOf(node) : undefined
    if (!node || typeof name !== 'string') continue
    const byName = named[elementKind(node) === 'page' ? 'page' : 'element']
    byName.set(name, [...(byName.get(name) ?? []), id])
  }
  return named
}

function claim(ctx: Context, owner: string, slot: string, json: Record<string, unknown>): string {
  const kind = slot === 'pages' ? 'page' : 'element'
  const take = (ids: readonly string[] | undefined) => ids?.find((id) => !ctx.claimed.has(id))
  let id =
    typeof json.name === 'string'
      ? take(ctx.named[kind].get(json.name))
      : take(
          ctx.tree.elementChildren(owner, slot).flatMap(({ id }) => {
            const node = ctx.types.elements.get(id)
            return node && typeof nameOf(node) !== 'string' ? [id] : []
          }),
        )
  if (id === undefined) {
    id = createId()
    ctx.types.elements.set(id, new Y.Map())
  }
  ctx.claimed.add(id)
  return id
}

function syncElementSlot(
  ctx: Context,
  owner: string,
  slot: string,
  list: Record<string, unknown>[],
) {
  const ids = list.map((json) => claim(ctx, owner, slot, json))
  assignPlaces(ctx.types.elements, ids, { parent: owner, slot })
  const kind = slot === 'pages' ? 'page' : 'element'
  list.forEach((json, i) => {
    const id = ids[i] ?? ''
    const map = ctx.types.elements.get(id)
    if (map) syncObject(ctx, { id, kind, map }, json)
  })
}

function syncObject(ctx: Context, owner: Owner, json: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(json)) {
    if (isElementSlotValue(owner.kind, key, value)) {
      owner.map.delete(storedKey(key))
      syncElementSlot(ctx, owner.id, key, value as Record<string, unknown>[])
    } else if (isItemSlotValue(owner.kind, key, value)) {
      owner.map.delete(storedKey(key))
      const list = { id: owner.id, slot: key, list: value }
      syncItemSlot(ctx.types, ctx.tree, list, (id, map, entry) =>
        syncObject(ctx, { id, kind: 'item', map }, entry),
      )
    } else {
      deleteSlotItems(ctx.types, ctx.tree, owner.id, key)
      assignValue(owner.map, key, value)
    }
  }
  for (const stored of [...owner.map.keys()]) {
    const key = jsonKey(stored)
    if (key !== null && !Object.hasOwn(json, key)) owner.map.delete(stored)
  }
  for (const slot of ITEM_SLOTS[owner.kind]) {
    if (!Object.hasOwn(json, slot)) deleteSlotItems(ctx.types, ctx.tree, owner.id, slot)
  }
  const order = Object.keys(json)
  if (!sameJson(keyHint(owner.map), order)) owner.map.set(FIELD.keys, order)
}

/**
 * Makes the live document show `json` with the fewest edits, as ONE new transaction with the
 * editor's origin (SPEC [DOC15]): restoring an old version is an edit everyone sees (and that
 * editor can undo as one step of its own, never merged with edits just before or after it), never
 * a rewrite of history. Pages and elements are matched by name
 * (unnamed ones by position in their parent), so a question that moved is moved, not
 * re-created; choices by value within their question; text is diffed in place. Afterwards
 * `toSurveyJson(doc)` deep-equals `json`.
 *
 * @param json - the form to show (a plain object); it is copied, never kept
 * @throws TypeError when `json` is not an object; FormLimitError (writing nothing) when it is
 *   over `FORM_LIMITS` ([DOC21])
 * @example
 * applySurveyJson(doc, publishedVersion.json, editorA)
 */
export function applySurveyJson(doc: Y.Doc, json: SurveyJson, origin: unknown): void {
  if (!isPlainObject(json)) throw new TypeError('applySurveyJson: the form must be a JSON object')
  refuse(formLimitIssue(json))
  const types = formTypes(doc)
  doc.transact((transaction) => {
    transaction.meta.set(OWN_UNDO_STEP, true)
    const tree = resolveTree(types)
    const ctx: Context = { types, tree, named: indexNames(types, tree), claimed: new Set() }
    if (types.survey.get(FIELD.version) !== LAYOUT_VERSION) {
      types.survey.set(FIELD.version, LAYOUT_VERSION)
    }
    syncObject(ctx, { id: ROOT, kind: 'survey', map: types.survey }, json)
    const unclaimed = [...tree.elements.keys()].filter((id) => !ctx.claimed.has(id))
    deleteElements(types, tree, unclaimed, ctx.claimed)
  }, origin)
}
