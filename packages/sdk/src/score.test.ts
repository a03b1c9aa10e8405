import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoringCaseArb } from '../test/arbitraries'
import { scoreResponse } from './score'
import type { FormJson } from './types'

const yesNo = [
  { value: 'yes', score: 2 },
  { value: 'no', score: 0, problem: true },
]

describe('scoreResponse', () => {
  it('scores a single choice by its chosen score and takes the largest score as maximum', () => {
    const form = {
      elements: [
        {
          type: 'radiogroup',
          name: 'a',
          choices: [
            { value: 'x', score: 1 },
            { value: 'y', score: 4 },
          ],
        },
      ],
    }
    expect(scoreResponse(form, { a: 'x' })).toMatchObject({ score: 1, maxScore: 4, percent: 25 })
  })

  it('counts an unanswered visible question as 0 with its maximum', () => {
    const form = { elements: [{ type: 'radiogroup', name: 'a', choices: yesNo }] }
    expect(scoreResponse(form, {})).toMatchObject({ score: 0, maxScore: 2, percent: 0 })
  })

  it('leaves a question hidden by visibleIf out of both score and maximum', () => {
    const form = {
      elements: [
        { type: 'radiogroup', name: 'a', choices: yesNo },
        { type: 'text', inputType: 'number', name: 'b', maxScore: 10, visibleIf: "{a} = 'yes'" },
      ],
    }
    expect(scoreResponse(form, { a: 'no', b: 8 })).toMatchObject({ score: 0, maxScore: 2 })
    expect(scoreResponse(form, { a: 'yes', b: 8 })).toMatchObject({ score: 10, maxScore: 12 })
  })

  it('sums checkbox scores, capped at maxScore, with maxScore or the positive sum as maximum', () => {
    const choices = [
      { value: 'a', score: 3 },
      { value: 'b', score: 4 },
      { value: 'c', score: -1 },
    ]
    const capped = { elements: [{ type: 'checkbox', name: 'q', choices, maxScore: 5 }] }
    const open = { elements: [{ type: 'checkbox', name: 'q', choices }] }
    expect(scoreResponse(capped, { q: ['a', 'b'] })).toMatchObject({ score: 5, maxScore: 5 })
    expect(scoreResponse(open, { q: ['a', 'b', 'c'] })).toMatchObject({ score: 6, maxScore: 7 })
  })

  it('takes numeric point entry as its value against maxScore', () => {
    const form = { elements: [{ type: 'text', inputType: 'number', name: 'p', maxScore: 20 }] }
    expect(scoreResponse(form, { p: 15 })).toMatchObject({ score: 15, maxScore: 20, percent: 75 })
  })

  it('gives quiz points only for the correct answer, multiple answers in any order', () => {
    const form: FormJson = {
      kind: 'quiz',
      elements: [
        { type: 'radiogroup', name: 'q1', choices: ['A', 'B'], correctAnswer: 'B', points: 2 },
        { type: 'checkbox', name: 'q2', choices: ['A', 'B', 'C'], correctAnswer: ['A', 'C'] },
      ],
    }
    expect(scoreResponse(form, { q1: 'B', q2: ['C', 'A'] })).toMatchObject({
      score: 3,
      maxScore: 3,
      quiz: { correct: 2, drawn: 2 },
    })
    expect(scoreResponse(form, { q1: 'A', q2: ['A'] })).toMatchObject({
      score: 0,
      quiz: { correct: 0, drawn: 2 },
    })
  })

  it('adds bonus points beyond the maximum, never more than bonusCap in all', () => {
    const form: FormJson = {
      bonusCap: 5,
      elements: [
        { type: 'text', inputType: 'number', name: 'base', maxScore: 10 },
        { type: 'text', inputType: 'number', name: 'b1', maxScore: 4, scoreKind: 'bonus' },
        { type: 'text', inputType: 'number', name: 'b2', maxScore: 4, scoreKind: 'bonus' },
      ],
    }
    expect(scoreResponse(form, { base: 8, b1: 4, b2: 3 })).toMatchObject({
      score: 13,
      maxScore: 10,
      percent: 130,
    })
  })

  it('subtracts deductions without going below zero', () => {
    const form: FormJson = {
      elements: [
        { type: 'text', inputType: 'number', name: 'base', maxScore: 10 },
        { type: 'text', inputType: 'number', name: 'minus', maxScore: 20, scoreKind: 'deduction' },
      ],
    }
    expect(scoreResponse(form, { base: 8, minus: 3 })).toMatchObject({ score: 5, maxScore: 10 })
    expect(scoreResponse(form, { base: 8, minus: 12 })).toMatchObject({ score: 0, percent: 0 })
  })

  it('weights dimension percents when dimensions carry weights', () => {
    const form: FormJson = {
      dimensions: [
        { name: 'a', weight: 3 },
        { name: 'b', weight: 1 },
      ],
      elements: [
        { type: 'text', inputType: 'number', name: 'x', maxScore: 10, dimension: 'a' },
        { type: 'text', inputType: 'number', name: 'y', maxScore: 40, dimension: 'b' },
      ],
    }
    const result = scoreResponse(form, { x: 10, y: 0 })
    // (3 × 100 + 1 × 0) / 4 = 75, while the plain ratio would be 10 / 50 = 20 %.
    expect(result.percent).toBe(75)
    expect(result.dimensions).toEqual({
      a: { score: 10, maxScore: 10, percent: 100 },
      b: { score: 0, maxScore: 40, percent: 0 },
    })
  })

  it('moves a weighted percent by bonus points outside every dimension, relative to the maximum', () => {
    const form: FormJson = {
      bonusCap: 5,
      dimensions: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
      ],
      elements: [
        { type: 'text', inputType: 'number', name: 'x', maxScore: 10, dimension: 'a' },
        { type: 'text', inputType: 'number', name: 'y', maxScore: 10, dimension: 'b' },
        { type: 'text', inputType: 'number', name: 'plus', maxScore: 5, scoreKind: 'bonus' },
      ],
    }
    // (100 + 50) / 2 = 75, plus 4 / 20 × 100 = 20 → 95.
    expect(scoreResponse(form, { x: 10, y: 5, plus: 4 }).percent).toBe(95)
  })

  it('uses the plain ratio when dimensions have no weights', () => {
    const form: FormJson = {
      dimensions: [{ name: 'a' }, { name: 'b' }],
      elements: [
        { type: 'text', inputType: 'number', name: 'x', maxScore: 10, dimension: 'a' },
        { type: 'text', inputType: 'number', name: 'y', maxScore: 40, dimension: 'b' },
      ],
    }
    expect(scoreResponse(form, { x: 10, y: 0 }).percent).toBe(20)
  })

  it('measures satisfaction as satisfied answers over answered questions, index as mean score', () => {
    const scale = [
      { value: 's', score: 100, satisfied: true },
      { value: 'b', score: 60, satisfied: true },
      { value: 'd', score: 0, satisfied: false },
    ]
    const form = {
      elements: ['a', 'b', 'c', 'd'].map((name) => ({ type: 'radiogroup', name, choices: scale })),
    }
    const { satisfaction } = scoreResponse(form, { a: 's', b: 'b', c: 'd' })
    expect(satisfaction).toEqual({ satisfied: 2, answered: 3, rate: 2 / 3, index: 160 / 3 })
  })

  it('lists a problem for every problem choice, with the follow-up entry as its note', () => {
    const form = {
      elements: [
        {
          type: 'radiogroup',
          name: 'meet',
          title: { default: '是否按期召开支委会', en: 'Meetings held on time?' },
          choices: yesNo,
        },
        {
          type: 'multipletext',
          name: 'meet_problem',
          problemOf: 'meet',
          visibleIf: "{meet} = 'no'",
          items: [{ name: 'description' }, { name: 'measure' }],
        },
      ],
    }
    const answers = { meet: 'no', meet_problem: { description: '三季度未召开', measure: '补开' } }
    expect(scoreResponse(form, answers).problems).toEqual([
      {
        question: 'meet',
        title: '是否按期召开支委会',
        answer: 'no',
        note: '三季度未召开',
        details: { description: '三季度未召开', measure: '补开' },
      },
    ])
    expect(scoreResponse(form, answers, { locale: 'en' }).problems[0]?.title).toBe(
      'Meetings held on time?',
    )
  })

  it('flags a veto when a veto choice is chosen', () => {
    const form = {
      elements: [
        { type: 'radiogroup', name: 'v', choices: [{ value: 'no' }, { value: 'yes', veto: true }] },
      ],
    }
    expect(scoreResponse(form, { v: 'yes' }).veto).toBe(true)
    expect(scoreResponse(form, { v: 'no' }).veto).toBe(false)
  })

  it('counts only the drawn bank questions when a seed is given', () => {
    const bank = Array.from({ length: 10 }, (_, i) => ({
      type: 'radiogroup',
      name: `q${i}`,
      choices: ['A', 'B'],
      correctAnswer: 'A',
    }))
    const form: FormJson = { kind: 'quiz', pages: [{ name: 'bank', drawCount: 3, elements: bank }] }
    const all = Object.fromEntries(bank.map((q) => [q.name, 'A']))
    expect(scoreResponse(form, all, { seed: 'm1' })).toMatchObject({
      score: 3,
      maxScore: 3,
      quiz: { correct: 3, drawn: 3 },
    })
    expect(scoreResponse(form, all)).toMatchObject({ score: 10, maxScore: 10 })
  })

  it('never changes the score because of an answer to a hidden question', () => {
    fc.assert(
      fc.property(scoringCaseArb, fc.integer({ min: 0, max: 30 }), ({ form, answers }, value) => {
        const hidden: FormJson = structuredClone(form)
        hidden.pages?.[0]?.elements?.push({
          type: 'text',
          inputType: 'number',
          name: 'secret',
          maxScore: 30,
          visible: false,
        })
        const without = scoreResponse(hidden, answers)
        const withSecret = scoreResponse(hidden, { ...answers, secret: value })
        expect(withSecret).toEqual(without)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps percent within 0–100 when the form has no bonus', () => {
    fc.assert(
      fc.property(scoringCaseArb, ({ form, answers }) => {
        const noBonus: FormJson = JSON.parse(
          JSON.stringify(form).replaceAll('"scoreKind":"bonus"', '"scoreKind":"normal"'),
        )
        const { percent } = scoreResponse(noBonus, answers)
        expect(percent).toBeGreaterThanOrEqual(0)
        expect(percent).toBeLessThanOrEqual(100 + 1e-9)
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on the order of keys in the answers', () => {
    fc.assert(
      fc.property(scoringCaseArb, ({ form, answers }) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse())
        expect(scoreResponse(form, reversed)).toEqual(scoreResponse(form, answers))
      }),
      { numRuns: 200 },
    )
  })
})
