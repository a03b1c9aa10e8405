import fc from 'fast-check'
import type * as Y from 'yjs'
import { applySurveyJson } from '../apply-json'
import { addChoice, moveChoice, removeChoice } from '../edit-choices'
import { addElement, addPage, moveElement, removeElement } from '../edit-elements'
import { editText, setProperty } from '../edit-properties'
import { formTypes, ROOT } from '../layout'
import { toSurveyJson } from '../to-json'
import { resolveTree } from '../tree'
import { typed } from './arbitraries'
import type { Peer } from './peers'

/** One random edit by one peer; the numbers pick targets among what that peer sees. */
export interface EditStep {
  kind: 'edit'
  peer: number
  op: number
  a: number
  b: number
  c: number
  text: string
}

/** Delivers some of a peer's pending updates, in the given order, maybe merged. */
export interface DeliverStep {
  kind: 'deliver'
  peer: number
  picks: number[]
  merge: boolean
}

export type Step = EditStep | DeliverStep

/** Random schedules of edits and partial, reordered deliveries among `peers` peers. */
export function steps(peers: number, maxLength = 40): fc.Arbitrary<Step[]> {
  const edit = fc.record({
    kind: fc.constant('edit' as const),
    peer: fc.nat(peers - 1),
    op: fc.nat(11),
    a: fc.nat(1000),
    b: fc.nat(1000),
    c: fc.nat(1000),
    text: typed,
  })
  const deliver = fc.record({
    kind: fc.constant('deliver' as const),
    peer: fc.nat(peers - 1),
    picks: fc.array(fc.nat(20), { maxLength: 8 }),
    merge: fc.boolean(),
  })
  return fc.array(fc.oneof({ arbitrary: edit, weight: 3 }, { arbitrary: deliver, weight: 1 }), {
    minLength: Math.min(10, maxLength),
    maxLength,
    size: 'max',
  })
}

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)]

function view(doc: Y.Doc) {
  const types = formTypes(doc)
  const tree = resolveTree(types)
  const typeOf = (id: string) => types.elements.get(id)?.get('type')
  const all = [...tree.elements.keys()].sort()
  const pages = all.filter((id) => tree.elements.get(id)?.slot === 'pages')
  const elements = all.filter((id) => !pages.includes(id))
  const panels = elements.filter((id) => typeOf(id) === 'panel')
  const choiceHolders = elements.filter((id) => typeOf(id) === 'radiogroup')
  const choices = [...tree.items.keys()].sort()
  return { pages, elements, containers: [...pages, ...panels], choiceHolders, choices }
}

/**
 * Applies one random edit as `peer.origin`, making only unique names (`<op><peer>_<n>`), the
 * way the designer would: every operation of the public API, `applySurveyJson` included.
 */
export function applyStep(peer: Peer, step: EditStep, counter: { n: number }): void {
  const { doc, origin } = peer
  const v = view(doc)
  const { a, b, c, text } = step
  const unique = (prefix: string) => `${prefix}${step.peer}_${counter.n++}`
  const anyTarget = [ROOT, ...v.pages, ...v.elements, ...v.choices]
  switch (step.op) {
    case 0: {
      const radio = c % 2 === 0
      const json = radio
        ? {
            type: 'radiogroup',
            name: unique('q'),
            title: text,
            choices: [unique('c'), unique('c')],
          }
        : { type: 'text', name: unique('q'), title: { default: text } }
      addElement(doc, { parent: pick(v.containers, a) ?? ROOT, index: b % 5, json }, origin)
      break
    }
    case 1: {
      const json = { type: 'panel', name: unique('panel'), elements: [] }
      addElement(doc, { parent: pick(v.containers, a) ?? ROOT, index: b % 5, json }, origin)
      break
    }
    case 2:
      addPage(doc, { json: { name: unique('page'), elements: [] }, index: b % 4 }, origin)
      break
    case 3: {
      const target = c % 5 === 0 ? pick(v.pages, a) : pick(v.elements, a)
      if (target) removeElement(doc, target, origin)
      break
    }
    case 4: {
      const node = pick(v.elements, a)
      const parent = pick(v.containers, b)
      if (node && parent) moveElement(doc, node, { parent, index: c % 5 }, origin)
      break
    }
    case 5: {
      const page = pick(v.pages, a)
      if (page) moveElement(doc, page, { parent: ROOT, slot: 'pages', index: b % 4 }, origin)
      break
    }
    case 6: {
      const parent = pick(v.choiceHolders, a)
      if (parent)
        addChoice(doc, { parent, index: b % 4, json: { value: unique('c'), text } }, origin)
      break
    }
    case 7: {
      const choice = pick(v.choices, a)
      const parent = pick(v.choiceHolders, b)
      if (choice && parent) moveChoice(doc, choice, { parent, index: c % 4 }, origin)
      break
    }
    case 8: {
      const choice = pick(v.choices, a)
      if (choice) removeChoice(doc, choice, origin)
      break
    }
    case 9: {
      const target = pick(anyTarget, a) ?? ROOT
      const values = [true, undefined, `{x} = ${c}`, text, { default: text, en: 'en' }, c]
      const key = pick(['isRequired', 'visibleIf', 'title', 'score', 'description'], b) ?? 'title'
      setProperty(doc, { target, key, value: pick(values, c) }, origin)
      break
    }
    case 10: {
      const target = pick(anyTarget, a) ?? ROOT
      const key = b % 2 === 0 ? 'title' : 'description'
      const locale = pick([undefined, 'en', 'default'], c)
      editText(doc, { target, key, locale, index: b % 7, remove: c % 3, insert: text }, origin)
      break
    }
    default: {
      // Restore a "version": the current form with the first page's elements reversed and the
      // last page's last element dropped.
      const json = toSurveyJson(doc)
      const first = json.pages?.[0]
      if (first?.elements) first.elements.reverse()
      json.pages?.[json.pages.length - 1]?.elements?.pop()
      applySurveyJson(doc, json, origin)
    }
  }
}
