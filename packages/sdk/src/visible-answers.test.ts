import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoringCaseArb } from '../test/arbitraries'
import { drawQuestions } from './draw'
import { compileForm } from './plan'
import { scoreResponse } from './score'
import type { FormJson } from './types'
import { visibilityFor } from './visibility'
import { visibleAnswers } from './visible-answers'

describe('visibleAnswers', () => {
  const form: FormJson = {
    elements: [
      { type: 'radiogroup', name: 'gate', choices: ['yes', 'no'] },
      { type: 'comment', name: 'detail', visibleIf: "{gate} = 'yes'" },
      { type: 'radiogroup', name: 'other', choices: ['a'], showOtherItem: true },
    ],
  }

  it('drops answers to questions hidden by visibleIf and keeps the rest, comments included', () => {
    expect(
      visibleAnswers(form, {
        gate: 'no',
        detail: 'stale',
        other: 'other',
        'other-Comment': '说明',
      }),
    ).toEqual({
      gate: 'no',
      other: 'other',
      'other-Comment': '说明',
    })
    expect(visibleAnswers(form, { gate: 'yes', detail: 'kept' })).toEqual({
      gate: 'yes',
      detail: 'kept',
    })
  })

  it('drops answers to bank questions the respondent did not draw', () => {
    const quiz: FormJson = {
      pages: [
        {
          name: 'bank',
          drawCount: 2,
          elements: ['a', 'b', 'c', 'd'].map((name) => ({ type: 'text', name })),
        },
      ],
    }
    const all = { a: '1', b: '2', c: '3', d: '4' }
    expect(Object.keys(visibleAnswers(quiz, all, { seed: 's1' }))).toEqual(
      drawQuestions(quiz, 's1'),
    )
  })

  it('keeps no answer to a hidden question, and is stable once applied', () => {
    fc.assert(
      fc.property(scoringCaseArb, ({ form: generated, answers }) => {
        const cleaned = visibleAnswers(generated, answers)
        expect(visibleAnswers(generated, cleaned)).toEqual(cleaned)
        const plan = compileForm(generated)
        const isVisible = visibilityFor(plan, cleaned, undefined)
        for (const name of Object.keys(cleaned)) {
          const question = plan.byName.get(name)
          if (question) expect(isVisible(question)).toBe(true)
        }
        // Scoring never looked at hidden answers, so removing them leaves the score alone
        // whenever no condition read a removed value.
        if (Object.keys(cleaned).length === Object.keys(answers).length) {
          expect(scoreResponse(generated, cleaned)).toEqual(scoreResponse(generated, answers))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('follows a chain: a value dropped can hide the next question too', () => {
    const chain: FormJson = {
      elements: [
        { type: 'radiogroup', name: 'a', choices: ['x', 'y'] },
        { type: 'radiogroup', name: 'b', choices: ['x', 'y'], visibleIf: "{a} = 'x'" },
        { type: 'comment', name: 'c', visibleIf: "{b} = 'x'" },
      ],
    }
    expect(visibleAnswers(chain, { a: 'y', b: 'x', c: 'stale' })).toEqual({ a: 'y' })
  })
})
