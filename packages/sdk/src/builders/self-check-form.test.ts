import { Model, type QuestionMultipleTextModel, surveyLocalization } from 'survey-core'
import { describe, expect, test } from 'vitest'
import '../extensions'
import { templates } from '../templates/index'
import type { ElementJson } from '../types'
import type { FormBuildErrorCode } from './form-build-error'
import { problemEntry } from './problem-entry'
import { type SelfCheckFormOptions, selfCheckForm, selfCheckItem } from './self-check-form'

const input: SelfCheckFormOptions = {
  title: { default: '党支部自检自查表', en: 'Branch self-check' },
  dimensions: [
    {
      name: 'political',
      title: { default: '政治功能强', en: 'Strong political function' },
      items: [
        { name: 'study', title: { default: '是否按时学习', en: 'Is study held on time?' } },
        { name: 'meeting', title: '是否按时召开组织生活会', description: '每年至少一次' },
      ],
    },
    {
      name: 'team',
      title: '支部班子强',
      weight: 5,
      items: [{ name: 'elected', title: '是否按期换届' }],
    },
  ],
}

const elementsOf = (form = selfCheckForm(input)): ElementJson[] =>
  (form.pages ?? []).flatMap((page) => page.elements ?? [])
const named = (name: string, form = selfCheckForm(input)): ElementJson | undefined =>
  elementsOf(form).find((element) => element.name === name)

