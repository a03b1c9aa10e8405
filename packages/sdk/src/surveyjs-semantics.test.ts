// Issue 15: where the SDK disagreed with survey-core 3.1.1 on real forms. Each test fails on the
// code before the fix; the differential corpus (test/differential/) checks the same at scale.
import { describe, expect, it } from 'vitest'
import { choiceList, compileForm } from './plan'
import { quizReview } from './quiz-review'
import { scoreResponse } from './score'
import type { FormJson } from './types'
import { visibleAnswers } from './visible-answers'

const tasks: FormJson = {
  elements: [
    {
      type: 'checkbox',
      name: 'tasks',
      choices: [
        { value: 'a', score: 2 },
        { value: 'b', score: 2 },
        { value: 'c', score: 4 },
      ],
    },
  ],
}

describe('repeated values in a checkbox or tagbox answer', () => {
  it('count once in a score', () => {
    const result = scoreResponse(tasks, { tasks: ['c', 'c', 'c', 'c', 'c'] })
    expect(result.score).toBe(4)
    expect(result.percent).toBeLessThanOrEqual(100)
  })

  it('do not make a quiz answer correct (rule duplicateChoicesCountOnce)', () => {
    const quiz: FormJson = {
      elements: [
        { type: 'tagbox', name: 'q', choices: ['a', 'b', 'c'], correctAnswer: ['a', 'b'] },
      ],
    }
    expect(quizReview(quiz, { q: ['a', 'a'] })[0]?.correct).toBe(false)
    expect(scoreResponse(quiz, { q: ['a', 'a'] }).quiz).toEqual({ correct: 0, drawn: 1 })
    expect(quizReview(quiz, { q: ['b', 'a'] })[0]?.correct).toBe(true)
  })
})

describe('valueName', () => {
  const form: FormJson = {
    elements: [
      { type: 'radiogroup', name: 'gate', choices: ['yes', 'no'] },
      {
        type: 'radiogroup',
        name: 'rating',
        valueName: 'stored',
        visibleIf: "{gate} = 'yes'",
        choices: [
          { value: 'good', score: 3 },
          { value: 'bad', score: 0 },
        ],
      },
    ],
  }

  it('reads the answer stored under valueName', () => {
    expect(scoreResponse(form, { gate: 'yes', stored: 'good' }).score).toBe(3)
    expect(compileForm(form).byName.get('rating')?.key).toBe('stored')
  })

  it('keeps or drops the value under valueName with its question', () => {
    expect(visibleAnswers(form, { gate: 'yes', stored: 'good' })).toEqual({
      gate: 'yes',
      stored: 'good',
    })
    expect(visibleAnswers(form, { gate: 'no', stored: 'good' })).toEqual({ gate: 'no' })
  })
})

describe('visibleAnswers as SurveyJS 3.1.1 completes a survey', () => {
  const chain = (clearInvisibleValues?: string): FormJson => ({
    ...(clearInvisibleValues ? { clearInvisibleValues } : {}),
    elements: [
      { type: 'text', name: 'c', visibleIf: '{b} = 1' },
      { type: 'text', name: 'a' },
      { type: 'text', name: 'b', visibleIf: '{a} = 1' },
      { type: 'text', name: 'd', visibleIf: '{b} = 1' },
    ],
  })
  const answers = { a: 2, b: 1, c: 1, d: 1 }

  it('clears in one pass: a cleared value does not hide further questions', () => {
    expect(visibleAnswers(chain(), answers)).toEqual({ a: 2, c: 1, d: 1 })
    expect(visibleAnswers(chain('onHidden'), answers)).toEqual({ a: 2, c: 1, d: 1 })
  })

  it("keeps everything with clearInvisibleValues: 'none' or clearIfInvisible: 'none'", () => {
    expect(visibleAnswers(chain('none'), answers)).toEqual(answers)
    const form = chain()
    Object.assign(form.elements?.[2] ?? {}, { clearIfInvisible: 'none' })
    expect(visibleAnswers(form, answers)).toEqual({ a: 2, b: 1, c: 1, d: 1 })
  })

  it('reads calculatedValues in visibleIf', () => {
    const form: FormJson = {
      calculatedValues: [{ name: 'total', expression: '{a} + 1' }],
      elements: [
        { type: 'text', name: 'a' },
        { type: 'text', name: 'x', visibleIf: '{total} = 3' },
      ],
    }
    expect(visibleAnswers(form, { a: 2, x: 'kept' })).toEqual({ a: 2, x: 'kept' })
    expect(visibleAnswers(form, { a: 5, x: 'dropped' })).toEqual({ a: 5 })
  })

  it('keeps a question whose visibleIf SurveyJS cannot parse (it stays visible)', () => {
    const form: FormJson = {
      elements: [
        { type: 'text', name: 'q1' },
        { type: 'text', name: 'q2', visibleIf: "{{q1}} = 'show'" },
      ],
    }
    expect(visibleAnswers(form, { q1: 'x', q2: 'kept' })).toEqual({ q1: 'x', q2: 'kept' })
  })
})

