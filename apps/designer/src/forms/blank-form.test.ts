import { templates } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { blankForm } from './blank-form'

const words = { yes: '是', no: '否' }

describe('a form version as a blank paper form', () => {
  it('prints every question of the self-check with its choices as boxes, pages as headings', () => {
    const items = blankForm(templates.selfCheck, 'zh-CN', words)
    const questions = items.filter((item) => item.kind !== 'heading')
    const names = (templates.selfCheck.pages ?? []).flatMap((page) =>
      (page.elements ?? []).map((element) => element.name),
    )
    expect(questions.map((item) => item.name)).toEqual(names)
    const first = questions[0]
    expect(first?.kind).toBe('choices')
    if (first?.kind === 'choices') expect(first.choices.length).toBeGreaterThanOrEqual(2)
    expect(items.some((item) => item.kind === 'heading' && item.level === 2)).toBe(true)
  })

  it('turns each kind of question into what is filled in by hand', () => {
    const items = blankForm(
      {
        title: 'T',
        elements: [
          { type: 'boolean', name: 'dues', title: { default: '按时交纳党费', en: 'Dues paid' } },
          { type: 'rating', name: 'r', rateMin: 1, rateMax: 3 },
          { type: 'checkbox', name: 'c', choices: ['a', { value: 'b', text: 'B' }] },
          { type: 'comment', name: 'note', isRequired: true },
          { type: 'multipletext', name: 'm', items: [{ name: 'x', title: '姓名' }] },
          { type: 'matrix', name: 'grid', rows: ['r1'], columns: ['好', '差'] },
          { type: 'panel', name: 'p', title: '面板', elements: [{ type: 'text', name: 't' }] },
          { type: 'html', name: 'h', html: '<b>x</b>' },
        ],
      },
      'en',
      { yes: 'Yes', no: 'No' },
    )
    expect(items).toEqual([
      expect.objectContaining({ name: 'dues', title: 'Dues paid', choices: ['Yes', 'No'] }),
      expect.objectContaining({ name: 'r', choices: ['1', '2', '3'], multiple: false }),
      expect.objectContaining({ name: 'c', choices: ['a', 'B'], multiple: true }),
      expect.objectContaining({ kind: 'lines', name: 'note', lines: 4, required: true }),
      expect.objectContaining({ kind: 'fields', name: 'm', fields: ['姓名'] }),
      expect.objectContaining({ kind: 'matrix', rows: ['r1'], columns: ['好', '差'] }),
      expect.objectContaining({ kind: 'heading', level: 3, title: '面板' }),
      expect.objectContaining({ kind: 'lines', name: 't', lines: 1 }),
    ])
  })

  it('gives each conditional question its condition, worded with the titles and choices it names', () => {
    const items = blankForm(templates.selfCheck, 'zh-CN', words)
    const entry = items.find((item) => item.kind !== 'heading' && item.name === 'partyDues_problem')
    const dues = items.find((item) => item.kind !== 'heading' && item.name === 'partyDues')
    expect(dues && 'condition' in dues && dues.condition).toBe(null)
    expect(entry?.condition).toEqual({
      join: 'all',
      comparisons: [{ question: dues?.kind === 'choices' && dues.title, op: 'eq', value: '否' }],
    })
    const form = {
      title: 'T',
      elements: [
        { type: 'boolean', name: 'b', title: { default: '是否党员', en: 'Member?' } },
        { type: 'text', name: 'age', inputType: 'number', title: 'Age' },
        { type: 'text', name: 'both', visibleIf: '{b} = true or {age} >= 60' },
        { type: 'text', name: 'odd', visibleIf: 'age({birth}) > 60' },
        { type: 'panel', name: 'p', visibleIf: '{b} notempty', elements: [] },
      ],
    }
    const byName = new Map(
      blankForm(form, 'en', { yes: 'Yes', no: 'No' }).map((item) => [
        item.kind === 'heading' ? item.title : item.name,
        item.condition,
      ]),
    )
    expect(byName.get('both')).toEqual({
      join: 'any',
      comparisons: [
        { question: 'Member?', op: 'eq', value: 'Yes' },
        { question: 'Age', op: 'gte', value: '60' },
      ],
    })
    expect(byName.get('odd')).toEqual({ expression: 'age({birth}) > 60' })
    expect(byName.get('p')).toEqual({
      join: 'all',
      comparisons: [{ question: 'Member?', op: 'notEmpty', value: '' }],
    })
  })
})
