import type { ElementJson } from '@yardstick/sdk'
import { FORM_LIMITS, FormLimitError } from '@yardstick/sdk/limits'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applySurveyJson } from './apply-json'
import { addElement, addPage, moveElement } from './edit-elements'
import { editText, setProperty } from './edit-properties'
import { fromSurveyJson } from './from-json'
import { FIELD, formTypes } from './layout'
import { canChangeShape, formDocLimitIssue, updateLimitIssue } from './limits'
import { findElementId } from './queries'
import { toSurveyJson } from './to-json'

const me = { editor: 'me' }
type Json = Record<string, unknown>

/** `depth` panels nested in one another (the outermost first), a question in the innermost. */
function nested(depth: number, prefix = 'p'): Json {
  let inner: Json = { type: 'text', name: `${prefix}q` }
  for (let i = depth; i > 0; i--)
    inner = { type: 'panel', name: `${prefix}${i}`, elements: [inner] }
  return inner
}

function formOf(...elements: Json[]) {
  return fromSurveyJson({ pages: [{ name: 'page1', elements }] })
}

/** Runs an edit that must be refused, and checks the document did not change. */
function refused(doc: Y.Doc, edit: () => unknown, code: 'formTooDeep' | 'formTooLarge') {
  const before = Y.encodeStateVector(doc)
  const json = toSurveyJson(doc)
  let caught: unknown
  try {
    edit()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(FormLimitError)
  expect((caught as FormLimitError).code).toBe(code)
  expect(Y.encodeStateVector(doc)).toEqual(before)
  expect(toSurveyJson(doc)).toEqual(json)
}

describe('[DOC21] edits stay within FORM_LIMITS', () => {
  it('[DOC21] a question may go into the deepest allowed panel, a panel may not', () => {
    const doc = formOf(nested(FORM_LIMITS.maxDepth - 2))
    const deepest = findElementId(doc, `p${FORM_LIMITS.maxDepth - 2}`) ?? ''
    // Inside it sits a question at maxDepth − 1: a panel with a question goes one deeper.
    const panel = { type: 'panel', name: 'x', elements: [{ type: 'text', name: 'y' }] }
    expect(addElement(doc, { parent: deepest, json: panel }, me)).not.toBeNull()
    expect(formDocLimitIssue(doc)).toBeNull()
    const x = findElementId(doc, 'x') ?? ''
    refused(doc, () => addElement(doc, { parent: x, json: panel }, me), 'formTooDeep')
  })

  it('[DOC21] applySurveyJson of 320 nested panels is refused, writing nothing', () => {
    const doc = formOf({ type: 'text', name: 'q' })
    refused(
      doc,
      () => applySurveyJson(doc, { pages: [{ elements: [nested(320)] }] }, me),
      'formTooDeep',
    )
  })

  it('[DOC21] moving a deep panel under another deep one is refused', () => {
    const doc = formOf(nested(6, 'a'), nested(6, 'b'))
    const target = findElementId(doc, 'a6') ?? ''
    const moved = findElementId(doc, 'b1') ?? ''
    refused(doc, () => moveElement(doc, moved, { parent: target }, me), 'formTooDeep')
    // A shallow move is fine.
    expect(moveElement(doc, findElementId(doc, 'b6') ?? '', { parent: target }, me)).toBe(true)
  })

  it('[DOC21] the element count is capped for pages, elements and slots set whole', () => {
    const many = Array.from({ length: FORM_LIMITS.maxElements - 1 }, (_, i) => ({
      type: 'text',
      name: `q${i}`,
    }))
    const doc = formOf(...many)
    refused(doc, () => addPage(doc, { json: { name: 'p2' } }, me), 'formTooLarge')
    refused(
      doc,
      () =>
        addElement(
          doc,
          {
            parent: findElementId(doc, 'page1', { pages: true }) ?? '',
            json: { type: 'text', name: 'x' },
          },
          me,
        ),
      'formTooLarge',
    )
    // Replacing the page's elements by as many is fine; by one more is not.
    const page = findElementId(doc, 'page1', { pages: true }) ?? ''
    expect(setProperty(doc, { target: page, key: 'elements', value: many.slice(1) }, me)).toBe(true)
    refused(
      doc,
      () =>
        setProperty(
          doc,
          { target: page, key: 'elements', value: [...many, { type: 'text', name: 'z' }] },
          me,
        ),
      'formTooLarge',
    )
  })

  it('[DOC21] a property nesting JSON past the cap is refused', () => {
    const doc = formOf({ type: 'text', name: 'q' })
    let deep: unknown = 1
    for (let i = 0; i < FORM_LIMITS.maxJsonDepth; i++) deep = { a: deep }
    const q = findElementId(doc, 'q') ?? ''
    refused(
      doc,
      () => setProperty(doc, { target: q, key: 'custom', value: deep }, me),
      'formTooDeep',
    )
  })
})

describe('[DOC21] updateLimitIssue: a client update checked before it is applied', () => {
  function replicas() {
    const server = formOf({ type: 'panel', name: 'top', elements: [] })
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    return { server, client }
  }

  it('[DOC21] refuses an update that nests past the cap (made without the edit functions)', () => {
    const { server, client } = replicas()
    // What a hostile client can send: 320 nested panels written straight into its document.
    const before = Y.encodeStateVector(client)
    const top = findElementId(client, 'top') ?? ''
    const raw = new Y.Doc()
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(client))
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(formOf(nested(320))))
    const update = Y.encodeStateAsUpdate(raw, before)
    expect(top).not.toBe('')
    const serverBefore = Y.encodeStateAsUpdate(server)
    expect(updateLimitIssue(server, update)?.code).toBe('formTooDeep')
    expect(Y.encodeStateAsUpdate(server)).toEqual(serverBefore)
  })

  it('[DOC21] answers text-only updates without copying the document, and accepts allowed ones', () => {
    const { server, client } = replicas()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    const top = findElementId(client, 'top') ?? ''
    editText(client, { target: top, key: 'title', index: 0, insert: '标题' }, me)
    addElement(client, { parent: top, json: nested(3) as ElementJson }, me)
    for (const update of updates) expect(updateLimitIssue(server, update)).toBeNull()
  })

  it('[DOC21] a document already over a cap (stored before the caps) may change, never grow', () => {
    const legacy = formOf(nested(FORM_LIMITS.maxDepth + 2, 'old'), { type: 'text', name: 'q' })
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(legacy))
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    // Moving a question to the top of the page changes the structure without deepening it.
    const page = findElementId(client, 'page1', { pages: true }) ?? ''
    expect(
      moveElement(client, findElementId(client, 'q') ?? '', { parent: page, index: 0 }, me),
    ).toBe(true)
    expect(updates).toHaveLength(1)
    expect(updateLimitIssue(legacy, updates[0] as Uint8Array)).toBeNull()
    // One level deeper than it already is: refused.
    const raw = new Y.Doc()
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(client))
    const before = Y.encodeStateVector(raw)
    const innermost = findElementId(raw, `old${FORM_LIMITS.maxDepth + 2}`) ?? ''
    // Written straight into the copy, as a client without the edit checks could.
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(formOf(nested(FORM_LIMITS.maxDepth + 3, 'deeper'))))
    expect(innermost).not.toBe('')
    expect(updateLimitIssue(legacy, Y.encodeStateAsUpdate(raw, before))?.code).toBe('formTooDeep')
  })

  it('[DOC21] tells the updates that can move or add nodes from those that cannot, without a copy', () => {
    const half = Math.ceil(FORM_LIMITS.maxDepth / 2) + 1
    const { server, client } = replicas()
    addElement(
      client,
      { parent: findElementId(client, 'top') ?? '', json: nested(half, 'a') as ElementJson },
      me,
    )
    addElement(
      client,
      { parent: findElementId(client, 'top') ?? '', json: nested(half, 'b') as ElementJson },
      me,
    )
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    const shapeOf = (edit: () => void) => {
      const before = Y.encodeStateVector(client)
      edit()
      const update = Y.encodeStateAsUpdate(client, before)
      const verdict = canChangeShape(server, Y.decodeUpdate(update).structs)
      Y.applyUpdate(server, update)
      return verdict
    }
    const a1 = findElementId(client, 'a1') ?? ''
    expect(
      shapeOf(() => setProperty(client, { target: a1, key: 'visibleIf', value: '{x} = 1' }, me)),
    ).toBe(false)
    expect(
      shapeOf(() => setProperty(client, { target: a1, key: 'visibleIf', value: '{x} = 2' }, me)),
    ).toBe(false)
    // A move written straight into the node's place (an overwrite: Yjs sends no parent for it,
    // only the previous value as its neighbour): a tree of two chains, too deep together.
    const node = formTypes(client).elements.get(a1) as Y.Map<unknown>
    const [, slot, order] = node.get(FIELD.place) as [string, string, unknown]
    const innermostB = findElementId(client, `b${half}`) ?? ''
    const before = Y.encodeStateVector(client)
    node.set(FIELD.place, [innermostB, slot, order])
    const move = Y.encodeStateAsUpdate(client, before)
    expect(canChangeShape(server, Y.decodeUpdate(move).structs)).toBe(true)
    expect(updateLimitIssue(server, move)?.code).toBe('formTooDeep')
  })
})
