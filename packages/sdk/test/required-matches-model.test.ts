import fc from 'fast-check'
import {
  Model,
  type QuestionMatrixDropdownModel,
  type QuestionMultipleTextModel,
  type QuestionPanelDynamicModel,
} from 'survey-core'
import { describe, expect, it } from 'vitest'
import '../src/extensions'
import { problemEntry } from '../src/builders/problem-entry'
import { selfCheckChoices } from '../src/builders/shared'
import type { Answers, FormJson } from '../src/types'
import { validateResponse } from '../src/validate-response'

// One form with every kind of required entry SurveyJS checks inside a question, several behind
// a condition, so generated answers reach each rule shown and hidden.
const form: FormJson = {
  elements: [
    { type: 'radiogroup', name: 'gate', choices: ['open', 'shut'] },
    { type: 'radiogroup', name: 'dues', isRequired: true, choices: selfCheckChoices() },
    problemEntry('dues'),
    {
      type: 'multipletext',
      name: 'contact',
      visibleIf: "{gate} = 'open'",
      items: [{ name: 'phone', isRequired: true }, { name: 'mail' }],
    },
    { type: 'text', name: 'why', requiredIf: "{gate} = 'shut'" },
    {
      type: 'matrix',
      name: 'rates',
      eachRowRequired: true,
      columns: ['good', 'bad'],
      rows: ['r1', { value: 'r2', visibleIf: "{gate} = 'open'" }],
    },
    {
      type: 'matrix',
      name: 'legacy',
      isAllRowRequired: true,
      isRequired: true,
      columns: ['good', 'bad'],
      rows: ['r1', 'r2'],
    },
    {
      type: 'matrixdropdown',
      name: 'grid',
      rows: ['r1', 'r2'],
      columns: [
        { name: 'who', cellType: 'text', isRequired: true },
        { name: 'note', cellType: 'text' },
      ],
    },
    {
      type: 'matrixdynamic',
      name: 'list',
      rowCount: 1,
      columns: [{ name: 'item', cellType: 'text', isRequired: true }],
    },
    {
      type: 'paneldynamic',
      name: 'people',
      templateElements: [
        { type: 'text', name: 'name', isRequired: true },
        { type: 'text', name: 'role', visibleIf: "{panel.name} = 'x'", isRequired: true },
        {
          type: 'multipletext',
          name: 'reach',
          items: [{ name: 'phone', isRequired: true }],
        },
      ],
    },
  ],
}

const text = fc.constantFrom<string | undefined>(undefined, '', '  ', 'x', '答')
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const answersArb: fc.Arbitrary<Answers> = fc.record(
  {
    gate: optional(fc.constantFrom('open', 'shut')),
    dues: optional(fc.constantFrom('yes', 'no')),
    dues_problem: optional(
      fc.record({
        description: text,
        measure: text,
        owner: text,
        deadline: fc.constantFrom(undefined, '', '2025-06-30'),
      }),
    ),
    contact: optional(fc.record({ phone: text, mail: text })),
    why: text,
    rates: optional(
      fc.record({ r1: optional(fc.constant('good')), r2: optional(fc.constant('bad')) }),
    ),
    legacy: optional(
      fc.record({ r1: optional(fc.constant('good')), r2: optional(fc.constant('bad')) }),
    ),
    grid: optional(
      fc.record({ r1: fc.record({ who: text, note: text }), r2: fc.record({ who: text }) }),
    ),
    list: optional(fc.array(fc.record({ item: text }), { maxLength: 3 })),
    people: optional(
      fc.array(fc.record({ name: text, role: text, reach: fc.record({ phone: text }) }), {
        maxLength: 3,
      }),
    ),
  },
  { requiredKeys: [] },
)

/** Plain JSON, as answers arrive over HTTP: no `undefined` values. */
const plain = (answers: Answers): Answers => JSON.parse(JSON.stringify(answers))

