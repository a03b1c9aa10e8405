import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addElement, addPage, moveElement, removeElement } from './edit-elements'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { childIds, findElementId } from './queries'
import { formDocStats } from './stats'
import { allNames } from './testing/walk'
import { toSurveyJson } from './to-json'

const me = { editor: 'me' }

function setup() {
  const doc = fromSurveyJson({
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'panel', name: 'panel', elements: [{ type: 'text', name: 'inner' }] },
          { type: 'text', name: 'q1' },
        ],
      },
      { name: 'p2', elements: [] },
    ],
  })
  const origins: unknown[] = []
  doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
  const id = (name: string, pages = false) => findElementId(doc, name, { pages }) ?? 'missing'
  return { doc, origins, id }
}

describe('element edits', () => {
  it('[DOC10] add, move and remove are one transaction each, with the editor origin', () => {
    const { doc, origins, id } = setup()
    const added = addElement(
      doc,
      { parent: id('panel'), index: 0, json: { type: 'radiogroup', name: 'q2', choices: ['a'] } },
      me,
    )
    expect(added).toBe(id('q2'))
    expect(moveElement(doc, id('q2'), { parent: id('p2', true) }, me)).toBe(true)
    expect(addPage(doc, { json: { name: 'p0' }, index: 0 }, me)).toBe(id('p0', true))
    expect(removeElement(doc, id('panel'), me)).toBe(true)
    expect(origins).toEqual([me, me, me, me])
    expect(toSurveyJson(doc)).toEqual({
      pages: [
        { name: 'p0' },
        { name: 'p1', elements: [{ type: 'text', name: 'q1' }] },
        { name: 'p2', elements: [{ type: 'radiogroup', name: 'q2', choices: ['a'] }] },
      ],
    })
    expect(formDocStats(doc)).toEqual({ pages: 3, elements: 2, choices: 1, hidden: 0 })
  })

  it('[DOC10] index counts the siblings without the moved node; default is last', () => {
    const { doc, id } = setup()
    const p1 = id('p1', true)
    addElement(doc, { parent: p1, json: { type: 'text', name: 'q3' } }, me)
    expect(allNames(toSurveyJson(doc))).toEqual(['p1', 'panel', 'inner', 'q1', 'q3', 'p2'])
    moveElement(doc, id('panel'), { parent: p1, index: 1 }, me)
    expect(allNames(toSurveyJson(doc))).toEqual(['p1', 'q1', 'panel', 'inner', 'q3', 'p2'])
    moveElement(doc, id('q3'), { parent: p1, index: 0 }, me)
    moveElement(doc, id('p2', true), { parent: ROOT, slot: 'pages', index: 0 }, me)
    expect(allNames(toSurveyJson(doc))).toEqual(['p2', 'p1', 'q3', 'q1', 'panel', 'inner'])
    expect(childIds(doc, ROOT, 'pages')).toEqual([id('p2', true), p1])
  })

  it('[DOC10] refused edits write nothing and do not throw', () => {
    const { doc, origins, id } = setup()
    const panel = id('panel')
    expect(moveElement(doc, panel, { parent: id('inner') }, me)).toBe(false)
    expect(moveElement(doc, panel, { parent: panel }, me)).toBe(false)
    expect(moveElement(doc, id('p1', true), { parent: id('p2', true) }, me)).toBe(false)
    expect(moveElement(doc, panel, { parent: ROOT, slot: 'pages' }, me)).toBe(false)
    expect(moveElement(doc, 'nope', { parent: ROOT }, me)).toBe(false)
    expect(addElement(doc, { parent: 'nope', json: { type: 'text', name: 'x' } }, me)).toBeNull()
    expect(
      addElement(doc, { parent: ROOT, slot: 'pages', json: { type: 'x', name: 'x' } }, me),
    ).toBeNull()
    expect(removeElement(doc, 'nope', me)).toBe(false)
    expect(origins).toEqual([])
  })

  it('[DOC7] a form with top-level elements takes edits at ROOT', () => {
    const doc = fromSurveyJson({ elements: [{ type: 'text', name: 'a' }] })
    addElement(
      doc,
      { parent: ROOT, index: 0, json: { type: 'panel', name: 'p', elements: [] } },
      me,
    )
    moveElement(doc, findElementId(doc, 'a') ?? '', { parent: findElementId(doc, 'p') ?? '' }, me)
    expect(toSurveyJson(doc)).toEqual({
      elements: [{ type: 'panel', name: 'p', elements: [{ type: 'text', name: 'a' }] }],
    })
  })

  it('[DOC7] dynamic panels hold template elements', () => {
    const doc = fromSurveyJson({
      elements: [{ type: 'paneldynamic', name: 'dyn', templateElements: [] }],
    })
    const dyn = findElementId(doc, 'dyn') ?? ''
    const json = { type: 'text', name: 't' }
    expect(addElement(doc, { parent: dyn, slot: 'templateElements', json }, me)).not.toBeNull()
    expect(toSurveyJson(doc).elements?.[0]?.templateElements).toEqual([json])
  })

  it('[DOC3] a move changes only the place fields of one entry', () => {
    const { doc, id } = setup()
    const changed: [unknown, string[]][] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) changed.push([type, [...keys].map(String).sort()])
    })
    moveElement(doc, id('q1'), { parent: id('p2', true) }, me)
    expect(changed).toEqual([[doc.getMap('elements').get(id('q1')), ['$from', '$place']]])
  })

  it('[DOC12] removing a panel removes what is inside it, choices included', () => {
    const doc = fromSurveyJson({
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'panel',
              name: 'outer',
              elements: [{ type: 'radiogroup', name: 'r', choices: [1, 2] }],
            },
          ],
        },
      ],
    })
    removeElement(doc, findElementId(doc, 'outer') ?? '', me)
    expect(toSurveyJson(doc)).toEqual({ pages: [{ name: 'p', elements: [] }] })
    expect(formDocStats(doc)).toEqual({ pages: 1, elements: 0, choices: 0, hidden: 0 })
    expect(doc.getMap('elements').size).toBe(1)
    expect(doc.getMap('items').size).toBe(0)
  })
})
