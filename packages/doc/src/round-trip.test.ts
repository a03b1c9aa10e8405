import { templates } from '@yardstick/sdk'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fromSurveyJson } from './from-json'
import { surveyForm } from './testing/arbitraries'
import { toSurveyJson } from './to-json'

/** Deep-equal with key order: what JSON.stringify prints. */
function expectExact(actual: unknown, expected: unknown) {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

function viaUpdate(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('round trip', () => {
  it('[DOC9] any generated form round-trips exactly, also through an update', () => {
    fc.assert(
      fc.property(surveyForm, (json) => {
        const doc = fromSurveyJson(json)
        expectExact(toSurveyJson(doc), json)
        expectExact(toSurveyJson(viaUpdate(doc)), json)
      }),
      { numRuns: 400 },
    )
  })

  it.each(Object.entries(templates))('[DOC9] the %s template round-trips exactly', (_, json) => {
    const doc = viaUpdate(fromSurveyJson(json))
    expect(toSurveyJson(doc)).toEqual(json)
    expectExact(toSurveyJson(doc), json)
  })

  it('[DOC9] keeps plain strings and locale objects apart, and key order', () => {
    const json = {
      pages: [
        {
          elements: [
            {
              name: 'q1',
              type: 'radiogroup',
              title: 'plain',
              description: { en: 'E', default: 'D' },
              choices: ['a', 2, { text: { 'zh-cn': '是' }, value: 'yes', score: 1 }],
            },
          ],
          name: 'p1',
        },
      ],
      title: { default: '表' },
    }
    expectExact(toSurveyJson(viaUpdate(fromSurveyJson(json))), json)
  })

  it('[DOC7] a form with top-level elements keeps them at the top level', () => {
    const json = { elements: [{ type: 'text', name: 'q1' }], title: 'T' }
    expectExact(toSurveyJson(fromSurveyJson(json)), json)
  })

  it('[DOC7] empty slots and arrays that are not slots survive', () => {
    const json = {
      pages: [],
      elements: [
        { type: 'panel', name: 'p', elements: [] },
        { type: 'comment', name: 'c', rows: 4, choices: [] },
        { type: 'x', name: 'y', choices: [[1], 'a'], columns: [{ name: 'c1', choices: ['a'] }] },
      ],
    }
    expectExact(toSurveyJson(fromSurveyJson(json)), json)
  })

  it('[DOC8] keys starting with $ cannot collide with layout fields', () => {
    const json = {
      $parent: 'x',
      $keys: [1],
      elements: [{ type: 'text', name: 'q', $order: 'z', $$v: 1, title: { $slot: 't' } }],
    }
    expectExact(toSurveyJson(viaUpdate(fromSurveyJson(json))), json)
  })

  it('[DOC9] the JSON is copied in and out, never shared', () => {
    const validators: unknown[] = [{ type: 'numeric' }]
    const doc = fromSurveyJson({ elements: [{ type: 'text', name: 'q', validators }] })
    const out = toSurveyJson(doc).elements?.[0]?.validators
    if (!Array.isArray(out)) throw new Error('no validators')
    out.push('changed')
    validators.push('changed too')
    expect(toSurveyJson(doc).elements?.[0]?.validators).toEqual([{ type: 'numeric' }])
  })

  it('[DOC1] refuses a doc that already holds a form, and a non-object', () => {
    const doc = fromSurveyJson({ title: 'x' })
    expect(() => fromSurveyJson({ title: 'y' }, doc)).toThrow(TypeError)
    expect(() => fromSurveyJson([] as never)).toThrow(TypeError)
  })
})
