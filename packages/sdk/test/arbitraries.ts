import fc from 'fast-check'
import type { Answers, ChoiceJson, ElementJson, FormJson } from '../src/types'

/** Generated forms with everything scoring reads: scores, flags, kinds, dimensions, conditions. */
export interface GeneratedCase {
  form: FormJson
  answers: Answers
}

const DIMENSIONS = ['d1', 'd2', 'd3']

const choicesArb = fc
  .array(
    fc.record(
      {
        score: fc.integer({ min: 0, max: 10 }),
        satisfied: fc.boolean(),
        problem: fc.boolean(),
        veto: fc.constant(false),
      },
      { requiredKeys: [] },
    ),
    { minLength: 2, maxLength: 5 },
  )
  .map((choices) => choices.map((c, i): ChoiceJson => ({ value: `c${i}`, ...c })))

interface QuestionShape {
  type: 'radiogroup' | 'checkbox' | 'tagbox' | 'number' | 'quiz' | 'rating'
  choices: ChoiceJson[]
  maxScore: number
  scoreKind: 'normal' | 'bonus' | 'deduction'
  dimension: string | undefined
  condition: number | undefined
  hidden: boolean
  required: boolean
  inPanel: boolean
}

const questionArb: fc.Arbitrary<QuestionShape> = fc.record({
  type: fc.constantFrom('radiogroup', 'checkbox', 'tagbox', 'number', 'quiz', 'rating'),
  choices: choicesArb,
  maxScore: fc.integer({ min: 1, max: 20 }),
  scoreKind: fc.constantFrom('normal', 'normal', 'normal', 'bonus', 'deduction'),
  dimension: fc.option(fc.constantFrom(...DIMENSIONS), { nil: undefined }),
  condition: fc.option(fc.nat(), { nil: undefined }),
  hidden: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  required: fc.boolean(),
  inPanel: fc.boolean(),
})

function elementOf(shape: QuestionShape, index: number, earlier: ElementJson[]): ElementJson {
  const name = `q${index}`
  const base: ElementJson = { type: shape.type, name }
  switch (shape.type) {
    case 'radiogroup':
      Object.assign(base, { choices: shape.choices })
      break
    case 'rating':
      Object.assign(base, { rateValues: shape.choices.map((c, i) => ({ ...c, value: i + 1 })) })
      break
    case 'checkbox':
    case 'tagbox':
      Object.assign(base, { choices: shape.choices, maxScore: shape.maxScore })
      break
    case 'number':
      Object.assign(base, { type: 'text', inputType: 'number', maxScore: shape.maxScore })
      break
    case 'quiz':
      Object.assign(base, {
        type: 'radiogroup',
        choices: shape.choices.map(({ value }) => ({ value })),
        correctAnswer: 'c1',
        points: 2,
      })
      break
  }
  if (shape.scoreKind !== 'normal') base.scoreKind = shape.scoreKind
  if (shape.dimension) base.dimension = shape.dimension
  if (shape.hidden) base.visible = false
  if (shape.required) base.isRequired = true
  const target =
    shape.condition === undefined
      ? undefined
      : earlier[shape.condition % Math.max(1, earlier.length)]
  if (target && target.type === 'radiogroup') base.visibleIf = `{${target.name}} = 'c0'`
  else if (target && target.type === 'text') base.visibleIf = `{${target.name}} > 3`
  return base
}

/** A form of 1–12 questions on 1–3 pages, some inside conditional panels, and a response. */
export const scoringCaseArb: fc.Arbitrary<GeneratedCase> = fc
  .record({
    questions: fc.array(questionArb, { minLength: 1, maxLength: 12 }),
    weighted: fc.boolean(),
    bonusCap: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    pages: fc.integer({ min: 1, max: 3 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 25 }), fc.boolean()), {
      minLength: 12,
      maxLength: 12,
    }),
  })
  .map(({ questions, weighted, bonusCap, pages, picks }) => {
    const elements: ElementJson[] = []
    questions.forEach((shape, i) => {
      elements.push(elementOf(shape, i, elements))
    })
    const formPages = Array.from({ length: pages }, (_, p) => ({
      name: `page${p}`,
      elements: [] as ElementJson[],
    }))
    questions.forEach((shape, i) => {
      const page = formPages[i % pages]
      const element = elements[i] as ElementJson
      if (!page) return
      if (shape.inPanel) {
        page.elements.push({
          type: 'panel',
          name: `panel${i}`,
          elements: [element],
          ...(i % 2 ? { visibleIf: `{q0} notempty` } : {}),
        })
      } else page.elements.push(element)
    })
    const form: FormJson = {
      kind: 'generic',
      pages: formPages.filter((p) => p.elements.length > 0),
    }
    if (weighted) form.dimensions = DIMENSIONS.map((name, i) => ({ name, weight: i + 1 }))
    else form.dimensions = DIMENSIONS.map((name) => ({ name }))
    if (bonusCap !== undefined) form.bonusCap = bonusCap
    const answers: Answers = {}
    elements.forEach((element, i) => {
      const [choice, number, skip] = picks[i] ?? [0, 0, true]
      if (skip && i % 3 === 0) return
      const choices = (element.choices ?? element.rateValues ?? []) as ChoiceJson[]
      if (element.type === 'checkbox' || element.type === 'tagbox') {
        const picked = choices.filter((_, c) => (choice >> c) & 1).map((c) => c.value)
        // Sometimes a repeated value: it must count once on both sides.
        answers[element.name] = number % 5 === 0 && picked.length ? [...picked, picked[0]] : picked
      } else if (choices.length) {
        answers[element.name] = (choices[choice % choices.length] as ChoiceJson).value
      } else {
        answers[element.name] = Math.min(number, (element.maxScore as number) ?? number)
      }
    })
    return { form, answers }
  })
