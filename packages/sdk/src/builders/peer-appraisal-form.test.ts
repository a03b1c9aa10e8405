import { Model, type QuestionRadiogroupModel } from 'survey-core'
import { describe, expect, test } from 'vitest'
import '../extensions'
import type { FormBuildErrorCode } from './form-build-error'
import {
  APPRAISAL_GRADES,
  DEFAULT_APPRAISAL_ASPECTS,
  type PeerAppraisalFormOptions,
  peerAppraisalForm,
} from './peer-appraisal-form'

const title = { default: '民主评议党员测评表', en: 'Democratic appraisal of members' }

describe('peerAppraisalForm', () => {
  test('asks whom, the overall grade, the default aspects and remarks, in that order', () => {
    const form = peerAppraisalForm({ title })
    expect(form.kind).toBe('generic')
    expect(form.elements?.map(({ type, name }) => `${type} ${name}`)).toEqual([
      'text memberName',
      'radiogroup overall',
      'radiogroup political',
      'radiogroup study',
      'radiogroup duty',
      'radiogroup discipline',
      'comment remarks',
    ])
  })

  test('requires the member name and every grade, not the remarks', () => {
    const required = peerAppraisalForm({ title }).elements?.filter((e) => e.isRequired === true)
    expect(required?.map(({ name }) => name)).toEqual([
      'memberName',
      'overall',
      'political',
      'study',
      'duty',
      'discipline',
    ])
  })

  test('grades 优秀 / 合格 / 基本合格 / 不合格 as 100 / 80 / 60 / 0', () => {
    const overall = peerAppraisalForm({ title }).elements?.[1]
    expect(overall?.choices).toEqual([
      { value: 'excellent', text: { default: '优秀', en: 'Excellent' }, score: 100 },
      { value: 'qualified', text: { default: '合格', en: 'Qualified' }, score: 80 },
      {
        value: 'basicallyQualified',
        text: { default: '基本合格', en: 'Basically qualified' },
        score: 60,
      },
      { value: 'unqualified', text: { default: '不合格', en: 'Unqualified' }, score: 0 },
    ])
  })

  test('grades every aspect on the same scale as the overall grade', () => {
    const model = new Model(peerAppraisalForm({ title }))
    const scoresOf = (name: string) =>
      (model.getQuestionByName(name) as QuestionRadiogroupModel).choices.map((choice) => [
        choice.value,
        choice.getPropertyValue('score'),
      ])
    expect(scoresOf('discipline')).toEqual(scoresOf('overall'))
    expect(scoresOf('overall')).toEqual(APPRAISAL_GRADES.map(({ value, score }) => [value, score]))
  })

  test('titles the default aspects 政治表现, 学习情况, 履职尽责, 作风纪律', () => {
    const titles = peerAppraisalForm({ title })
      .elements?.slice(2, 6)
      .map((e) => (e.title as { default: string }).default)
    expect(titles).toEqual(['政治表现', '学习情况', '履职尽责', '作风纪律'])
  })

  test('grades only the aspects given, and none for an empty list', () => {
    const custom = peerAppraisalForm({ title, aspects: [{ name: 'model', title: '先锋模范' }] })
    expect(custom.elements?.map(({ name }) => name)).toEqual([
      'memberName',
      'overall',
      'model',
      'remarks',
    ])
    const none = peerAppraisalForm({ title, aspects: [] })
    expect(none.elements?.map(({ name }) => name)).toEqual(['memberName', 'overall', 'remarks'])
  })

  test('leaves APPRAISAL_GRADES and the default aspects untouched when a built form is edited', () => {
    const form = peerAppraisalForm({ title })
    const grade = form.elements?.[1]?.choices?.[0] as { text: { default: string } }
    grade.text.default = '改了'
    const aspect = form.elements?.[2] as { title: { default: string } }
    aspect.title.default = '改了'
    expect(APPRAISAL_GRADES[0].text.default).toBe('优秀')
    expect(DEFAULT_APPRAISAL_ASPECTS[0].title.default).toBe('政治表现')
  })

  const refused: Array<[string, PeerAppraisalFormOptions, FormBuildErrorCode, string]> = [
    [
      'an aspect named overall',
      { title, aspects: [{ name: 'overall', title: 'O' }] },
      'DUPLICATE_NAME',
      'aspects[0].name',
    ],
    [
      'an aspect named memberName in another case',
      { title, aspects: [{ name: 'MemberName', title: 'M' }] },
      'DUPLICATE_NAME',
      'aspects[0].name',
    ],
    [
      'an aspect named remarks',
      { title, aspects: [{ name: 'remarks', title: 'R' }] },
      'DUPLICATE_NAME',
      'aspects[0].name',
    ],
    [
      'two aspects named alike',
      {
        title,
        aspects: [
          { name: 'a', title: 'A' },
          { name: 'a', title: 'A' },
        ],
      },
      'DUPLICATE_NAME',
      'aspects[1].name',
    ],
    [
      'an aspect name with braces',
      { title, aspects: [{ name: '{a}', title: 'A' }] },
      'INVALID_NAME',
      'aspects[0].name',
    ],
    [
      'an aspect without a title',
      { title, aspects: [{ name: 'a', title: { en: 'A' } }] },
      'INVALID_TITLE',
      'aspects[0].title',
    ],
    ['an empty form title', { title: '' }, 'INVALID_TITLE', 'title'],
  ]

  test.each(refused)('refuses %s', (_, options, code, path) => {
    expect(() => peerAppraisalForm(options)).toThrow(
      expect.objectContaining({ name: 'FormBuildError', code, path }),
    )
  })
})
