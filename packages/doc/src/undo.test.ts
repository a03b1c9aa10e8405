import { describe, expect, it } from 'vitest'
import { applySurveyJson } from './apply-json'
import { addChoice } from './edit-choices'
import { addElement, moveElement, removeElement } from './edit-elements'
import { editText, setProperty } from './edit-properties'
import { ROOT } from './layout'
import { findElementId } from './queries'
import { createPeers, syncAll } from './testing/peers'
import { allNames, parentName } from './testing/walk'
import { toSurveyJson } from './to-json'
import { createUndoManager } from './undo'

const form = {
  title: 'Title',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'q1', title: 'One', choices: ['a'] },
        { type: 'panel', name: 'panel', elements: [] },
      ],
    },
    { name: 'p2', elements: [{ type: 'text', name: 'q2', title: 'Two' }] },
  ],
}

function setup() {
  const [a, b] = createPeers(2, form)
  if (!a || !b) throw new Error('peers')
  const undoA = createUndoManager(a.doc, a.origin, { captureTimeout: 0 })
  const undoB = createUndoManager(b.doc, b.origin, { captureTimeout: 0 })
  const id = (name: string, pages = false) => findElementId(a.doc, name, { pages }) ?? ''
  return { a, b, undoA, undoB, id }
}

describe('per-editor undo', () => {
  it('[DOC16] an undo never reverts someone else’s interleaved edits', () => {
    const { a, b, undoA, id } = setup()
    const q1 = id('q1')
    editText(a.doc, { target: ROOT, key: 'title', index: 5, insert: ' A' }, a.origin)
    syncAll([a, b])
    editText(b.doc, { target: ROOT, key: 'title', index: 0, insert: 'B ' }, b.origin)
    syncAll([a, b])
    setProperty(a.doc, { target: q1, key: 'isRequired', value: true }, a.origin)
    addChoice(b.doc, { parent: q1, json: 'fromB' }, b.origin)
    syncAll([a, b])
    moveElement(a.doc, id('q2'), { parent: id('panel') }, a.origin)
    addElement(b.doc, { parent: id('p2', true), json: { type: 'text', name: 'qB' } }, b.origin)
    syncAll([a, b])
    expect(undoA.undoStack).toHaveLength(3)
    while (undoA.canUndo()) undoA.undo()
    syncAll([a, b])
    for (const peer of [a, b]) {
      const json = toSurveyJson(peer.doc)
      expect(json.title).toBe('B Title')
      expect(json.pages?.[0]?.elements?.[0]).toEqual({
        type: 'radiogroup',
        name: 'q1',
        title: 'One',
        choices: ['a', 'fromB'],
      })
      expect(parentName(json, 'q2')).toBe('p2')
      expect(allNames(json)).toContain('qB')
    }
  })

  it('[DOC16] undo keeps a later overwrite by someone else', () => {
    const { a, b, undoA, id } = setup()
    const q1 = id('q1')
    setProperty(a.doc, { target: q1, key: 'visibleIf', value: '{x} = 1' }, a.origin)
    syncAll([a, b])
    setProperty(b.doc, { target: q1, key: 'visibleIf', value: '{x} = 2' }, b.origin)
    syncAll([a, b])
    undoA.undo()
    syncAll([a, b])
    expect(toSurveyJson(a.doc).pages?.[0]?.elements?.[0]?.visibleIf).toBe('{x} = 2')
    expect(toSurveyJson(b.doc).pages?.[0]?.elements?.[0]?.visibleIf).toBe('{x} = 2')
  })

  it('[DOC16] undo and redo of a removal bring the whole subtree back and away', () => {
    const { a, b, undoA, undoB, id } = setup()
    removeElement(a.doc, id('p1', true), a.origin)
    syncAll([a, b])
    expect(allNames(toSurveyJson(b.doc))).toEqual(['p2', 'q2'])
    expect(undoB.canUndo()).toBe(false)
    undoA.undo()
    syncAll([a, b])
    expect(toSurveyJson(b.doc)).toEqual(form)
    undoA.redo()
    syncAll([a, b])
    expect(allNames(toSurveyJson(b.doc))).toEqual(['p2', 'q2'])
  })

  it('[DOC16] each editor undoes only their own typing in one shared title', () => {
    const { a, b, undoA, undoB } = setup()
    editText(a.doc, { target: ROOT, key: 'title', index: 5, insert: '!' }, a.origin)
    editText(b.doc, { target: ROOT, key: 'title', index: 0, insert: '>' }, b.origin)
    syncAll([a, b])
    undoB.undo()
    syncAll([a, b])
    expect(toSurveyJson(a.doc).title).toBe('Title!')
    undoA.undo()
    syncAll([a, b])
    expect(toSurveyJson(b.doc).title).toBe('Title')
  })

  it('[DOC15] [DOC16] a restore is an undo step of its own, even right after or before other edits', () => {
    // The designer's manager merges edits less than 500 ms apart; a restore clicked right after
    // an edit (or followed by typing) must still undo alone, everywhere.
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const undoA = createUndoManager(a.doc, a.origin, { captureTimeout: 60_000 })
    const p2 = findElementId(b.doc, 'p2', { pages: true }) ?? ''
    addElement(b.doc, { parent: p2, json: { type: 'text', name: 'bonus1' } }, b.origin)
    syncAll([a, b])
    const p1 = findElementId(a.doc, 'p1', { pages: true }) ?? ''
    addElement(a.doc, { parent: p1, json: { type: 'boolean', name: 'veto1' } }, a.origin)
    const before = toSurveyJson(a.doc)
    applySurveyJson(a.doc, form, a.origin)
    editText(a.doc, { target: ROOT, key: 'title', index: 5, insert: '!' }, a.origin)
    syncAll([a, b])
    expect(undoA.undoStack).toHaveLength(3)

    undoA.undo()
    syncAll([a, b])
    for (const peer of [a, b]) expect(toSurveyJson(peer.doc)).toEqual(form)
    undoA.undo()
    syncAll([a, b])
    for (const peer of [a, b]) expect(toSurveyJson(peer.doc)).toEqual(before)
    expect(allNames(before)).toContain('veto1')
    expect(allNames(before)).toContain('bonus1')
  })
})
