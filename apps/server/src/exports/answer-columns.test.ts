import { templates } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { answerColumns } from './answer-columns'

describe('answerColumns', () => {
  it('gives each question a column titled in Chinese, choices shown as their text', () => {
    const columns = answerColumns(templates.satisfaction)
    expect(columns).toHaveLength(11)
    expect(columns[0]?.header).toMatch(/^政治理论学习/)
    expect(columns[0]?.cell({ theoryStudy: 'basic' })).toBe('基本满意')
    expect(columns[10]?.cell({ suggestions: '多开展活动' })).toBe('多开展活动')
    expect(columns[0]?.cell({})).toBeNull()
  })

  it('spreads a multiple-text question over one column per item', () => {
    const columns = answerColumns(templates.selfCheck)
    const problem = columns.filter((c) => c.header.startsWith('问题清单'))
    expect(problem.slice(0, 4).map((c) => c.header.split('·')[1])).toEqual([
      '问题描述（theoryStudy_problem）',
      '整改措施（theoryStudy_problem）',
      '责任人（theoryStudy_problem）',
      '整改时限（theoryStudy_problem）',
    ])
    const answers = { theoryStudy_problem: { description: '学习不经常', owner: '张三' } }
    expect(problem.slice(0, 3).map((c) => c.cell(answers))).toEqual(['学习不经常', null, '张三'])
  })

  it('follows each deduction and veto item with the reason given for it', () => {
    const columns = answerColumns(templates.scorecard)
    const headers = columns.map((c) => c.header)
    const at = headers.indexOf('负面清单扣分（最多扣10分）')
    expect(headers[at + 1]).toBe('负面清单扣分（最多扣10分）·理由')
    expect(headers.at(-1)).toMatch(/^一票否决.*·理由$/)
    const answers = { deduction: 2, 'deduction-Comment': '通报批评一次', veto: 'no' }
    expect(columns[at]?.cell(answers)).toBe(2)
    expect(columns[at + 1]?.cell(answers)).toBe('通报批评一次')
    expect(columns.at(-1)?.cell(answers)).toBeNull()
    expect(answerColumns(templates.satisfaction).some((c) => c.header.endsWith('·理由'))).toBe(
      false,
    )
  })

  it('joins checkbox texts, shows booleans as 是/否, matrix rows apart, and other objects as JSON', () => {
    const columns = answerColumns({
      elements: [
        {
          type: 'checkbox',
          name: 'topics',
          title: '主题',
          choices: [{ value: 1, text: '党章' }, 2],
        },
        { type: 'boolean', name: 'attended', title: '参加' },
        {
          type: 'matrix',
          name: 'grid',
          title: '评价',
          rows: [{ value: 'a', text: '甲' }, 'b'],
          columns: [{ value: 'good', text: '好' }],
        },
        { type: 'paneldynamic', name: 'list', title: '名单' },
      ],
    })
    expect(columns.map((c) => c.header)).toEqual(['主题', '参加', '评价·甲', '评价·b', '名单'])
    const answers = { topics: [1, 2], attended: false, grid: { a: 'good' }, list: [{ x: 1 }] }
    expect(columns.map((c) => c.cell(answers))).toEqual(['党章、2', '否', '好', null, '[{"x":1}]'])
  })
})
