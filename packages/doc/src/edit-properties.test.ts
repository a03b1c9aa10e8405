import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editText, setProperty } from './edit-properties'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { findElementId } from './queries'
import { createPeers, syncAll } from './testing/peers'
import { toSurveyJson } from './to-json'

const me = { editor: 'me' }

function setup() {
  const doc = fromSurveyJson({
    title: 'Form',
    elements: [{ type: 'text', name: 'q', title: { default: '问题', en: 'Question' } }],
  })
  const origins: unknown[] = []
  doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
  return { doc, origins, q: findElementId(doc, 'q') ?? '' }
}

describe('property and text edits', () => {
  it('[DOC10] setProperty sets, replaces and (with undefined) removes, one transaction each', () => {
    const { doc, origins, q } = setup()
    expect(setProperty(doc, { target: q, key: 'isRequired', value: true }, me)).toBe(true)
    setProperty(doc, { target: q, key: 'visibleIf', value: '{a} = 1' }, me)
    setProperty(doc, { target: q, key: 'isRequired', value: undefined }, me)
    setProperty(doc, { target: ROOT, key: 'kind', value: 'quiz' }, me)
    expect(origins).toEqual([me, me, me, me])
    expect(toSurveyJson(doc)).toEqual({
      title: 'Form',
      elements: [
        {
          type: 'text',
          name: 'q',
          title: { default: '问题', en: 'Question' },
          visibleIf: '{a} = 1',
        },
      ],
      kind: 'quiz',
    })
    expect(setProperty(doc, { target: 'gone', key: 'x', value: 1 }, me)).toBe(false)
  })

  it('[DOC10] setting the same value again writes nothing', () => {
    const { doc, origins } = setup()
    setProperty(doc, { target: ROOT, key: 'title', value: 'Form' }, me)
    expect(origins).toEqual([])
  })

  it('[DOC11] setProperty on a text diffs into the Y.Text, so concurrent typing survives', () => {
    const [a, b] = createPeers(2, { title: 'Hello world' })
    if (!a || !b) throw new Error('peers')
    setProperty(a.doc, { target: ROOT, key: 'title', value: 'Hello there world' }, a.origin)
    editText(b.doc, { target: ROOT, key: 'title', index: 11, insert: '!' }, b.origin)
    syncAll([a, b])
    expect(toSurveyJson(a.doc).title).toBe('Hello there world!')
    expect(toSurveyJson(b.doc).title).toBe('Hello there world!')
  })

  it('[DOC11] editText edits one locale, adds a locale, and creates a missing text', () => {
    const { doc, q } = setup()
    editText(doc, { target: q, key: 'title', locale: 'en', index: 8, insert: ' one' }, me)
    editText(doc, { target: q, key: 'title', locale: 'default', index: 0, remove: 1 }, me)
    editText(doc, { target: q, key: 'title', locale: 'de', index: 5, insert: 'Frage' }, me)
    editText(doc, { target: q, key: 'description', index: 0, insert: 'Hint' }, me)
    expect(toSurveyJson(doc).elements?.[0]).toEqual({
      type: 'text',
      name: 'q',
      title: { default: '题', en: 'Question one', de: 'Frage' },
      description: 'Hint',
    })
  })

  it('[DOC11] a plain string edited in another locale becomes a locale object', () => {
    const { doc } = setup()
    editText(doc, { target: ROOT, key: 'title', locale: 'en', index: 0, insert: 'EN' }, me)
    expect(toSurveyJson(doc).title).toEqual({ default: 'Form', en: 'EN' })
  })

  it('[DOC11] indexes are clamped; a non-text property is refused', () => {
    const { doc, q } = setup()
    editText(doc, { target: ROOT, key: 'title', index: 99, remove: 5, insert: '!' }, me)
    editText(doc, { target: ROOT, key: 'title', index: -3, remove: 1 }, me)
    expect(toSurveyJson(doc).title).toBe('orm!')
    setProperty(doc, { target: q, key: 'maxScore', value: 5 }, me)
    expect(editText(doc, { target: q, key: 'maxScore', index: 0, insert: '1' }, me)).toBe(false)
  })

  it('[DOC5] text is Y.Text; a locale object is a Y.Map of Y.Text; the rest is plain', () => {
    const { doc, q } = setup()
    const node = doc.getMap<Y.Map<unknown>>('elements').get(q)
    expect(doc.getMap('survey').get('title')).toBeInstanceOf(Y.Text)
    const title = node?.get('title')
    expect(title).toBeInstanceOf(Y.Map)
    expect((title as Y.Map<unknown>).get('en')).toBeInstanceOf(Y.Text)
    expect(node?.get('type')).toBe('text')
  })

  it("[DOC6] the survey's triggers are one plain value: set whole, seen by peers, removed", () => {
    const [a, b] = createPeers(2, { title: 'Form', elements: [{ type: 'text', name: 'q' }] })
    if (!a || !b) throw new Error('peers')
    const triggers = [
      { type: 'skip', expression: "{q} = 'no'", gotoName: 'q' },
      { type: 'setvalue', expression: '{q} empty', setToName: 'q', setValue: 1 },
    ]
    setProperty(a.doc, { target: ROOT, key: 'triggers', value: triggers }, a.origin)
    syncAll([a, b])
    expect(toSurveyJson(b.doc).triggers).toEqual(triggers)
    // No Y.Text inside: a condition is not text ([DOC5]), the list is written as one value.
    expect(Array.isArray(b.doc.getMap('survey').get('triggers'))).toBe(true)
    setProperty(b.doc, { target: ROOT, key: 'triggers', value: triggers.slice(1) }, b.origin)
    syncAll([a, b])
    expect(toSurveyJson(a.doc).triggers).toEqual(triggers.slice(1))
    setProperty(a.doc, { target: ROOT, key: 'triggers', value: undefined }, a.origin)
    syncAll([a, b])
    expect(toSurveyJson(b.doc)).toEqual({ title: 'Form', elements: [{ type: 'text', name: 'q' }] })
  })

  it('[DOC7] setProperty on a slot replaces its entries', () => {
    const { doc, q } = setup()
    // A text question has no choices ([DOC22]): make it a dropdown first.
    setProperty(doc, { target: q, key: 'type', value: 'dropdown' }, me)
    setProperty(doc, { target: q, key: 'choices', value: ['a', { value: 'b' }] }, me)
    setProperty(doc, { target: q, key: 'choices', value: ['c'] }, me)
    expect(toSurveyJson(doc).elements?.[0]?.choices).toEqual(['c'])
    expect(doc.getMap('items').size).toBe(1)
    setProperty(doc, { target: q, key: 'choices', value: undefined }, me)
    expect(toSurveyJson(doc).elements?.[0]).not.toHaveProperty('choices')
  })
})