describe('selfCheckForm', () => {
  test('makes a selfCheck form with one page per dimension', () => {
    const form = selfCheckForm(input)
    expect(form.kind).toBe('selfCheck')
    expect(form.title).toEqual({ default: '党支部自检自查表', en: 'Branch self-check' })
    expect(form.pages?.map(({ name, title }) => ({ name, title }))).toEqual([
      { name: 'political', title: { default: '政治功能强', en: 'Strong political function' } },
      { name: 'team', title: '支部班子强' },
    ])
  })

  test('asks every item as a required yes/no question counted toward its dimension', () => {
    expect(named('meeting')).toEqual({
      type: 'radiogroup',
      name: 'meeting',
      title: '是否按时召开组织生活会',
      description: '每年至少一次',
      isRequired: true,
      dimension: 'political',
      choices: [
        { value: 'yes', text: { default: '是', en: 'Yes' }, score: 1 },
        { value: 'no', text: { default: '否', en: 'No' }, score: 0, problem: true },
      ],
    })
    expect(named('elected')?.dimension).toBe('team')
  })

  test('follows every item with a required problem-list entry that describes its no', () => {
    expect(elementsOf().map(({ name }) => name)).toEqual([
      'study',
      'study_problem',
      'meeting',
      'meeting_problem',
      'elected',
      'elected_problem',
    ])
    expect(named('study_problem')).toMatchObject({
      type: 'multipletext',
      isRequired: true,
      problemOf: 'study',
      visibleIf: "{study} = 'no'",
      items: [
        { name: 'description', title: { default: '问题描述' }, isRequired: true },
        { name: 'measure', title: { default: '整改措施' }, isRequired: true },
        { name: 'owner', title: { default: '责任人' }, isRequired: true },
        { name: 'deadline', title: { default: '整改时限' }, inputType: 'date', isRequired: true },
      ],
    })
  })

  test('writes the same problem-list entry as the self-check template and the SDK block', () => {
    const template = (templates.selfCheck.pages ?? []).flatMap((page) => page.elements ?? [])
    expect(named('study_problem')).toEqual(problemEntry('study'))
    expect(template.find((e) => e.name === 'partyDues_problem')).toEqual(problemEntry('partyDues'))
  })

  test('shows the problem-list entry only while the answer is no', () => {
    const model = new Model(selfCheckForm(input))
    const entry = model.getQuestionByName('study_problem') as QuestionMultipleTextModel
    expect(entry.isVisible).toBe(false)
    model.setValue('study', 'no')
    expect(entry.isVisible).toBe(true)
    expect(entry.items.map((item) => item.inputType)).toEqual(['text', 'text', 'text', 'date'])
    model.setValue('study', 'yes')
    expect(entry.isVisible).toBe(false)
  })

  test('leaves the problem-list entries out when followUp is false', () => {
    const form = selfCheckForm({ ...input, followUp: false })
    expect(elementsOf(form).map(({ name }) => name)).toEqual(['study', 'meeting', 'elected'])
  })

  test('weights a dimension by its number of items unless given a weight', () => {
    expect(selfCheckForm(input).dimensions).toEqual([
      {
        name: 'political',
        title: { default: '政治功能强', en: 'Strong political function' },
        weight: 2,
      },
      { name: 'team', title: '支部班子强', weight: 5 },
    ])
  })

  test('shows Chinese by default and English when the locale is en', () => {
    // SurveyJS files `default` texts under its default locale, 'en' unless told otherwise: only
    // with zh-CN as the default locale does `en` read as the English translation.
    const before = surveyLocalization.defaultLocale
    surveyLocalization.defaultLocale = 'zh-cn'
    try {
      const model = new Model(selfCheckForm(input))
      const question = model.getQuestionByName('study')
      expect(question.title).toBe('是否按时学习')
      model.locale = 'en'
      expect(question.title).toBe('Is study held on time?')
      expect(question.choices.map((choice: { text: string }) => choice.text)).toEqual(['Yes', 'No'])
    } finally {
      surveyLocalization.defaultLocale = before
    }
  })

  test('shares no object with its input or with another built form', () => {
    const first = selfCheckForm(input)
    const choice = named('study', first)?.choices?.[0] as { text: { default: string } }
    choice.text.default = '改了'
    const page = first.pages?.[0] as { title: { default: string } }
    page.title.default = '改了'
    expect(named('study')?.choices?.[0]).toMatchObject({ text: { default: '是' } })
    expect(input.dimensions[0]?.title).toEqual({
      default: '政治功能强',
      en: 'Strong political function',
    })
  })

  const item = { name: 'q', title: '是否' }
  const refused: Array<[string, SelfCheckFormOptions, FormBuildErrorCode, string]> = [
    ['no dimension', { title: 't', dimensions: [] }, 'EMPTY_FORM', 'dimensions'],
    [
      'a dimension without items',
      { title: 't', dimensions: [{ name: 'd', title: 'D', items: [] }] },
      'EMPTY_DIMENSION',
      'dimensions[0].items',
    ],
    [
      'two items named alike, ignoring case',
      {
        title: 't',
        dimensions: [
          { name: 'd1', title: 'D', items: [{ name: 'q1', title: 'Q' }] },
          { name: 'd2', title: 'D', items: [{ name: 'Q1', title: 'Q' }] },
        ],
      },
      'DUPLICATE_NAME',
      'dimensions[1].items[0].name',
    ],
    [
      "an item named like another item's problem-list entry",
      {
        title: 't',
        dimensions: [{ name: 'd', title: 'D', items: [item, { name: 'q_problem', title: 'Q' }] }],
      },
      'DUPLICATE_NAME',
      'dimensions[0].items[1].name',
    ],
    [
      'an item named like a dimension (its page)',
      { title: 't', dimensions: [{ name: 'q', title: 'D', items: [item] }] },
      'DUPLICATE_NAME',
      'dimensions[0].items[0].name',
    ],
    [
      'two dimensions named alike',
      {
        title: 't',
        dimensions: [
          { name: 'd', title: 'D', items: [item] },
          { name: 'd', title: 'D', items: [{ name: 'r', title: 'R' }] },
        ],
      },
      'DUPLICATE_NAME',
      'dimensions[1].name',
    ],
    ...[0, -1, Number.NaN, Number.POSITIVE_INFINITY].map(
      (weight): [string, SelfCheckFormOptions, FormBuildErrorCode, string] => [
        `the weight ${weight}`,
        { title: 't', dimensions: [{ name: 'd', title: 'D', weight, items: [item] }] },
        'INVALID_WEIGHT',
        'dimensions[0].weight',
      ],
    ),
    ...['', 'q 1', 'a.b', "it's", '{q}', 'constructor', 'Locale', 'pageNo'].map(
      (name): [string, SelfCheckFormOptions, FormBuildErrorCode, string] => [
        `the item name '${name}'`,
        { title: 't', dimensions: [{ name: 'd', title: 'D', items: [{ name, title: 'Q' }] }] },
        'INVALID_NAME',
        'dimensions[0].items[0].name',
      ],
    ),
    ['an empty form title', { title: ' ', dimensions: [] }, 'INVALID_TITLE', 'title'],
    [
      'an empty form description',
      { title: 't', description: '', dimensions: [{ name: 'd', title: 'D', items: [item] }] },
      'INVALID_TITLE',
      'description',
    ],
    [
      'an item description without a default (zh-CN) text',
      {
        title: 't',
        dimensions: [{ name: 'd', title: 'D', items: [{ ...item, description: { en: 'x' } }] }],
      },
      'INVALID_TITLE',
      'dimensions[0].items[0].description',
    ],
    [
      'an item title without a default (zh-CN) text',
      {
        title: 't',
        dimensions: [{ name: 'd', title: 'D', items: [{ name: 'q', title: { en: 'Q' } }] }],
      },
      'INVALID_TITLE',
      'dimensions[0].items[0].title',
    ],
  ]

  test.each(refused)('refuses %s', (_, options, code, path) => {
    expect(() => selfCheckForm(options)).toThrow(
      expect.objectContaining({ name: 'FormBuildError', code, path }),
    )
  })

  test('says what, where and why when it refuses', () => {
    const options = { title: 't', dimensions: [{ name: 'd', title: 'D', items: [item, item] }] }
    expect(() => selfCheckForm(options)).toThrow(
      "Duplicate name 'q' for a question at dimensions[0].items[1].name: a question (dimensions[0].items[0].name) already has it",
    )
  })

  test('lets an item be named like a problem-list entry when there are none', () => {
    const options = {
      title: 't',
      followUp: false,
      dimensions: [{ name: 'd', title: 'D', items: [item, { name: 'q_problem', title: 'Q' }] }],
    }
    expect(elementsOf(selfCheckForm(options)).map(({ name }) => name)).toEqual(['q', 'q_problem'])
  })
})

