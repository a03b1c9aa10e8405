import type { FormJson } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { diffForms } from './diff'

const yesNo = (yes: number) => [
  { value: 'yes', text: '是', score: yes },
  { value: 'no', text: '否', score: 0, problem: true },
]

const before: FormJson = {
  title: '自查表',
  kind: 'selfCheck',
  pages: [
    {
      name: 'p1',
      title: '政治功能强',
      elements: [
        { type: 'radiogroup', name: 'study', title: '是否经常学习', choices: yesNo(1) },
        { type: 'radiogroup', name: 'dues', title: '是否按时交纳党费', choices: yesNo(1) },
        {
          type: 'panel',
          name: 'box',
          elements: [{ type: 'comment', name: 'note', title: '说明' }],
        },
      ],
    },
    { name: 'p2', elements: [{ type: 'text', name: 'moved', title: '联系人' }] },
  ],
}

describe('diffForms', () => {
  it('finds nothing between a form and itself, whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify(before, Object.keys(before).reverse()))
    expect(diffForms(before, structuredClone(before))).toEqual({
      added: [],
      removed: [],
      changed: [],
      form: [],
    })
    expect(diffForms(before, { ...reordered, pages: before.pages }).form).toEqual([])
  })

  it('reports an added and a removed question with their type and title', () => {
    const after = structuredClone(before)
    const page = after.pages?.[0]
    if (!page?.elements) throw new Error('fixture')
    page.elements.splice(1, 1, { type: 'boolean', name: 'talks', title: '是否开展谈心谈话' })
    const diff = diffForms(before, after)
    expect(diff.added).toEqual([{ name: 'talks', type: 'boolean', title: '是否开展谈心谈话' }])
    expect(diff.removed).toEqual([{ name: 'dues', type: 'radiogroup', title: '是否按时交纳党费' }])
    expect(diff.changed).toEqual([])
  })

  it('reports a changed choice score as the whole choices list before and after', () => {
    const after = structuredClone(before)
    const study = after.pages?.[0]?.elements?.[0]
    if (!study) throw new Error('fixture')
    study.choices = yesNo(2)
    expect(diffForms(before, after).changed).toEqual([
      { name: 'study', changes: [{ property: 'choices', before: yesNo(1), after: yesNo(2) }] },
    ])
  })

  it('reports a localised title that changed per language, as texts, beside other properties', () => {
    const after = structuredClone(before)
    const dues = after.pages?.[0]?.elements?.[1]
    if (!dues) throw new Error('fixture')
    dues.title = { default: '是否按月交纳党费', en: 'Dues paid monthly?' }
    dues.isRequired = true
    expect(diffForms(before, after).changed).toEqual([
      {
        name: 'dues',
        changes: [
          { property: 'isRequired', before: null, after: true },
          {
            property: 'title',
            locale: 'default',
            before: '是否按时交纳党费',
            after: '是否按月交纳党费',
          },
          { property: 'title', locale: 'en', before: null, after: 'Dues paid monthly?' },
        ],
      },
    ])
  })

  it('lists only the languages that changed, the form’s own first, and a text removed as null', () => {
    const was: FormJson = {
      description: { default: '说明', en: 'Notes', 'zh-cn': '说明' },
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: { en: 'A', fr: 'A' } }] }],
    }
    const is: FormJson = {
      description: { default: '说明', en: 'About', 'zh-cn': '简介' },
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: '甲' }] }],
    }
    const diff = diffForms(was, is)
    expect(diff.form).toEqual([
      { property: 'description', locale: 'zh-cn', before: '说明', after: '简介' },
      { property: 'description', locale: 'en', before: 'Notes', after: 'About' },
    ])
    expect(diff.changed).toEqual([
      {
        name: 'a',
        changes: [
          { property: 'title', locale: 'default', before: null, after: '甲' },
          { property: 'title', locale: 'en', before: 'A', after: null },
          { property: 'title', locale: 'fr', before: 'A', after: null },
        ],
      },
    ])
  })

  it('keeps two plain strings one change, and an object that is not a text whole', () => {
    const was: FormJson = {
      pages: [
        {
          name: 'p',
          elements: [{ type: 'multipletext', name: 'm', title: '甲', defaultValue: { q1: 'x' } }],
        },
      ],
    }
    const is: FormJson = {
      pages: [
        {
          name: 'p',
          elements: [{ type: 'multipletext', name: 'm', title: '乙', defaultValue: { q1: 'y' } }],
        },
      ],
    }
    expect(diffForms(was, is).changed).toEqual([
      {
        name: 'm',
        changes: [
          { property: 'defaultValue', before: { q1: 'x' }, after: { q1: 'y' } },
          { property: 'title', before: '甲', after: '乙' },
        ],
      },
    ])
  })

  it('reports a question moved to another page or out of a panel as a page or parent change', () => {
    const after = structuredClone(before)
    const [p1, p2] = after.pages ?? []
    if (!p1?.elements || !p2?.elements) throw new Error('fixture')
    const moved = p2.elements.pop()
    const panel = p1.elements.pop()
    if (!moved || !panel?.elements) throw new Error('fixture')
    p1.elements.push(moved, ...panel.elements, { ...panel, elements: [] })
    const diff = diffForms(before, after)
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toEqual([
      { name: 'moved', changes: [{ property: 'page', before: 'p2', after: 'p1' }] },
      { name: 'note', changes: [{ property: 'parent', before: 'box', after: null }] },
    ])
  })

  it('puts survey-level and page-level changes in form, not in questions', () => {
    const after = structuredClone(before)
    after.title = '自检自查表'
    after.bonusCap = 5
    const p1 = after.pages?.[0]
    if (!p1) throw new Error('fixture')
    p1.title = '政治功能'
    after.pages?.push({ name: 'p3', elements: [] })
    expect(diffForms(before, after).form).toEqual([
      { property: 'bonusCap', before: null, after: 5 },
      { property: 'title', before: '自查表', after: '自检自查表' },
      { property: 'pages', before: ['p1', 'p2'], after: ['p1', 'p2', 'p3'] },
      { property: 'pages.p1.title', before: '政治功能强', after: '政治功能' },
    ])
  })

  it('reads a form of top-level elements as one page named page1', () => {
    const flat: FormJson = { elements: [{ type: 'text', name: 'a' }] }
    const paged: FormJson = { pages: [{ elements: [{ type: 'text', name: 'a' }] }] }
    expect(diffForms(flat, paged)).toEqual({ added: [], removed: [], changed: [], form: [] })
  })
})
