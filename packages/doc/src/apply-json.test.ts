import { templates } from '@yardstick/sdk'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applySurveyJson } from './apply-json'
import { editText, setProperty } from './edit-properties'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { findElementId } from './queries'
import { formDocStats } from './stats'
import { formAndVariant, surveyForm } from './testing/arbitraries'
import { createPeers, syncAll } from './testing/peers'
import { toSurveyJson } from './to-json'
import { createUndoManager } from './undo'

const me = { editor: 'me' }

function watch(doc: Y.Doc) {
  const origins: unknown[] = []
  doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
  return origins
}

const exact = (value: unknown) => JSON.stringify(value)

describe('applySurveyJson', () => {
  it('[DOC15] turns any form into any other in one transaction, exactly', () => {
    fc.assert(
      fc.property(surveyForm, surveyForm, (from, to) => {
        const doc = fromSurveyJson(from)
        const origins = watch(doc)
        applySurveyJson(doc, to, me)
        expect(exact(toSurveyJson(doc))).toBe(exact(to))
        expect(origins.length).toBeLessThanOrEqual(1)
        expect(origins.every((o) => o === me)).toBe(true)
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
        expect(exact(toSurveyJson(copy))).toBe(exact(to))
      }),
      { numRuns: 300 },
    )
  })

  it('[DOC15] restores a variant of a form: matched by name, moved, exactly', () => {
    fc.assert(
      fc.property(formAndVariant, ([from, to]) => {
        const doc = fromSurveyJson(from)
        const origins = watch(doc)
        applySurveyJson(doc, to, me)
        expect(exact(toSurveyJson(doc))).toBe(exact(to))
        expect(origins.length).toBeLessThanOrEqual(1)
        applySurveyJson(doc, from, me)
        expect(exact(toSurveyJson(doc))).toBe(exact(from))
        expect(formDocStats(doc).hidden).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it.each(Object.keys(templates) as (keyof typeof templates)[])(
    '[DOC15] applying what the %s doc already shows writes nothing',
    (name) => {
      const doc = fromSurveyJson(templates[name])
      const origins = watch(doc)
      applySurveyJson(doc, structuredClone(templates[name]), me)
      expect(origins).toEqual([])
    },
  )

  it('[DOC15] turns one template into another and back', () => {
    const doc = fromSurveyJson(templates.satisfaction)
    applySurveyJson(doc, templates.selfCheck, me)
    expect(exact(toSurveyJson(doc))).toBe(exact(templates.selfCheck))
    applySurveyJson(doc, templates.satisfaction, me)
    expect(exact(toSurveyJson(doc))).toBe(exact(templates.satisfaction))
    expect(formDocStats(doc).hidden).toBe(0)
  })

  it('[DOC15] matches elements by name: a moved question keeps its id, and the edit is small', () => {
    const doc = fromSurveyJson(templates.selfCheck)
    const target = structuredClone(templates.selfCheck)
    const [first, second] = target.pages ?? []
    const moved = first?.elements?.shift()
    if (!moved || !second?.elements) throw new Error('template shape')
    second.elements.push(moved)
    moved.title = { default: '改过的标题', en: 'Changed' }
    const idBefore = findElementId(doc, moved.name)
    const before = Y.encodeStateVector(doc)
    applySurveyJson(doc, target, me)
    expect(findElementId(doc, moved.name)).toBe(idBefore)
    expect(exact(toSurveyJson(doc))).toBe(exact(target))
    expect(Y.encodeStateAsUpdate(doc, before).length).toBeLessThan(300)
  })

  it('[DOC15] a restore merges with concurrent typing instead of overwriting it', () => {
    const [a, b] = createPeers(2, { title: 'Hello', elements: [{ type: 'text', name: 'q' }] })
    if (!a || !b) throw new Error('peers')
    const old = toSurveyJson(a.doc)
    editText(b.doc, { target: ROOT, key: 'title', index: 5, insert: ' world' }, b.origin)
    setProperty(b.doc, { target: ROOT, key: 'kind', value: 'quiz' }, b.origin)
    syncAll([a, b])
    applySurveyJson(a.doc, old, a.origin)
    editText(b.doc, { target: ROOT, key: 'title', index: 0, insert: '¡' }, b.origin)
    syncAll([a, b])
    for (const peer of [a, b]) {
      expect(toSurveyJson(peer.doc)).toEqual({
        title: '¡Hello',
        elements: [{ type: 'text', name: 'q' }],
      })
    }
  })

  it('[DOC15] [DOC16] the editor who restored can undo the restore as one step', () => {
    const doc = fromSurveyJson(templates.scorecard)
    const undo = createUndoManager(doc, me)
    applySurveyJson(doc, templates.quiz, me)
    expect(undo.undoStack).toHaveLength(1)
    undo.undo()
    expect(exact(toSurveyJson(doc))).toBe(exact(templates.scorecard))
  })

  it('[DOC15] refuses a non-object', () => {
    expect(() => applySurveyJson(new Y.Doc(), null as never, me)).toThrow(TypeError)
  })
})