describe('selfCheckItem', () => {
  const item = { name: 'partyDues', title: { default: '是否按时足额交纳党费', en: 'Dues paid?' } }

  test('is a required yes/no question in its dimension followed by its problem entry', () => {
    expect(selfCheckItem(item, { dimension: 'memberTeam' })).toEqual([
      {
        type: 'radiogroup',
        name: 'partyDues',
        title: item.title,
        isRequired: true,
        dimension: 'memberTeam',
        choices: [
          { value: 'yes', text: { default: '是', en: 'Yes' }, score: 1 },
          { value: 'no', text: { default: '否', en: 'No' }, score: 0, problem: true },
        ],
      },
      problemEntry('partyDues'),
    ])
  })

  test('leaves out the dimension it has none of, and the entry when followUp is false', () => {
    const [question, ...rest] = selfCheckItem(item, { followUp: false })
    expect(rest).toEqual([])
    expect(question && 'dimension' in question).toBe(false)
  })

  test('is what selfCheckForm and the self-check template make each item with', () => {
    const [page] = selfCheckForm(input).pages ?? []
    const { items } = input.dimensions[0] ?? { items: [] }
    expect(page?.elements).toEqual(
      items.flatMap((i) => selfCheckItem(i, { dimension: 'political' })),
    )
    const template = (templates.selfCheck.pages ?? []).find((p) => p.name === 'memberTeam')
    const [dues, duesEntry] = (template?.elements ?? []).slice(4, 6)
    expect([dues, duesEntry]).toEqual(
      selfCheckItem({ name: 'partyDues', title: dues?.title ?? '' }, { dimension: 'memberTeam' }),
    )
  })

  test('returns new objects on every call', () => {
    const [a] = selfCheckItem(item)
    const [b] = selfCheckItem(item)
    expect(a).toEqual(b)
    expect(a?.choices).not.toBe(b?.choices)
    expect(a?.title).not.toBe(item.title)
  })
})
