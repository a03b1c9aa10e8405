import { describe, expect, it } from 'vitest'
import { addChoice, moveChoice } from './edit-choices'
import { addElement, moveElement } from './edit-elements'
import { setProperty } from './edit-properties'
import { fromSurveyJson } from './from-json'
import { childIds, findElementId } from './queries'
import { toSurveyJson } from './to-json'

const me = { editor: 'me' }

function setup() {
  const doc = fromSurveyJson({
    elements: [
      { type: 'text', name: 'q' },
      { type: 'panel', name: 'box', elements: [{ type: 'text', name: 'inner' }] },
      { type: 'radiogroup', name: 'pick', choices: ['a', 'b'] },
      { type: 'paneldynamic', name: 'many', templateElements: [] },
    ],
  })
  const id = (name: string) => findElementId(doc, name) ?? 'missing'
  return { doc, id }
}

const slotError = (slot: string, type: string) =>
  expect.objectContaining({ name: 'FormSlotError', issue: { code: 'unknownSlot', type, slot } })

describe('[DOC22] slots an element type does not have are refused', () => {
  it('refuses elements in a text question and choices in a panel, writing nothing', () => {
    const { doc, id } = setup()
    const before = JSON.stringify(toSurveyJson(doc))
    const json = { type: 'text', name: 'x' }
    expect(() => addElement(doc, { parent: id('q'), json }, me)).toThrow(
      slotError('elements', 'text'),
    )
    expect(() => addChoice(doc, { parent: id('box'), json: 'c' }, me)).toThrow(
      slotError('choices', 'panel'),
    )
    expect(() => setProperty(doc, { target: id('box'), key: 'choices', value: ['c'] }, me)).toThrow(
      slotError('choices', 'panel'),
    )
    expect(() => addElement(doc, { parent: id('many'), json }, me)).toThrow(
      slotError('elements', 'paneldynamic'),
    )
    expect(JSON.stringify(toSurveyJson(doc))).toBe(before)
  })

  it('refuses moves into such a slot', () => {
    const { doc, id } = setup()
    expect(() => moveElement(doc, id('inner'), { parent: id('q') }, me)).toThrow(
      slotError('elements', 'text'),
    )
    const [choice] = childIds(doc, id('pick'), 'choices')
    expect(() => moveChoice(doc, choice ?? '', { parent: id('q') }, me)).toThrow(
      slotError('choices', 'text'),
    )
  })

  it('accepts the slots SurveyJS gives the type', () => {
    const { doc, id } = setup()
    const json = { type: 'text', name: 'x' }
    expect(addElement(doc, { parent: id('box'), json }, me)).toBeTypeOf('string')
    expect(addElement(doc, { parent: id('many'), slot: 'templateElements', json }, me)).toBeTypeOf(
      'string',
    )
    expect(addChoice(doc, { parent: id('pick'), json: 'c' }, me)).toBeTypeOf('string')
    expect(setProperty(doc, { target: id('q'), key: 'choices', value: undefined }, me)).toBe(true)
  })
})
