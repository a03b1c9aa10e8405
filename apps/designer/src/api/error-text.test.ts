// The contract's one table of codes, read as it is (never copied): a code added there without a
// sentence here fails this test (and the designer's typecheck, see error-codes.ts).
import { ERROR_CODES } from '@yardstick/contract/errors'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { translator } from '../i18n/translate'
import { zhCN } from '../i18n/zh-CN'
import { ApiError } from './client'
import { errorText, issuesOf, issueText } from './error-text'

const zh = translator()
const english = translator(en)
const HAN = /\p{Script=Han}/u
const table = (locale: 'zh-CN' | 'en') => (locale === 'en' ? en : zhCN) as Record<string, string>

describe('the sentence for every API error code', () => {
  const codes = [...ERROR_CODES, 'network']

  it.each(codes)('says %s in Chinese and in English', (code) => {
    const chinese = table('zh-CN')[`apiError.${code}`]
    const inEnglish = table('en')[`apiError.${code}`]
    expect(chinese, `zh-CN apiError.${code}`).toMatch(HAN)
    expect(inEnglish, `en apiError.${code}`).toMatch(/[a-z]{3}/)
    expect(inEnglish).not.toMatch(HAN)
  })

  it('is chosen by the code, never the server’s English message', () => {
    for (const code of ERROR_CODES) {
      const error = new ApiError(400, code, 'Server prose that must not show', { issues: [] })
      const text = errorText(error, zh, 'zh-CN')
      expect(text, code).toMatch(HAN)
      expect(text).not.toContain('Server prose')
      expect(errorText(error, english, 'en')).not.toMatch(HAN)
    }
  })

  it('falls back, for a code the designer does not know, to a sentence in the reader’s language naming the code', () => {
    const error = new ApiError(418, 'teapotRefused', 'I am a teapot')
    expect(errorText(error, zh, 'zh-CN')).toBe('操作未完成（错误代码：teapotRefused）。')
    expect(errorText(error, english, 'en')).toBe('The request failed (error code: teapotRefused).')
  })

  it('says something general, in the reader’s language, for what is not an API error', () => {
    const text = errorText(new TypeError('Cannot read properties of undefined'), zh, 'zh-CN')
    expect(text).toMatch(HAN)
    expect(text).not.toContain('undefined')
    expect(errorText(new ApiError(0, 'network', 'Failed to fetch'), zh, 'zh-CN')).toBe(
      '无法连接服务器，请检查网络后重试。',
    )
  })

  it('fills in the details that help: the states of a refused step, the counts, an archived form', () => {
    const step = new ApiError(409, 'invalidTransition', 'A self-check that is draft …', {
      from: 'draft',
      to: 'announced',
    })
    expect(errorText(step, zh, 'zh-CN')).toBe('当前状态为“草稿”，不能变为“已通报”。')
    expect(errorText(step, english, 'en')).toBe(
      'It is “Draft” now, so it cannot become “Announced”.',
    )
    const evidence = new ApiError(409, 'invalidTransition', '…', {
      from: 'open',
      to: 'fixed',
      missing: ['evidence'],
    })
    expect(errorText(evidence, zh, 'zh-CN')).toBe(
      '当前状态下不能进行这一步，请刷新页面后查看最新状态。',
    )
    const campaign = new ApiError(409, 'invalidTransition', '…', { from: 'closed', to: 'open' })
    expect(errorText(campaign, zh, 'zh-CN')).toBe('当前状态为“已结束”，不能变为“进行中”。')
    const locked = new ApiError(409, 'responsesExist', '…', { responses: 12, selfChecks: 0 })
    expect(errorText(locked, zh, 'zh-CN')).toContain('已收到 12 份答卷')
    const begun = new ApiError(409, 'responsesExist', '…', { responses: 0, selfChecks: 3 })
    expect(errorText(begun, english, 'en')).toContain('3 branches have begun')
    const archived = new ApiError(409, 'conflict', 'Form 3 is archived', { archivedAt: 'x' })
    expect(errorText(archived, zh, 'zh-CN')).toBe('这份表单已归档：取消归档后才能修改。')
  })

  it('words a refusal of the organisation tree by its rule, and a duplicate code with the code', () => {
    const cycle = new ApiError(409, 'treeRule', '…', { rule: 'cycle' })
    expect(errorText(cycle, zh, 'zh-CN')).toBe('不能把组织移到它自己或它的下级组织之下。')
    expect(errorText(cycle, english, 'en')).toContain('cannot move under itself')
    const unknownRule = new ApiError(409, 'treeRule', '…', { rule: 'somethingNew' })
    expect(errorText(unknownRule, zh, 'zh-CN')).toBe('这项修改会破坏组织树的结构，未执行。')
    const taken = new ApiError(409, 'conflict', '…', { rule: 'duplicateCode', orgCode: '0301' })
    expect(errorText(taken, zh, 'zh-CN')).toBe('同一党委下已有组织使用编码“0301”，编码不能重复。')
  })

  it('words refused answers with the SDK’s own messages in the reader’s language, by question title', () => {
    const refused = new ApiError(422, 'invalidAnswers', 'The answers are not valid: …', {
      errors: [
        { question: 'study', code: 'required', message: '必答题“study”未作答' },
        {
          question: 'score',
          code: 'outOfRange',
          message: '…',
          params: { value: 12, min: 0, max: 10 },
        },
      ],
    })
    const titles = { study: '是否经常学习', score: '考评得分' } as Record<string, string>
    const questionTitle = (name: string) => titles[name] ?? name
    expect(errorText(refused, zh, 'zh-CN', { questionTitle })).toBe(
      '答卷有 2 处未通过校验：必答题“是否经常学习”未作答；题目“考评得分”的分值 12 超出范围 [0, 10]',
    )
    expect(errorText(refused, english, 'en', { questionTitle })).toBe(
      '2 answers were not accepted: "是否经常学习" is required; 12 is outside [0, 10] for "考评得分"',
    )
  })
})

