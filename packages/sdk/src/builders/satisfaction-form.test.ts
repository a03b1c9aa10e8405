import { Model, type QuestionRadiogroupModel } from 'survey-core'
import { describe, expect, test } from 'vitest'
import '../extensions'
import type { FormBuildErrorCode } from './form-build-error'
import {
  SATISFACTION_SCALE,
  type SatisfactionChoice,
  type SatisfactionFormOptions,
  satisfactionForm,
} from './satisfaction-form'

const input: SatisfactionFormOptions = {
  title: { default: '群众满意率测评表', en: 'Satisfaction survey' },
  description: '请如实评价',
  aspects: [
    { name: 'study', title: '组织学习' },
    { name: 'service', title: { default: '服务群众', en: 'Serving the people' } },
  ],
}

describe('satisfactionForm', () => {
  test('makes a satisfaction form asking every aspect on the default scale', () => {
    const form = satisfactionForm(input)
    expect(form).toMatchObject({
      kind: 'satisfaction',
      title: { default: '群众满意率测评表', en: 'Satisfaction survey' },
      description: '请如实评价',
    })
    expect(form.elements?.[1]).toEqual({
      type: 'radiogroup',
      name: 'service',
      title: { default: '服务群众', en: 'Serving the people' },
      isRequired: true,
      choices: [
        {
          value: 'satisfied',
          text: { default: '满意', en: 'Satisfied' },
          score: 100,
          satisfied: true,
        },
        {
          value: 'basic',
          text: { default: '基本满意', en: 'Basically satisfied' },
          score: 60,
          satisfied: true,
        },
        {
          value: 'dissatisfied',
          text: { default: '不满意', en: 'Dissatisfied' },
          score: 0,
          satisfied: false,
        },
      ],
    })
  })

  test('ends with an optional comment for suggestions', () => {
    const last = satisfactionForm(input).elements?.at(-1)
    expect(last).toEqual({
      type: 'comment',
      name: 'suggestions',
      title: { default: '意见和建议', en: 'Opinions and suggestions' },
    })
  })

  test('leaves the suggestions out when suggestions is false', () => {
    const form = satisfactionForm({ ...input, suggestions: false })
    expect(form.elements?.map(({ name }) => name)).toEqual(['study', 'service'])
  })

  test('rates on a custom scale when given one', () => {
    const scale: SatisfactionChoice[] = [
      { value: 5, text: '非常满意', score: 100, satisfied: true },
      { value: 3, text: '一般', score: 50, satisfied: false },
      { value: 1, text: '不满意', score: 0, satisfied: false },
    ]
    const form = satisfactionForm({ ...input, scale })
    expect(form.elements?.[0]?.choices).toEqual(scale)
  })

  test('keeps the scores and satisfied flags when SurveyJS loads the form', () => {
    const question = new Model(satisfactionForm(input)).getQuestionByName(
      'study',
    ) as QuestionRadiogroupModel
    expect(
      question.choices.map((choice) => [
        choice.value,
        choice.getPropertyValue('score'),
        choice.getPropertyValue('satisfied'),
      ]),
    ).toEqual([
      ['satisfied', 100, true],
      ['basic', 60, true],
      ['dissatisfied', 0, false],
    ])
  })

  test('leaves SATISFACTION_SCALE untouched when a built form is edited', () => {
    const choice = satisfactionForm(input).elements?.[0]?.choices?.[0] as {
      text: { default: string }
    }
    choice.text.default = '改了'
    expect(SATISFACTION_SCALE[0].text.default).toBe('满意')
  })

  const scaleOf = (...choices: Array<Partial<SatisfactionChoice>>): SatisfactionChoice[] =>
    choices.map((choice) => ({ value: 'v', text: 't', score: 0, satisfied: true, ...choice }))
  const refused: Array<[string, Partial<SatisfactionFormOptions>, FormBuildErrorCode, string]> = [
    ['no aspect', { aspects: [] }, 'EMPTY_FORM', 'aspects'],
    [
      'two aspects named alike',
      {
        aspects: [
          { name: 'a', title: 'A' },
          { name: 'A', title: 'A' },
        ],
      },
      'DUPLICATE_NAME',
      'aspects[1].name',
    ],
    [
      'an aspect named suggestions',
      { aspects: [{ name: 'suggestions', title: 'S' }] },
      'DUPLICATE_NAME',
      'aspects[0].name',
    ],
    [
      'an aspect name with a space',
      { aspects: [{ name: 'a b', title: 'A' }] },
      'INVALID_NAME',
      'aspects[0].name',
    ],
    [
      'an empty aspect title',
      { aspects: [{ name: 'a', title: '' }] },
      'INVALID_TITLE',
      'aspects[0].title',
    ],
    ['a scale of one choice', { scale: scaleOf({ value: 'a' }) }, 'TOO_FEW_CHOICES', 'scale'],
    [
      'a scale with a repeated value',
      { scale: scaleOf({ value: 'a' }, { value: 'b' }, { value: 'a' }) },
      'DUPLICATE_VALUE',
      'scale[2].value',
    ],
    [
      'a scale repeating a number as a string',
      { scale: scaleOf({ value: 1 }, { value: '1' }) },
      'DUPLICATE_VALUE',
      'scale[1].value',
    ],
    [
      'an empty choice value',
      { scale: scaleOf({ value: 'a' }, { value: '' }) },
      'INVALID_VALUE',
      'scale[1].value',
    ],
    [
      'a score that is not a number',
      { scale: scaleOf({ value: 'a' }, { value: 'b', score: Number.NaN }) },
      'INVALID_SCORE',
      'scale[1].score',
    ],
    [
      'a choice without text',
      { scale: scaleOf({ value: 'a' }, { value: 'b', text: '' }) },
      'INVALID_TITLE',
      'scale[1].text',
    ],
    [
      'a scale where nothing counts as satisfied',
      { scale: scaleOf({ value: 'a', satisfied: false }, { value: 'b', satisfied: false }) },
      'NO_SATISFIED_CHOICE',
      'scale',
    ],
  ]

  test.each(refused)('refuses %s', (_, options, code, path) => {
    expect(() => satisfactionForm({ ...input, ...options })).toThrow(
      expect.objectContaining({ name: 'FormBuildError', code, path }),
    )
  })

  test('lets an aspect be named suggestions when there are no suggestions', () => {
    const options = { ...input, suggestions: false, aspects: [{ name: 'suggestions', title: 'S' }] }
    expect(satisfactionForm(options).elements?.map(({ name }) => name)).toEqual(['suggestions'])
  })
})
