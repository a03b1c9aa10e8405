import { templates } from '@yardstick/sdk'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addChoice } from './edit-choices'
import { addElement, moveElement, removeElement } from './edit-elements'
import { editText, setProperty } from './edit-properties'
import { type FormView, readFormView } from './form-view'
import { trackViewChanges, updateFormView } from './form-view-update'
import { fromSurveyJson } from './from-json'
import { ROOT } from './layout'
import { findElementId } from './queries'
import { typeHasSlot } from './slots'

const me = { editor: 'test' }

/** A document with its incrementally kept view, updated as an editor session does. */
function session(json: Readonly<Record<string, unknown>>) {
  const doc = fromSurveyJson(json)
  const tracker = trackViewChanges(doc)
  let view = readFormView(doc)
  return {
    doc,
    view: () => view,
    refresh: () => {
      view = updateFormView(doc, view, tracker.take())
      return view
    },
  }
}

/** The parts of a view that a full read defines. */
function expectSameView(actual: FormView, expected: FormView) {
  expect(actual.json).toEqual(expected.json)
  expect(JSON.stringify(actual.json)).toBe(JSON.stringify(expected.json))
  expect(actual.nodes).toEqual(expected.nodes)
  expect(actual.items).toEqual(expected.items)
  expect(actual.order).toEqual(expected.order)
  expect(actual.pages).toEqual(expected.pages)
  expect(actual.topElements).toEqual(expected.topElements)
  expect(actual.dimensions).toEqual(expected.dimensions)
  expect(actual.paths).toEqual(expected.paths)
  expect(actual.names).toEqual(expected.names)
  expect(actual.empty).toBe(expected.empty)
  // Node JSON is the object inside the form's JSON, as a full read shares it.
  for (const node of actual.nodes.values()) {
    const owner = node.parent === ROOT ? actual.json : actual.nodes.get(node.parent)?.json
    expect((owner as Record<string, unknown[]>)[node.slot]?.[node.index]).toBe(node.json)
  }
}

type Op =
  | {
      kind: 'text'
      owner: number
      key: string
      locale?: string
      at: number
      insert: string
      remove: number
    }
  | { kind: 'set'; owner: number; key: string; value: unknown }
  | { kind: 'add'; owner: number }
  | { kind: 'move'; owner: number; to: number }
  | { kind: 'remove'; owner: number }
  | { kind: 'choice'; owner: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      owner: fc.nat(),
      key: fc.constantFrom('title', 'description', 'text'),
      locale: fc.constantFrom(undefined, 'default', 'en'),
      at: fc.nat(40),
      insert: fc.string({ maxLength: 3 }),
      remove: fc.nat(2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      owner: fc.nat(),
      key: fc.constantFrom('score', 'isRequired', 'visibleIf', 'maxScore', 'name', 'veto', '$ref'),
      value: fc.oneof(
        fc.constant(undefined),
        fc.integer({ min: -3, max: 9 }),
        fc.boolean(),
        fc.string({ maxLength: 4 }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), owner: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move' as const), owner: fc.nat(), to: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), owner: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('choice' as const), owner: fc.nat() }) },
)

function apply(doc: Y.Doc, view: FormView, step: Op): void {
  const owners = [ROOT, ...view.nodes.keys(), ...view.items.keys()]
  const owner = owners[step.owner % owners.length] as string
  const questions = [...view.nodes.values()].filter((n) => n.kind === 'question')
  const question = questions[step.owner % Math.max(1, questions.length)]
  switch (step.kind) {
    case 'text':
      editText(
        doc,
        {
          target: owner,
          key: step.key,
          locale: step.locale,
          index: step.at,
          remove: step.remove,
          insert: step.insert,
        },
        me,
      )
      return
    case 'set':
      setProperty(doc, { target: owner, key: step.key, value: step.value }, me)
      return
    case 'add':
      addElement(
        doc,
        {
          parent: view.pages[0] as string,
          index: 0,
          json: { type: 'text', name: `n${step.owner}` },
        },
        me,
      )
      return
    case 'move':
      if (question)
        moveElement(
          doc,
          question.id,
          { parent: view.pages[step.to % view.pages.length] as string, index: 0 },
          me,
        )
      return
    case 'remove':
      if (question) removeElement(doc, question.id, me)
      return
    case 'choice': {
      // Only into a question whose type has choices ([DOC22]).
      const chooser = questions
        .filter((n) => typeHasSlot((n.json as { type?: unknown }).type, 'choices'))
        .at(step.owner % Math.max(1, questions.length))
      if (chooser)
        addChoice(
          doc,
          { parent: chooser.id, slot: 'choices', json: { value: `c${step.owner}`, score: 1 } },
          me,
        )
      return
    }
  }
}

describe('updateFormView (SPEC [DOC19])', () => {
  it('equals a full read after any sequence of edits, batched or one by one (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(templates.selfCheck, templates.scorecard, templates.satisfaction),
        fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 25 }),
        (template, steps) => {
          const s = session(template)
          for (const [step, refreshNow] of steps) {
            apply(s.doc, s.view(), step)
            if (refreshNow) expectSameView(s.refresh(), readFormView(s.doc))
          }
          expectSameView(s.refresh(), readFormView(s.doc))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('keeps every untouched node, item and list when one title is typed in', () => {
    const s = session(templates.selfCheck)
    const before = s.view()
    const id = findElementId(s.doc, 'theoryStudy') as string
    editText(s.doc, { target: id, key: 'title', locale: 'default', index: 0, insert: '新' }, me)
    const after = s.refresh()
    expect(after).not.toBe(before)
    expect(after.nodes.get(id)?.json.title).toMatchObject({ default: expect.stringMatching(/^新/) })
    const page = after.nodes.get(id)?.parent as string
    for (const [other, node] of after.nodes) {
      if (other === id || other === page) expect(node).not.toBe(before.nodes.get(other))
      else expect(node).toBe(before.nodes.get(other))
    }
    for (const [other, item] of after.items) expect(item).toBe(before.items.get(other))
    expect(after.order).toBe(before.order)
    expect(after.paths).toBe(before.paths)
    expect(after.names).toBe(before.names)
  })

  it('reads the whole view again when something moves', () => {
    const s = session(templates.selfCheck)
    const before = s.view()
    const id = findElementId(s.doc, 'theoryStudy') as string
    moveElement(s.doc, id, { parent: before.pages[1] as string, index: 0 }, me)
    const after = s.refresh()
    expect(after.order).not.toBe(before.order)
    expect(after.nodes.get(id)?.parent).toBe(before.pages[1])
  })

  it('returns the same view when nothing shown changed', () => {
    const s = session(templates.selfCheck)
    const before = s.view()
    expect(s.refresh()).toBe(before)
  })
})