/** The questions SurveyJS refuses, each with the entries inside it it marks. */
function surveyJsMissing(answers: Answers): Map<string, string[]> {
  const model = new Model(form)
  model.data = structuredClone(answers)
  const missing = new Map<string, string[]>()
  for (const question of model.getAllQuestions(true)) {
    if (question.validate(true)) continue
    const entries: string[] = []
    const type = question.getType()
    if (type === 'multipletext') {
      for (const item of (question as QuestionMultipleTextModel).items) {
        if (item.editor.errors.length > 0) entries.push(item.name)
      }
    }
    if (type === 'matrixdropdown' || type === 'matrixdynamic') {
      ;(question as QuestionMatrixDropdownModel).visibleRows.forEach((row, i) => {
        for (const cell of row.cells) {
          if (cell.question.errors.length === 0) continue
          const at = type === 'matrixdynamic' ? String(i) : String(row.rowName)
          entries.push(`${at}.${cell.column.name}`)
        }
      })
    }
    if (type === 'paneldynamic') {
      ;(question as QuestionPanelDynamicModel).panels.forEach((panel, i) => {
        for (const inner of panel.questions) {
          if (inner.getAllErrors().length > 0) entries.push(`${i}.${inner.name}`)
        }
      })
    }
    missing.set(question.name, entries.sort())
  }
  return missing
}

/** The same from `validateResponse`: each question's required errors, by entry. */
function sdkMissing(answers: Answers): Map<string, string[]> {
  const missing = new Map<string, string[]>()
  for (const error of validateResponse(form, answers).errors) {
    expect(error.code).toBe('required')
    const entries = missing.get(error.question) ?? []
    // SurveyJS marks the panel question an entry lives in, not the entry inside that question.
    if (error.item !== undefined) entries.push(error.item.split('.').slice(0, 2).join('.'))
    missing.set(error.question, entries)
  }
  for (const [name, entries] of missing) missing.set(name, [...new Set(entries)].sort())
  return missing
}

describe('required entries inside questions', () => {
  it('are refused exactly where a headless SurveyJS 3.1.1 Model refuses them', () => {
    fc.assert(
      fc.property(answersArb, (generated) => {
        const answers = plain(generated)
        const sdk = sdkMissing(answers)
        const surveyJs = surveyJsMissing(answers)
        expect([...sdk.keys()].sort()).toEqual([...surveyJs.keys()].sort())
        // A single matrix's missing rows are one SurveyJS error; everything else, entry by entry.
        for (const [name, entries] of surveyJs) {
          if (entries.length > 0) expect(sdk.get(name), name).toEqual(entries)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('names the question and the item of an incomplete problem-list entry', () => {
    const answers = {
      gate: 'open',
      dues: 'no',
      dues_problem: { description: '迟交', measure: '提醒', owner: '  ' },
      contact: { phone: '1' },
      rates: { r1: 'good', r2: 'bad' },
      legacy: { r1: 'good', r2: 'good' },
      grid: { r1: { who: 'a' }, r2: { who: 'b' } },
      list: [{ item: 'a' }],
    }
    const { errors } = validateResponse(form, answers, { locale: 'en' })
    expect(errors).toEqual([
      {
        question: 'dues_problem',
        code: 'required',
        item: 'owner',
        message: '"owner" of "dues_problem" is required',
        params: { item: 'owner' },
      },
      {
        question: 'dues_problem',
        code: 'required',
        item: 'deadline',
        message: '"deadline" of "dues_problem" is required',
        params: { item: 'deadline' },
      },
    ])
  })

  it('reads an empty dynamic matrix as its rowCount empty rows, and a missing dynamic panel as none', () => {
    const complete = {
      dues: 'yes',
      why: 'x',
      rates: { r1: 'good' },
      legacy: { r1: 'good', r2: 'bad' },
      grid: { r1: { who: 'a' }, r2: { who: 'b' } },
    }
    const errors = validateResponse(form, complete).errors.map((e) => [e.question, e.item])
    expect(errors).toEqual([['list', '0.item']])
    const nested = validateResponse(form, {
      ...complete,
      list: [{ item: 'a' }],
      people: [{ name: 'x', reach: { phone: '' } }],
    })
    expect(nested.errors.map((e) => e.item)).toEqual(['0.role', '0.reach.phone'])
  })
})
