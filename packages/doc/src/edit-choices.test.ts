import { describe, expect, it } from 'vitest'
import { addChoice, moveChoice, removeChoice } from './edit-choices'
import { editText, setProperty } from './edit-properties'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { childIds, findElementId } from './queries'
import { toSurveyJson } from './to-json'

const me = { editor: 'me' }

function setup() {
  const doc = fromSurveyJson({
    dimensions: [{ name: 'd1', title: { default: '一' } }],
    elements: [
      { type: 'radiogroup', name: 'r', choices: ['a', { value: 'b', text: 'B', score: 2 }] },
      { type: 'rating', name: 'rate', rateValues: [1, 2, 3] },
      { type: 'html', name: 'h' },
    ],
  })
  const origins: unknown[] = []
  doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
  const r = findElementId(doc, 'r') ?? ''
  const rate = findElementId(doc, 'rate') ?? ''
  return { doc, origins, r, rate }
}

describe('choice edits', () => {
  it('[DOC10] add, move and remove choices, one transaction each', () => {
    const { doc, origins, r, rate } = setup()
    const c = addChoice(doc, { parent: r, index: 1, json: { value: 'c', satisfied: true } }, me)
    expect(c).not.toBeNull()
    expect(addChoice(doc, { parent: rate, slot: 'rateValues', json: 4 }, me)).not.toBeNull()
    const [a] = childIds(doc, r, 'choices')
    expect(moveChoice(doc, a ?? '', { parent: rate, slot: 'rateValues', index: 0 }, me)).toBe(true)
    expect(removeChoice(doc, c ?? '', me)).toBe(true)
    expect(addChoice(doc, { parent: ROOT, json: { name: 'd2', weight: 2 } }, me)).not.toBeNull()
    expect(origins).toEqual([me, me, me, me, me])
    expect(toSurveyJson(doc)).toEqual({
      dimensions: [
        { name: 'd1', title: { default: '一' } },
        { name: 'd2', weight: 2 },
      ],
      elements: [
        { type: 'radiogroup', name: 'r', choices: [{ value: 'b', text: 'B', score: 2 }] },
        { type: 'rating', name: 'rate', rateValues: ['a', 1, 2, 3, 4] },
        { type: 'html', name: 'h' },
      ],
    })
  })

  it('[DOC10] a choice added to a question without choices creates the slot', () => {
    const doc = fromSurveyJson({ elements: [{ type: 'dropdown', name: 'd' }] })
    addChoice(doc, { parent: findElementId(doc, 'd') ?? '', json: 'x' }, me)
    expect(toSurveyJson(doc).elements?.[0]).toEqual({ type: 'dropdown', name: 'd', choices: ['x'] })
    // An html question has no choices at all ([DOC22]).
    const { doc: other } = setup()
    const h = findElementId(other, 'h') ?? ''
    expect(() => addChoice(other, { parent: h, json: 'x' }, me)).toThrow(/has no "choices"/)
  })

  it('[DOC10] refused choice edits write nothing', () => {
    const { doc, origins, r } = setup()
    const [a] = childIds(doc, r, 'choices')
    expect(addChoice(doc, { parent: 'gone', json: 'x' }, me)).toBeNull()
    expect(addChoice(doc, { parent: r, slot: 'elements', json: 'x' }, me)).toBeNull()
    expect(moveChoice(doc, a ?? '', { parent: 'gone' }, me)).toBe(false)
    expect(moveChoice(doc, 'gone', { parent: r }, me)).toBe(false)
    expect(removeChoice(doc, 'gone', me)).toBe(false)
    expect(origins).toEqual([])
  })

  it('[DOC7] a bare choice becomes an object when it gets a property', () => {
    const { doc, r } = setup()
    const [a] = childIds(doc, r, 'choices')
    setProperty(doc, { target: a ?? '', key: 'score', value: 1 }, me)
    editText(doc, { target: a ?? '', key: 'text', locale: 'en', index: 0, insert: 'A' }, me)
    expect(toSurveyJson(doc).elements?.[0]?.choices?.[0]).toEqual({
      value: 'a',
      score: 1,
      text: { en: 'A' },
    })
  })

  it('[DOC10] a bare number choice is not turned into text, and nothing is written', () => {
    const { doc, origins } = setup()
    const rate = findElementId(doc, 'rate') ?? ''
    const [one] = childIds(doc, rate, 'rateValues')
    expect(editText(doc, { target: one ?? '', key: 'value', index: 0, insert: '1' }, me)).toBe(
      false,
    )
    expect(origins).toEqual([])
    expect(toSurveyJson(doc).elements?.[1]?.rateValues).toEqual([1, 2, 3])
  })
})