describe('the sentence for one field of a refused request', () => {
  const issue = (fields: Record<string, unknown>) => fields as Parameters<typeof issueText>[0]

  it('words zod’s issues with their figures, in both languages', () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ code: 'too_small', origin: 'string', minimum: 1 }, '不能为空', 'Must not be empty'],
      [
        { code: 'too_big', origin: 'string', maximum: 200 },
        '最多 200 个字',
        'At most 200 characters',
      ],
      [
        { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
        '必须大于 0',
        'Must be more than 0',
      ],
      [{ code: 'too_big', origin: 'number', maximum: 100 }, '不能大于 100', 'Must be at most 100'],
      [{ code: 'too_small', origin: 'array', minimum: 1 }, '至少需要一项', 'Needs at least one'],
      [
        { code: 'invalid_type', expected: 'number', received: 'string' },
        '应为数字',
        'Must be a number',
      ],
      [{ code: 'invalid_type', expected: 'string', received: 'undefined' }, '必填', 'Required'],
      [
        { code: 'invalid_format', format: 'datetime' },
        '日期时间格式不正确',
        'Not a valid date and time',
      ],
      [
        { code: 'invalid_value', values: ['monthly'] },
        '不是可选的值',
        'Not one of the allowed values',
      ],
      [
        { code: 'custom', message: 'not a real calendar date' },
        '此项未通过校验',
        'This value is not accepted',
      ],
      [
        { message: 'closesAt must be after opensAt' },
        '此项未通过校验',
        'This value is not accepted',
      ],
    ]
    for (const [fields, chinese, inEnglish] of cases) {
      expect(issueText(issue(fields), zh), JSON.stringify(fields)).toBe(chinese)
      expect(issueText(issue(fields), english)).toBe(inEnglish)
    }
  })

  it('says what its error’s code means for a field when the issue has no code of its own', () => {
    expect(issueText(issue({ path: 'sources.0.weight', message: '…' }), zh, 'responsesExist')).toBe(
      '已有答卷，不能再修改',
    )
  })

  it('reads the issues from an error’s details, and none from anything else', () => {
    const error = new ApiError(400, 'invalidBody', '…', {
      issues: [{ path: 'name', code: 'too_small', origin: 'string', minimum: 1 }],
    })
    expect(issuesOf(error).map((i) => i.path)).toEqual(['name'])
    expect(errorText(error, zh, 'zh-CN')).toBe('提交的内容有 1 处不符合要求，请按提示修改。')
    expect(issuesOf(new Error('x'))).toEqual([])
    expect(issuesOf(new ApiError(404, 'notFound', '…'))).toEqual([])
  })
})
