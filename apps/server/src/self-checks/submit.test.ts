import type { Problem } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { rectificationOf } from './submit'
import type { SelfCheckRow } from './view'

const selfCheck = { id: 5, campaignId: 2, unitId: 17 } as SelfCheckRow

describe('rectificationOf', () => {
  it('takes note, measure, owner and deadline from the problem’s follow-up entry', () => {
    const problem: Problem = {
      question: 'partyDues',
      title: '是否按时交纳党费',
      answer: 'no',
      note: '个别党员迟交',
      details: {
        description: ' 个别党员迟交 ',
        measure: '逐一提醒',
        owner: '李委员',
        deadline: '2025-06-30',
      },
    }
    expect(rectificationOf(problem, selfCheck)).toEqual({
      campaignId: 2,
      unitId: 17,
      selfCheckId: 5,
      question: 'partyDues',
      title: '是否按时交纳党费',
      note: '个别党员迟交',
      measure: '逐一提醒',
      owner: '李委员',
      deadline: '2025-06-30',
    })
  })

  it('leaves out what the entry lacks, and a deadline that is not a real date', () => {
    const problem: Problem = {
      question: 'q',
      title: 'Q',
      answer: 'no',
      details: { measure: '', deadline: '下个月' },
    }
    expect(rectificationOf(problem, selfCheck)).toMatchObject({
      note: null,
      measure: null,
      owner: null,
      deadline: null,
    })
  })
})
