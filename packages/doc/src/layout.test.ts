import type { ElementJson } from '@yardstick/sdk'
import { templates } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fromSurveyJson } from './from-json'
import { formDocStats } from './stats'

describe('layout', () => {
  it('[DOC1] a form is three top-level types: survey, elements, items', () => {
    const doc = fromSurveyJson(templates.selfCheck)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect([...copy.share.keys()].sort()).toEqual(['elements', 'items', 'survey'])
    expect(copy.getMap('survey').get('$v')).toBe(1)
  })

  it('[DOC1] [DOC2] elements are one flat map keyed by stable 12-character ids', () => {
    const doc = fromSurveyJson({
      pages: [
        {
          name: 'p',
          elements: [{ type: 'panel', name: 'a', elements: [{ type: 'text', name: 'b' }] }],
        },
      ],
    })
    const elements = doc.getMap<Y.Map<unknown>>('elements')
    expect(elements.size).toBe(3)
    for (const [id, node] of elements) {
      expect(id).toMatch(/^[0-9A-Za-z_-]{12}$/)
      expect(node.get('$place')).toEqual([
        expect.any(String),
        expect.any(String),
        expect.any(String),
      ])
      expect([...node.values()].some((v) => v instanceof Y.Map && v.has('$place'))).toBe(false)
    }
  })

  it.each(Object.entries(templates))('[DOC18] counts what the %s template shows', (_, json) => {
    let elements = 0
    let choices = json.dimensions?.length ?? 0
    const walk = (list: ElementJson[] | undefined) => {
      for (const e of list ?? []) {
        elements++
        for (const slot of ['choices', 'rateValues', 'rows', 'columns', 'items']) {
          const entries = e[slot]
          if (Array.isArray(entries)) choices += entries.length
        }
        walk(e.elements)
      }
    }
    for (const page of json.pages ?? []) walk(page.elements)
    expect(formDocStats(fromSurveyJson(json))).toEqual({
      pages: json.pages?.length ?? 0,
      elements,
      choices,
      hidden: 0,
    })
  })

  it('[DOC18] an empty doc counts nothing', () => {
    expect(formDocStats(new Y.Doc())).toEqual({ pages: 0, elements: 0, choices: 0, hidden: 0 })
  })
})
