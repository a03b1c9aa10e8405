import fc from 'fast-check'
import { Model } from 'survey-core'
import { lintSurvey } from 'survey-core/linter'
import { describe, expect, test } from 'vitest'
import '../extensions'
import type { FormJson } from '../types'
import { peerAppraisalForm } from './peer-appraisal-form'
import { quizForm } from './quiz-form'
import { satisfactionForm } from './satisfaction-form'
import { scorecardForm } from './scorecard-form'
import { selfCheckForm } from './self-check-form'

// Loads the form as SurveyJS would and fails on any unknown or misspelt property (jsonErrors)
// and on any finding of SurveyJS's own linter (dangling visibleIf, duplicate names, …).
function expectLoads(json: FormJson): Model {
  const model = new Model(json)
  expect(model.jsonErrors?.map(({ message }) => message) ?? []).toEqual([])
  expect(lintSurvey(json).findings.map(({ ruleId, message }) => `${ruleId}: ${message}`)).toEqual(
    [],
  )
  return model
}

const choices = [
  { value: 'a', text: { default: '甲', en: 'A' } },
  { value: 'b', text: '乙' },
  { value: 3, text: '丙' },
]

const forms: Array<[string, FormJson]> = [
  [
    'a self-check form with follow-ups',
    selfCheckForm({
      title: { default: '党支部自检自查表', en: 'Branch self-check' },
      description: '逐项回答',
      dimensions: [
        {
          name: 'political',
          title: '政治功能强',
          items: [
            { name: 'study', title: '是否按时学习', description: '每月至少一次' },
            { name: 'meeting', title: '是否按时召开组织生活会' },
          ],
        },
        {
          name: 'team',
          title: '支部班子强',
          weight: 3,
          items: [{ name: 'elected', title: '是否按期换届' }],
        },
      ],
    }),
  ],
  [
    'a self-check form without follow-ups',
    selfCheckForm({
      title: '自检',
      followUp: false,
      dimensions: [{ name: 'd', title: '维度', items: [{ name: 'q', title: '是否' }] }],
    }),
  ],
  [
    'a satisfaction form',
    satisfactionForm({ title: '满意度', aspects: [{ name: 'service', title: '服务群众' }] }),
  ],
  [
    'a satisfaction form on a custom scale without suggestions',
    satisfactionForm({
      title: '满意度',
      suggestions: false,
      scale: [
        { value: 5, text: '非常满意', score: 100, satisfied: true },
        { value: 1, text: '不满意', score: 0, satisfied: false },
      ],
      aspects: [{ name: 'service', title: '服务群众' }],
    }),
  ],
  [
    'a scorecard with bonus and veto',
    scorecardForm({
      title: '考评表',
      dimensions: [
        {
          name: 'organisation',
          title: '基本组织',
          indicators: [
            { name: 'committee', title: '支委会', points: 10, standard: '按期换届得满分' },
          ],
        },
      ],
      bonus: { cap: 5 },
      veto: { title: '是否发生严重违纪' },
    }),
  ],
  [
    'a scorecard without bonus or veto',
    scorecardForm({
      title: '考评表',
      dimensions: [
        { name: 'd', title: '维度', indicators: [{ name: 'i', title: '指标', points: 2.5 }] },
      ],
    }),
  ],
  [
    'a quiz that draws from its bank',
    quizForm({
      title: '知识答卷',
      drawCount: 1,
      questions: [
        { name: 'q1', title: '单选', choices, correctAnswer: 'a' },
        { name: 'q2', title: '多选', choices, correctAnswer: ['b', 3], multiple: true, points: 2 },
      ],
    }),
  ],
  ['a peer appraisal with the default aspects', peerAppraisalForm({ title: '民主评议党员' })],
  ['a peer appraisal without aspects', peerAppraisalForm({ title: '民主评议党员', aspects: [] })],
]

describe('every builder', () => {
  test.each(forms)('makes %s that SurveyJS loads and lints without a finding', (_, json) => {
    const model = expectLoads(json)
    expect(model.getPropertyValue('kind')).toBe(json.kind)
  })

  test('the load check fails on a property SurveyJS does not know', () => {
    const [, json] = forms[0] as [string, FormJson]
    expect(() => expectLoads({ ...json, colour: 'red' })).toThrow()
  })

  test('makes loadable self-check forms and scorecards from any valid input', () => {
    // 'q…' keeps generated names clear of the dimension pages, 'bonus' and reserved names
    const name = fc.stringMatching(/^q[a-z0-9]{0,5}$/)
    const input = fc.uniqueArray(name, { minLength: 2, maxLength: 12 }).chain((names) =>
      fc.integer({ min: 1, max: names.length - 1 }).map((cut) => ({
        dimensions: [names.slice(0, cut), names.slice(cut)].map((items, d) => ({
          name: `dim${d}`,
          title: `维度${d}`,
          items,
        })),
      })),
    )
    fc.assert(
      fc.property(input, fc.boolean(), ({ dimensions }, followUp) => {
        expectLoads(
          selfCheckForm({
            title: '自检',
            followUp,
            dimensions: dimensions.map((d) => ({
              ...d,
              items: d.items.map((item) => ({ name: item, title: item })),
            })),
          }),
        )
        expectLoads(
          scorecardForm({
            title: '考评',
            bonus: { cap: 1 },
            dimensions: dimensions.map((d) => ({
              ...d,
              indicators: d.items.map((item, i) => ({ name: item, title: item, points: i + 1 })),
            })),
          }),
        )
      }),
      { numRuns: 40 },
    )
  })
})
