import { describe, expect, it } from 'vitest'
import { addChoice, moveChoice, removeChoice } from './edit-choices'
import { addElement, moveElement, removeElement } from './edit-elements'
import { editText, setProperty } from './edit-properties'
import { ROOT } from './layout'
import { childIds, findElementId } from './queries'
import { formDocStats } from './stats'
import { createPeers, syncAll } from './testing/peers'
import { allNames, parentName } from './testing/walk'
import { toSurveyJson } from './to-json'
import { createUndoManager } from './undo'

const form = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'panel', name: 'panelA', elements: [{ type: 'text', name: 'a1' }] },
        { type: 'radiogroup', name: 'q1', title: 'Hello', choices: ['yes', 'no'] },
      ],
    },
    {
      name: 'p2',
      elements: [
        { type: 'panel', name: 'panelB', elements: [{ type: 'text', name: 'b1' }] },
        { type: 'dropdown', name: 'q2' },
      ],
    },
  ],
}

const id = (peer: { doc: Parameters<typeof findElementId>[0] }, name: string, pages = false) => {
  const found = findElementId(peer.doc, name, { pages })
  if (!found) throw new Error(`no element ${name}`)
  return found
}

describe('concurrent edits', () => {
  it('[DOC3] concurrent moves keep one copy', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    expect(moveElement(a.doc, id(a, 'q1'), { parent: id(a, 'panelA') }, a.origin)).toBe(true)
    expect(moveElement(b.doc, id(b, 'q1'), { parent: id(b, 'p2', true), index: 0 }, b.origin)).toBe(
      true,
    )
    syncAll([a, b])
    const json = toSurveyJson(a.doc)
    expect(toSurveyJson(b.doc)).toEqual(json)
    expect(allNames(json).filter((n) => n === 'q1')).toHaveLength(1)
    expect(['panelA', 'p2']).toContain(parentName(json, 'q1'))
    expect(formDocStats(a.doc)).toEqual({ pages: 2, elements: 6, choices: 2, hidden: 0 })
  })

  it('[DOC3] concurrent moves of one choice keep one copy', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const yes = childIds(a.doc, id(a, 'q1'), 'choices')[0] ?? ''
    const q2 = id(a, 'q2')
    setProperty(a.doc, { target: q2, key: 'choices', value: [] }, a.origin)
    syncAll([a, b])
    moveChoice(a.doc, yes, { parent: q2 }, a.origin)
    moveChoice(b.doc, yes, { parent: id(b, 'q1'), index: 2 }, b.origin)
    syncAll([a, b])
    const json = toSurveyJson(a.doc)
    expect(toSurveyJson(b.doc)).toEqual(json)
    const all = JSON.stringify(json).match(/"yes"/g) ?? []
    expect(all).toHaveLength(1)
  })

  it('[DOC11] two editors typing in one title merge character by character', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const q1 = id(a, 'q1')
    // a types " world" at the end, b types "Oh, " at the start, one key at a time,
    // exchanging updates after every other keystroke.
    const aText = ' world'
    const bText = 'Oh, '
    for (let i = 0; i < Math.max(aText.length, bText.length); i++) {
      const aNow = toSurveyJson(a.doc).pages?.[0]?.elements?.[1]?.title as string
      if (i < aText.length) {
        editText(
          a.doc,
          { target: q1, key: 'title', index: aNow.length, insert: aText[i] },
          a.origin,
        )
      }
      if (i < bText.length) {
        editText(b.doc, { target: q1, key: 'title', index: i, insert: bText[i] }, b.origin)
      }
      if (i % 2 === 1) syncAll([a, b])
    }
    syncAll([a, b])
    expect(toSurveyJson(a.doc).pages?.[0]?.elements?.[1]?.title).toBe('Oh, Hello world')
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
  })

  it('[DOC11] two editors typing at one spot keep every character of both', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const q1 = id(a, 'q1')
    for (const [peer, word] of [
      [a, 'abc'],
      [b, 'XYZ'],
    ] as const) {
      ;[...word].forEach((ch, i) => {
        editText(peer.doc, { target: q1, key: 'title', index: 5 + i, insert: ch }, peer.origin)
      })
    }
    syncAll([a, b])
    const title = toSurveyJson(a.doc).pages?.[0]?.elements?.[1]?.title as string
    expect(title).toHaveLength('Hello'.length + 6)
    expect(title.replace(/[XYZ]/g, '')).toBe('Helloabc')
    expect(title.replace(/[abc]/g, '')).toBe('HelloXYZ')
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
  })

  it('[DOC12] a question deleted while another editor edits its title stays deleted', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const q1 = id(a, 'q1')
    removeElement(a.doc, q1, a.origin)
    editText(b.doc, { target: q1, key: 'title', index: 0, insert: 'Still ' }, b.origin)
    setProperty(b.doc, { target: q1, key: 'isRequired', value: true }, b.origin)
    editText(
      b.doc,
      { target: q1, key: 'description', locale: 'en', index: 0, insert: 'x' },
      b.origin,
    )
    syncAll([a, b])
    for (const peer of [a, b]) {
      expect(allNames(toSurveyJson(peer.doc))).not.toContain('q1')
      expect(formDocStats(peer.doc).hidden).toBe(0)
    }
    expect(editText(b.doc, { target: q1, key: 'title', index: 0, insert: 'x' }, b.origin)).toBe(
      false,
    )
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
  })

  it('[DOC12] a question deleted while another editor moves it stays deleted', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const q1 = id(a, 'q1')
    removeElement(a.doc, q1, a.origin)
    expect(moveElement(b.doc, q1, { parent: id(b, 'p2', true) }, b.origin)).toBe(true)
    syncAll([a, b])
    expect(allNames(toSurveyJson(a.doc))).not.toContain('q1')
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
    expect(moveElement(b.doc, q1, { parent: id(b, 'p1', true) }, b.origin)).toBe(false)
  })

  it('[DOC12] a choice added to a question deleted concurrently is never shown', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const q1 = id(a, 'q1')
    removeElement(a.doc, q1, a.origin)
    expect(addChoice(b.doc, { parent: q1, json: { value: 'maybe' } }, b.origin)).not.toBeNull()
    const yes = childIds(b.doc, q1, 'choices')[0] ?? ''
    expect(removeChoice(b.doc, yes, b.origin)).toBe(true)
    syncAll([a, b])
    for (const peer of [a, b]) {
      expect(JSON.stringify(toSurveyJson(peer.doc))).not.toMatch(/maybe|q1/)
      expect(formDocStats(peer.doc)).toMatchObject({ elements: 5, choices: 0, hidden: 1 })
    }
  })

  it('[DOC12] a question moved into a panel deleted concurrently is hidden, and undo shows it', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const undoA = createUndoManager(a.doc, a.origin)
    removeElement(a.doc, id(a, 'panelA'), a.origin)
    moveElement(b.doc, id(b, 'q2'), { parent: id(b, 'panelA') }, b.origin)
    syncAll([a, b])
    expect(allNames(toSurveyJson(a.doc))).toEqual(['p1', 'q1', 'p2', 'panelB', 'b1'])
    expect(formDocStats(a.doc).hidden).toBe(1)
    undoA.undo()
    syncAll([a, b])
    for (const peer of [a, b]) {
      expect(parentName(toSurveyJson(peer.doc), 'q2')).toBe('panelA')
      expect(parentName(toSurveyJson(peer.doc), 'a1')).toBe('panelA')
    }
  })

  it('[DOC13] panels moved into each other concurrently: each shown once, the same everywhere', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const panelA = id(a, 'panelA')
    const panelB = id(a, 'panelB')
    expect(moveElement(a.doc, panelA, { parent: panelB }, a.origin)).toBe(true)
    expect(moveElement(b.doc, panelB, { parent: panelA }, b.origin)).toBe(true)
    syncAll([a, b])
    const json = toSurveyJson(a.doc)
    expect(toSurveyJson(b.doc)).toEqual(json)
    expect([...allNames(json)].sort()).toEqual([
      'a1',
      'b1',
      'p1',
      'p2',
      'panelA',
      'panelB',
      'q1',
      'q2',
    ])
    // The smaller id goes back to where it was; the other stays inside it.
    const [first, second] = [panelA, panelB].sort()
    const back = first === panelA ? ['panelA', 'p1'] : ['panelB', 'p2']
    const inner = second === panelA ? 'panelA' : 'panelB'
    expect(parentName(json, back[0] ?? '')).toBe(back[1])
    expect(parentName(json, inner)).toBe(back[0])
    expect(formDocStats(a.doc)).toMatchObject({ elements: 6, hidden: 0 })
  })

  it('[DOC13] a three-way cycle terminates and converges', () => {
    const three = {
      pages: [
        {
          name: 'p',
          elements: ['x', 'y', 'z'].map((name) => ({ type: 'panel', name, elements: [] })),
        },
      ],
    }
    const peers = createPeers(3, three)
    const [a, b, c] = peers
    if (!a || !b || !c) throw new Error('peers')
    moveElement(a.doc, id(a, 'x'), { parent: id(a, 'y') }, a.origin)
    moveElement(b.doc, id(b, 'y'), { parent: id(b, 'z') }, b.origin)
    moveElement(c.doc, id(c, 'z'), { parent: id(c, 'x') }, c.origin)
    syncAll(peers)
    const json = toSurveyJson(a.doc)
    for (const peer of peers) expect(toSurveyJson(peer.doc)).toEqual(json)
    expect([...allNames(json)].sort()).toEqual(['p', 'x', 'y', 'z'])
    // A later move settles it: no node can be moved into its own descendant.
    const shownParent = parentName(json, 'x')
    if (shownParent !== 'p') {
      expect(moveElement(a.doc, id(a, 'x'), { parent: id(a, String(shownParent)) }, a.origin)).toBe(
        true,
      )
    }
    expect(moveElement(a.doc, id(a, 'p', true), { parent: ROOT, index: 0 }, a.origin)).toBe(true)
  })

  it('[DOC4] concurrent inserts at one spot keep one order, and inserting between them works', () => {
    const [a, b] = createPeers(2, form)
    if (!a || !b) throw new Error('peers')
    const p2 = id(a, 'p2', true)
    addElement(a.doc, { parent: p2, index: 1, json: { type: 'text', name: 'fromA' } }, a.origin)
    addElement(b.doc, { parent: p2, index: 1, json: { type: 'text', name: 'fromB' } }, b.origin)
    syncAll([a, b])
    const names = () => allNames(toSurveyJson(a.doc))
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
    const [x, y] = names().filter((n) => n === 'fromA' || n === 'fromB')
    addElement(a.doc, { parent: p2, index: 2, json: { type: 'text', name: 'between' } }, a.origin)
    syncAll([a, b])
    expect(names()).toEqual([
      'p1',
      'panelA',
      'a1',
      'q1',
      'p2',
      'panelB',
      'b1',
      x,
      'between',
      y,
      'q2',
    ])
    expect(toSurveyJson(b.doc)).toEqual(toSurveyJson(a.doc))
  })
})
