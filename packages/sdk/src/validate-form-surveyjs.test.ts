import { describe, expect, it } from 'vitest'
import type { FormJson } from './types'
import { validateForm } from './validate-form'

const codes = (form: unknown, options = {}) => {
  const { errors, warnings } = validateForm(form, { locale: 'en', ...options })
  return { errors: errors.map((e) => e.code), warnings: warnings.map((w) => w.code) }
}

describe('validateForm lets SurveyJS forms publish', () => {
  it('knows the variables the host sets (knownVariables)', () => {
    const form = { elements: [{ type: 'text', name: 'q', visibleIf: '{region} = 1' }] }
    expect(codes(form).errors).toEqual(['logicUnknownQuestion'])
    expect(codes(form, { knownVariables: ['region'] })).toEqual({ errors: [], warnings: [] })
  })

  it('ignores the rules a caller names (ignoreRules), its own rules included', () => {
    const form = { elements: [{ type: 'text', name: 'q', visibleIf: '{{q1}} = 1' }] }
    expect(codes(form).errors).toEqual(['expression/syntax'])
    expect(codes(form, { ignoreRules: ['expression/syntax'] }).errors).toEqual([])
    const twice = {
      elements: [
        { type: 'text', name: 'a' },
        { type: 'text', name: 'a' },
      ],
    }
    expect(codes(twice, { ignoreRules: ['duplicateName'] }).errors).toEqual([])
  })

  it('never lets a caller ignore the caps on a form (formTooDeep, formTooLarge)', () => {
    let deep: FormJson['elements'] = [{ type: 'text', name: 'leaf' }]
    for (let i = 0; i < 12; i++) deep = [{ type: 'panel', name: `p${i}`, elements: deep }]
    const form = { elements: deep }
    expect(codes(form, { ignoreRules: ['formTooDeep'] }).errors).toEqual(['formTooDeep'])
  })

  it('warns, without blocking, of a condition that reads its own question (reference/self)', () => {
    const form = { elements: [{ type: 'text', name: 'q', visibleIf: '{q} notempty' }] }
    expect(codes(form)).toEqual({ errors: [], warnings: ['reference/self'] })
  })

  it('warns, without blocking, of an unknown name piped into a text', () => {
    const form = {
      elements: [
        {
          type: 'paneldynamic',
          name: 'p',
          templateTitle: 'About {panel.who}',
          templateElements: [{ type: 'text', name: 'name' }],
        },
      ],
    }
    expect(codes(form)).toEqual({ errors: [], warnings: ['reference/unknown'] })
  })
})

describe('correctAnswerNotAChoice', () => {
  const flagged = (element: Record<string, unknown>) =>
    codes({ elements: [{ name: 'q', ...element }] }).errors.includes('correctAnswerNotAChoice')

  it('reads a dropdown matrix correctAnswer as cells, not as a choice', () => {
    expect(
      flagged({
        type: 'matrixdropdown',
        rows: ['r1'],
        columns: [{ name: 'c' }],
        choices: [1, 2],
        correctAnswer: { r1: { c: 1 } },
      }),
    ).toBe(false)
  })

  it('takes the items SurveyJS adds: none, other, refused, dontknow', () => {
    const base = { type: 'radiogroup', choices: ['a', 'b'] }
    expect(flagged({ ...base, showNoneItem: true, correctAnswer: 'none' })).toBe(false)
    expect(flagged({ ...base, showOtherItem: true, correctAnswer: 'other' })).toBe(false)
    expect(flagged({ ...base, showRefuseItem: true, correctAnswer: 'refused' })).toBe(false)
    expect(
      flagged({ type: 'checkbox', choices: ['a'], showNoneItem: true, correctAnswer: ['none'] }),
    ).toBe(false)
  })

  it('still reports a value no choice has', () => {
    expect(flagged({ type: 'radiogroup', choices: ['a'], correctAnswer: 'z' })).toBe(true)
    expect(flagged({ type: 'checkbox', choices: ['a'], correctAnswer: ['a', 'z'] })).toBe(true)
    expect(flagged({ type: 'radiogroup', choices: ['a'], correctAnswer: 'none' })).toBe(true)
  })
})
