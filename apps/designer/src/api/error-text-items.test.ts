import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { translator } from '../i18n/translate'
import { ApiError } from './client'
import { errorText } from './error-text'

describe('a refused problem entry', () => {
  const refused = new ApiError(422, 'invalidAnswers', 'The answers are not valid: …', {
    errors: [
      { question: 'partyDues_problem', item: 'owner', code: 'required', message: '…' },
      { question: 'partyDues_problem', item: 'deadline', code: 'required', message: '…' },
    ],
  })
  const questionTitle = () => '问题清单'
  const itemTitle = (_: string, item: string) =>
    ({ owner: '责任人', deadline: '整改时限' })[item] ?? item

  it('names the question and each missing item by their titles, in the reader’s language', () => {
    expect(errorText(refused, translator(), 'zh-CN', { questionTitle, itemTitle })).toBe(
      '答卷有 2 处未通过校验：必答题“问题清单”的“责任人”未填写；必答题“问题清单”的“整改时限”未填写',
    )
    expect(errorText(refused, translator(en), 'en', { questionTitle })).toBe(
      '2 answers were not accepted: "owner" of "问题清单" is required; "deadline" of "问题清单" is required',
    )
  })
})
