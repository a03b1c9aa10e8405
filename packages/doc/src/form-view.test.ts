import { templates, validateForm } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addChoice } from './edit-choices'
import { addElement, moveElement } from './edit-elements'
import { idForPath, nodeOf, readFormView } from './form-view'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { childIds, findElementId } from './queries'

const me = { editor: 'test' }

/** Every slot's ids as `childIds` (exact, slow) gives them. */
function expectMatchesChildIds(doc: Y.Doc) {
  const view = readFormView(doc)
  expect(view.pages).toEqual(childIds(doc, ROOT, 'pages'))
  for (const node of view.nodes.values()) {
    expect(node.children).toEqual(childIds(doc, node.id, 'elements'))
    for (const [slot, ids] of Object.entries(node.items)) {
      expect(ids).toEqual(childIds(doc, node.id, slot))
    }
  }
}

describe('readFormView (SPEC [DOC19])', () => {
  it('lays the document ids over the JSON of a template', () => {
    const doc = fromSurveyJson(templates.selfCheck)
    const view = readFormView(doc)
    expect(view.json).toEqual(templates.selfCheck)
    const id = findElementId(doc, 'theoryStudy')
    expect(id).not.toBeNull()
    const node = view.nodes.get(id as string)
    expect(node?.json.name).toBe('theoryStudy')
    expect(node?.kind).toBe('question')
    expect(node?.path).toBe('pages[0].elements[0]')
    expect(node?.items.choices).toHaveLength(2)
    expect(view.dimensions).toHaveLength(4)
    expect(view.order[0]).toBe(view.pages[0])
    expect(view.empty).toBe(false)
    expectMatchesChildIds(doc)
  })

  it('says an empty document is empty', () => {
    const view = readFormView(new Y.Doc())
    expect(view.empty).toBe(true)
    expect(view.order).toEqual([])
  })

  it('follows moves, additions and panels', () => {
    const doc = fromSurveyJson(templates.scorecard)
    const [first, second] = childIds(doc, ROOT, 'pages')
    const panel = addElement(
      doc,
      { parent: first as string, index: 0, json: { type: 'panel', name: 'box', elements: [] } },
      me,
    )
    const q = findElementId(doc, 'election') as string
    moveElement(doc, q, { parent: panel as string }, me)
    moveElement(
      doc,
      findElementId(doc, 'branchSetup') as string,
      { parent: second as string, index: 0 },
      me,
    )
    const radio = addElement(
      doc,
      { parent: panel as string, json: { type: 'radiogroup', name: 'r1', choices: ['a'] } },
      me,
    )
    addChoice(doc, { parent: radio as string, json: { value: 'b', score: 2 } }, me)
    const view = readFormView(doc)
    expect(view.nodes.get(panel as string)?.kind).toBe('panel')
    expect(view.nodes.get(panel as string)?.children).toEqual([q, radio])
    expect(view.nodes.get(q)?.depth).toBe(2)
    expect(view.nodes.get(radio as string)?.items.choices).toHaveLength(2)
    expect(view.names.has('r1')).toBe(true)
    expectMatchesChildIds(doc)
  })

  it('stays exact while concurrent moves make a cycle (SPEC [DOC13])', () => {
    const a = fromSurveyJson({
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'panel', name: 'A', elements: [] },
            { type: 'panel', name: 'B', elements: [] },
          ],
        },
      ],
    })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const idA = findElementId(a, 'A') as string
    const idB = findElementId(a, 'B') as string
    moveElement(a, idA, { parent: idB }, me)
    moveElement(b, idB, { parent: idA }, me)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expectMatchesChildIds(a)
    expect(readFormView(a).nodes.size).toBe(3)
  })

  it('points a validation issue at the element or choice at fault', () => {
    const form = structuredClone(templates.satisfaction) as typeof templates.satisfaction
    const first = form.pages?.[0]?.elements?.[0]
    if (!first?.choices) throw new Error('template changed')
    first.choices[0] = { value: 'satisfied', score: 'x' as unknown as number }
    const doc = fromSurveyJson(form)
    const view = readFormView(doc)
    const issue = validateForm(view.json).errors.find((e) => e.code === 'nonNumericScore')
    expect(issue?.path).toBe('pages[0].elements[0].choices[0].score')
    const id = idForPath(view, issue?.path ?? '')
    expect(view.items.get(id as string)?.index).toBe(0)
    expect(nodeOf(view, id)?.json.name).toBe(first.name)
  })
})
