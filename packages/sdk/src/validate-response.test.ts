import { describe, expect, it } from 'vitest'
import { drawQuestions } from './draw'
import type { FormJson } from './types'
import { validateResponse } from './validate-response'

const form: FormJson = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'single', isRequired: true, choices: ['a', 'b'] },
        { type: 'checkbox', name: 'many', choices: ['x', 'y'], showOtherItem: true },
        { type: 'text', inputType: 'number', name: 'points', maxScore: 10 },
        { type: 'text', name: 'note', visibleIf: "{single} = 'b'", isRequired: true },
        { type: 'boolean', name: 'flag' },
        { type: 'rating', name: 'stars', rateMin: 1, rateMax: 5 },
      ],
    },
  ],
}
const codes = (answers: unknown, options = {}) =>
  validateResponse(form, answers, options).errors.map((e) => [e.code, e.question])

describe('validateResponse', () => {
  it('accepts a complete, well-typed response', () => {
    expect(
      validateResponse(form, {
        single: 'a',
        many: ['x', 'other'],
        'many-Comment': '其他',
        points: 10,
        flag: true,
        stars: 3,
      }),
    ).toEqual({ valid: true, errors: [] })
  })

  it('refuses answers that are not an object', () => {
    expect(codes('x')).toEqual([['notAnObject', '']])
  })

  it('refuses an unknown question', () => {
    expect(codes({ single: 'a', ghost: 1 })).toEqual([['unknownQuestion', 'ghost']])
  })

  it('refuses a value that is not one of the choices', () => {
    expect(codes({ single: 'c' })).toEqual([['notAChoice', 'single']])
    expect(codes({ single: 'a', many: ['x', 'z'] })).toEqual([['notAChoice', 'many']])
  })

  it('refuses a value of the wrong type', () => {
    expect(codes({ single: ['a'] })).toEqual([['wrongType', 'single']])
    expect(codes({ single: 'a', points: '7' })).toEqual([['wrongType', 'points']])
    expect(codes({ single: 'a', flag: 'yes' })).toEqual([['wrongType', 'flag']])
    expect(codes({ single: 'a', many: 'x' })).toEqual([['wrongType', 'many']])
  })

  it('refuses points outside [0, maxScore] rather than clamping them', () => {
    expect(codes({ single: 'a', points: 11 })).toEqual([['outOfRange', 'points']])
    expect(codes({ single: 'a', points: -1 })).toEqual([['outOfRange', 'points']])
    expect(codes({ single: 'a', stars: 6 })).toEqual([['outOfRange', 'stars']])
  })

  it('requires a required question only while it is visible', () => {
    expect(codes({})).toEqual([['required', 'single']])
    expect(codes({ single: 'a' })).toEqual([])
    expect(codes({ single: 'b' })).toEqual([['required', 'note']])
  })

  it('refuses an answer to a quiz question the respondent did not draw', () => {
    const quiz: FormJson = {
      kind: 'quiz',
      pages: [
        {
          name: 'bank',
          drawCount: 2,
          elements: ['q1', 'q2', 'q3', 'q4'].map((name) => ({
            type: 'radiogroup',
            name,
            choices: ['A', 'B'],
            correctAnswer: 'A',
          })),
        },
      ],
    }
    const drawn = drawQuestions(quiz, 'm1')
    const undrawn = ['q1', 'q2', 'q3', 'q4'].find((n) => !drawn.includes(n)) as string
    const answers = Object.fromEntries([...drawn, undrawn].map((n) => [n, 'A']))
    expect(
      validateResponse(quiz, answers, { seed: 'm1' }).errors.map((e) => [e.code, e.question]),
    ).toEqual([['notDrawn', undrawn]])
  })

  it('speaks Chinese by default and English on request', () => {
    expect(validateResponse(form, {}).errors[0]?.message).toBe('必答题“single”未作答')
    expect(validateResponse(form, {}, { locale: 'en' }).errors[0]?.message).toBe(
      '"single" is required',
    )
  })
})
