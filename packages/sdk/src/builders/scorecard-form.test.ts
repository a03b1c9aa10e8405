import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import '../extensions'
import { scoreResponse } from '../score'
import type { ElementJson } from '../types'
import type { FormBuildErrorCode } from './form-build-error'
import { type ScorecardFormOptions, scorecardForm } from './scorecard-form'

const input: ScorecardFormOptions = {
  title: { default: '党支部考评表', en: 'Branch scorecard' },
  dimensions: [
    {
      name: 'organisation',
      title: { default: '基本组织', en: 'Basic organisation' },
      indicators: [
        { name: 'committee', title: '支委会按期换届', points: 10, standard: '按期换届得满分' },
        { name: 'groups', title: '党小组设置合理', points: 5.5 },
      ],
    },
    {
      name: 'activity',
      title: '基本活动',
      weight: 40,
      indicators: [{ name: 'meetings', title: '三会一课', points: 20 }],
    },
  ],
}

const elementsOf = (options: ScorecardFormOptions): ElementJson[] =>
  (scorecardForm(options).pages ?? []).flatMap((page) => page.elements ?? [])

describe('scorecardForm', () => {
  test('makes a scorecard with one page per dimension', () => {
    const form = scorecardForm(input)
    expect(form.kind).toBe('scorecard')
    expect(form.pages?.map(({ name, elements }) => [name, elements?.map((e) => e.name)])).toEqual([
      ['organisation', ['committee', 'groups']],
      ['activity', ['meetings']],
    ])
  })

  test('asks every indicator as a required number from 0 to its points', () => {
    expect(elementsOf(input)[0]).toEqual({
      type: 'text',
      inputType: 'number',
      name: 'committee',
      title: '支委会按期换届',
      description: '按期换届得满分',
      isRequired: true,
      min: 0,
      max: 10,
      maxScore: 10,
      dimension: 'organisation',
    })
  })

  test('lets SurveyJS refuse points above the maximum', () => {
    const model = new Model(scorecardForm(input))
    const question = model.getQuestionByName('committee')
    question.value = 10
    expect(question.validate(false)).toBe(true)
    question.value = 11
    expect(question.validate(false)).toBe(false)
  })

  test('weights a dimension by its total points unless given a weight', () => {
    expect(scorecardForm(input).dimensions).toEqual([
      {
        name: 'organisation',
        title: { default: '基本组织', en: 'Basic organisation' },
        weight: 15.5,
      },
      { name: 'activity', title: '基本活动', weight: 40 },
    ])
  })

  test('adds bonus points on a last page, capped in the question and the form', () => {
    const form = scorecardForm({ ...input, bonus: { cap: 5 } })
    expect(form.bonusCap).toBe(5)
    expect(form.pages?.at(-1)).toEqual({
      name: 'adjustments',
      elements: [
        {
          type: 'text',
          inputType: 'number',
          name: 'bonus',
          title: { default: '创新进步加分', en: 'Bonus for innovation and progress' },
          min: 0,
          max: 5,
          maxScore: 5,
          scoreKind: 'bonus',
        },
      ],
    })
  })

  test('names and titles the bonus as asked', () => {
    const bonus = { name: 'innovation', title: '特色创新', cap: 3 }
    expect(elementsOf({ ...input, bonus }).at(-1)).toMatchObject({
      name: 'innovation',
      title: '特色创新',
      scoreKind: 'bonus',
    })
  })

  test('adds a required veto question whose yes vetoes the grade', () => {
    const veto = { title: { default: '是否发生严重违纪', en: 'Any serious breach of discipline?' } }
    expect(elementsOf({ ...input, veto }).at(-1)).toEqual({
      type: 'radiogroup',
      name: 'veto',
      title: { default: '是否发生严重违纪', en: 'Any serious breach of discipline?' },
      isRequired: true,
      choices: [
        { value: 'no', text: { default: '否', en: 'No' } },
        { value: 'yes', text: { default: '是', en: 'Yes' }, veto: true },
      ],
    })
  })

  test('adds a deduction item from 0 to its cap that deducts from the score', () => {
    const form = scorecardForm({ ...input, deduction: { cap: 10, standard: '每项扣1至5分' } })
    expect(elementsOf({ ...input, deduction: { cap: 10 } }).at(-1)).toEqual({
      type: 'text',
      inputType: 'number',
      name: 'deduction',
      title: { default: '负面清单扣分', en: 'Deductions' },
      min: 0,
      max: 10,
      maxScore: 10,
      scoreKind: 'deduction',
    })
    const full = { committee: 10, groups: 5.5, meetings: 20 }
    expect(scoreResponse(form, { ...full, deduction: 3 }).score).toBe(32.5)
    expect(scoreResponse(form, full).maxScore).toBe(35.5)
  })

  test('titles the pages, and describes the bonus and the veto, as asked', () => {
    const form = scorecardForm({
      ...input,
      dimensions: input.dimensions.map((d) => ({ ...d, pageTitle: `${d.name} page` })),
      bonus: { cap: 2, standard: '经验被推广的加分' },
      veto: { title: '违纪', description: '选择“是”的须写明理由' },
      adjustmentsTitle: { default: '加分、扣分和否决事项', en: 'Bonus, deductions and veto' },
    })
    expect(form.pages?.map((page) => page.title)).toEqual([
      'organisation page',
      'activity page',
      { default: '加分、扣分和否决事项', en: 'Bonus, deductions and veto' },
    ])
    // The dimensions keep their own titles: a page title may say more (e.g. its points).
    expect(form.dimensions?.map((d) => d.title)).toEqual([input.dimensions[0]?.title, '基本活动'])
    const [bonus, veto] = form.pages?.at(-1)?.elements ?? []
    expect(bonus?.description).toBe('经验被推广的加分')
    expect(veto?.description).toBe('选择“是”的须写明理由')
  })

  test('puts the bonus, the deduction and the veto on the last page, in that order', () => {
    const form = scorecardForm({
      ...input,
      veto: { name: 'breach', title: '违纪' },
      deduction: { name: 'minus', cap: 4 },
      bonus: { cap: 2 },
    })
    expect(form.pages?.at(-1)?.elements?.map(({ name }) => name)).toEqual([
      'bonus',
      'minus',
      'breach',
    ])
  })

  test('puts the bonus before the veto on the last page', () => {
    const form = scorecardForm({
      ...input,
      bonus: { cap: 2 },
      veto: { name: 'breach', title: '违纪' },
    })
    expect(form.pages?.at(-1)?.elements?.map(({ name }) => name)).toEqual(['bonus', 'breach'])
  })

  test('has no last page and no bonus cap without bonus or veto', () => {
    const form = scorecardForm(input)
    expect(form.pages).toHaveLength(2)
    expect(form).not.toHaveProperty('bonusCap')
  })

  const dimension = (indicators: ScorecardFormOptions['dimensions'][number]['indicators']) => ({
    name: 'd',
    title: 'D',
    indicators,
  })
  const indicator = { name: 'i', title: 'I', points: 1 }
  const refused: Array<[string, Partial<ScorecardFormOptions>, FormBuildErrorCode, string]> = [
    ['no dimension', { dimensions: [] }, 'EMPTY_FORM', 'dimensions'],
    [
      'a dimension without indicators',
      { dimensions: [dimension([])] },
      'EMPTY_DIMENSION',
      'dimensions[0].indicators',
    ],
    ...[0, -2, Number.NaN, Number.POSITIVE_INFINITY].map(
      (points): [string, Partial<ScorecardFormOptions>, FormBuildErrorCode, string] => [
        `${points} points`,
        { dimensions: [dimension([{ ...indicator, points }])] },
        'INVALID_POINTS',
        'dimensions[0].indicators[0].points',
      ],
    ),
    [
      'a weight of 0',
      { dimensions: [{ ...dimension([indicator]), weight: 0 }] },
      'INVALID_WEIGHT',
      'dimensions[0].weight',
    ],
    [
      'two indicators named alike across dimensions',
      {
        dimensions: [
          dimension([indicator]),
          { name: 'e', title: 'E', indicators: [{ ...indicator, name: 'I' }] },
        ],
      },
      'DUPLICATE_NAME',
      'dimensions[1].indicators[0].name',
    ],
    ['a bonus cap of 0', { bonus: { cap: 0 } }, 'INVALID_BONUS_CAP', 'bonus.cap'],
    ['a negative bonus cap', { bonus: { cap: -5 } }, 'INVALID_BONUS_CAP', 'bonus.cap'],
    [
      'an indicator named like the bonus',
      { dimensions: [dimension([{ ...indicator, name: 'bonus' }])], bonus: { cap: 1 } },
      'DUPLICATE_NAME',
      'dimensions[0].indicators[0].name',
    ],
    [
      'an indicator named like the bonus and veto page',
      { dimensions: [dimension([{ ...indicator, name: 'adjustments' }])], veto: { title: 'V' } },
      'DUPLICATE_NAME',
      'dimensions[0].indicators[0].name',
    ],
    [
      'a veto named like the bonus',
      { bonus: { cap: 1 }, veto: { name: 'bonus', title: 'V' } },
      'DUPLICATE_NAME',
      'veto.name',
    ],
    ['a veto without a title', { veto: { title: '' } }, 'INVALID_TITLE', 'veto.title'],
    ['a deduction cap of 0', { deduction: { cap: 0 } }, 'INVALID_POINTS', 'deduction.cap'],
    [
      'a deduction named like the veto',
      { deduction: { cap: 1 }, veto: { name: 'deduction', title: 'V' } },
      'DUPLICATE_NAME',
      'veto.name',
    ],
    [
      'an empty scoring standard',
      { dimensions: [dimension([{ ...indicator, standard: '' }])] },
      'INVALID_TITLE',
      'dimensions[0].indicators[0].standard',
    ],
    [
      'an empty bonus standard',
      { bonus: { cap: 1, standard: '' } },
      'INVALID_TITLE',
      'bonus.standard',
    ],
    [
      'an empty veto description',
      { veto: { title: 'V', description: '' } },
      'INVALID_TITLE',
      'veto.description',
    ],
    [
      'an empty page title',
      { dimensions: [{ ...dimension([indicator]), pageTitle: '' }] },
      'INVALID_TITLE',
      'dimensions[0].pageTitle',
    ],
    [
      'an empty title of the last page',
      { veto: { title: 'V' }, adjustmentsTitle: '' },
      'INVALID_TITLE',
      'adjustmentsTitle',
    ],
    ['a bonus name with a dot', { bonus: { name: 'a.b', cap: 1 } }, 'INVALID_NAME', 'bonus.name'],
  ]

  test.each(refused)('refuses %s', (_, options, code, path) => {
    expect(() => scorecardForm({ ...input, ...options })).toThrow(
      expect.objectContaining({ name: 'FormBuildError', code, path }),
    )
  })

  test('lets an indicator be named adjustments when there is no bonus or veto', () => {
    const options = { ...input, dimensions: [dimension([{ ...indicator, name: 'adjustments' }])] }
    expect(elementsOf(options).map(({ name }) => name)).toEqual(['adjustments'])
  })
})