describe('boolean properties written as strings, as SurveyJS reads them', () => {
  it("visible: 'false' hides, isRequired: 'true' requires, satisfied: 'true' counts", () => {
    const form: FormJson = {
      elements: [
        {
          type: 'radiogroup',
          name: 'shown',
          isRequired: 'true' as unknown as boolean,
          choices: [{ value: 'ok', score: 1, satisfied: 'true' as unknown as boolean }],
        },
        {
          type: 'radiogroup',
          name: 'hidden',
          visible: 'false' as unknown as boolean,
          choices: [{ value: 'ok', score: 1 }],
        },
      ],
    }
    const result = scoreResponse(form, { shown: 'ok', hidden: 'ok' })
    expect(result.maxScore).toBe(1)
    expect(result.satisfaction?.satisfied).toBe(1)
    expect(compileForm(form).byName.get('shown')?.isRequired).toBe(true)
  })
})

describe('quiz grading as isAnswerCorrect', () => {
  const quiz: FormJson = {
    elements: [
      { type: 'text', name: 'capital', correctAnswer: 'Beijing' },
      { type: 'ranking', name: 'order', choices: ['a', 'b', 'c'], correctAnswer: ['a', 'b', 'c'] },
      {
        type: 'matrix',
        name: 'grid',
        columns: ['x', 'y'],
        rows: ['r1', 'r2'],
        correctAnswer: { r1: 'x', r2: 'y' },
      },
      {
        type: 'multipletext',
        name: 'pair',
        items: [{ name: 'first' }, { name: 'second' }],
        correctAnswer: { first: 'a', second: 'b' },
      },
      { type: 'radiogroup', name: 'notAChoice', choices: ['a', 'b'], correctAnswer: 'z' },
    ],
  }
  const graded = (answers: Record<string, unknown>) =>
    Object.fromEntries(quizReview(quiz, answers).map((item) => [item.question, item.correct]))

  it('text ignores case and outer spaces; objects ignore key order; ranking order matters', () => {
    expect(
      graded({
        capital: '  beijing ',
        order: ['a', 'b', 'c'],
        grid: { r2: 'y', r1: 'x' },
        pair: { second: 'b', first: 'a' },
      }),
    ).toEqual({ capital: true, order: true, grid: true, pair: true })
    expect(graded({ order: ['c', 'b', 'a'] }).order).toBe(false)
  })

  it('a correctAnswer that is no choice makes no quiz question (quizQuestionCount 0)', () => {
    expect(compileForm(quiz).byName.get('notAChoice')?.mode).toBe('none')
    expect(scoreResponse(quiz, {}).quiz?.drawn).toBe(4)
  })
})

describe('choice values as SurveyJS reads them', () => {
  it("a 'value|text' string choice has the value before the bar", () => {
    const element = { type: 'radiogroup', name: 'price', choices: ['high|Too high', 'ok'] }
    expect(choiceList(element)).toEqual([{ value: 'high', text: 'Too high' }, { value: 'ok' }])
  })
})
