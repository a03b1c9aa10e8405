import { describe, expect, it } from 'vitest'
import type { FormJson } from './types'
import { validateForm } from './validate-form'

const codes = (json: unknown) => validateForm(json).errors.map((e) => [e.code, e.path])

describe('validateForm', () => {
  it('accepts a sound scored form', () => {
    const form: FormJson = {
      kind: 'scorecard',
      dimensions: [{ name: 'org', title: '基本组织', weight: 20 }],
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'text', inputType: 'number', name: 'a', maxScore: 20, dimension: 'org' },
          ],
        },
      ],
    }
    expect(validateForm(form)).toEqual({ valid: true, errors: [], warnings: [] })
  })

  it('refuses what is not a form object', () => {
    expect(codes(null)).toEqual([['notAnObject', '']])
    expect(codes([1])).toEqual([['notAnObject', '']])
  })

  it('reports a question counting toward an undeclared dimension', () => {
    const form = {
      dimensions: [{ name: 'a' }],
      elements: [{ type: 'text', name: 'q', dimension: 'b' }],
    }
    expect(codes(form)).toEqual([['unknownDimension', 'elements[0].dimension']])
  })

  it('reports a choice score that is not a number', () => {
    const form = {
      elements: [{ type: 'radiogroup', name: 'q', choices: [{ value: 1, score: 'ten' }] }],
    }
    expect(codes(form)).toEqual([['nonNumericScore', 'elements[0].choices[0].score']])
  })

  it('reports a bank that draws more than it holds, and a drawCount that is not a count', () => {
    const bank = (drawCount: unknown) => ({
      pages: [
        {
          name: 'bank',
          drawCount,
          elements: [
            { type: 'text', name: 'a' },
            { type: 'text', name: 'b' },
          ],
        },
      ],
    })
    expect(codes(bank(3))).toEqual([['drawCountTooLarge', 'pages[0].drawCount']])
    expect(codes(bank(1.5))).toEqual([['invalidDrawCount', 'pages[0].drawCount']])
    expect(codes(bank(2))).toEqual([])
  })

  it('reports duplicate names with both places', () => {
    const form = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'comment', name: 'a' },
          ],
        },
      ],
    }
    const { errors } = validateForm(form)
    expect(errors.map((e) => [e.code, e.path])).toEqual([['duplicateName', 'pages[0].elements[1]']])
    expect(errors[0]?.message).toContain('pages[0].elements[0]')
  })

  it('reports weights that are not positive', () => {
    const form = {
      dimensions: [
        { name: 'a', weight: 0 },
        { name: 'b', weight: -1 },
        { name: 'c', weight: 'x' },
      ],
    }
    expect(codes(form)).toEqual([
      ['nonPositiveWeight', 'dimensions[0].weight'],
      ['nonPositiveWeight', 'dimensions[1].weight'],
      ['nonPositiveWeight', 'dimensions[2].weight'],
    ])
  })

  it('reports a quiz question without correctAnswer, and one whose answer is not a choice', () => {
    const form = {
      kind: 'quiz',
      elements: [
        { type: 'radiogroup', name: 'a', choices: ['A', 'B'] },
        { type: 'radiogroup', name: 'b', choices: ['A', 'B'], correctAnswer: 'C' },
      ],
    }
    expect(codes(form)).toEqual([
      ['quizWithoutCorrectAnswer', 'elements[0]'],
      ['correctAnswerNotAChoice', 'elements[1].correctAnswer'],
    ])
  })

  it('reports a scored question with no dimension in a form that weights dimensions', () => {
    const form = {
      dimensions: [{ name: 'a', weight: 1 }],
      elements: [{ type: 'text', inputType: 'number', name: 'q', maxScore: 5 }],
    }
    expect(codes(form)).toEqual([['missingDimension', 'elements[0]']])
  })

  it('reports what SurveyJS cannot load, such as a misspelt property, at its path', () => {
    const form = { elements: [{ type: 'text', name: 'q', maxScroe: 5 }] }
    expect(codes(form)).toEqual([['schema', 'elements[0].maxScroe']])
  })

  it('reports a condition on an unknown question as broken logic (logicUnknownQuestion)', () => {
    const form = { elements: [{ type: 'text', name: 'q', visibleIf: '{nowhere} = 1' }] }
    expect(codes(form)).toEqual([['logicUnknownQuestion', 'elements[0].visibleIf']])
  })

  it('reports a problem entry that belongs to no question', () => {
    const form = { elements: [{ type: 'comment', name: 'note', problemOf: 'ghost' }] }
    expect(codes(form)).toEqual([['unknownProblemOf', 'elements[0].problemOf']])
  })

  it('writes its messages in Chinese by default and in English on request', () => {
    const form = {
      dimensions: [{ name: 'a' }],
      elements: [{ type: 'text', name: 'q', dimension: 'b' }],
    }
    expect(validateForm(form).errors[0]?.message).toBe('题目“q”引用了未定义的维度“b”')
    expect(validateForm(form, { locale: 'en' }).errors[0]?.message).toContain('does not declare')
  })
})
