import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { en } from '../i18n/en'
import { translator } from '../i18n/translate'
import { keyedPath, previewPolicy, toPolicy } from './policy'
import { policyIssueText } from './policy-text'
import { serverIssuesOf, serverIssueText } from './server-issues'

const zh = translator()
const english = translator(en)
const RAW_KEYS = /\b(self|members|superior|percent|satisfactionRate)\b/

describe('what is wrong with the rules, as people read it', () => {
  it('names the source by its label and a band by its number, never by key or index', () => {
    const weight = { code: 'invalidWeight', path: 'sources.members.weight' }
    expect(policyIssueText(weight, zh)).toBe('党员群众测评的权重必须是大于 0 的数')
    expect(policyIssueText(weight, english)).toBe(
      'The weight of Member and public survey must be a number above 0',
    )
    expect(policyIssueText({ code: 'unorderedBands', path: 'bands.1.min' }, zh)).toBe(
      '各档最低分须从高到低排列：第 2 档须低于上一档',
    )
    expect(policyIssueText({ code: 'someNewRule', path: 'bands' }, zh)).toBe('此项未通过校验')
  })

  it('words the live preview’s refusal from its code, not the SDK’s English', () => {
    const draft = {
      sources: [
        {
          key: 'members' as const,
          answeredBy: 'members' as const,
          labelZh: '',
          labelEn: '',
          panel: [],
          own: false,
          enabled: true,
          formId: 1,
          formVersion: 1,
          weight: '0',
          required: false,
          minResponses: '',
          measure: 'satisfactionRate' as const,
          anonymous: true,
        },
      ],
      bands: [{ min: '0', grade: '达标', stars: '' }],
      quotaGrade: '',
      quotaShare: '',
    }
    const preview = previewPolicy(toPolicy(draft), [])
    if (preview.ok) throw new Error('expected a refusal')
    expect(preview.issue.message).toMatch(/members/)
    const text = policyIssueText(
      { code: preview.issue.code, path: keyedPath(preview.issue.path, ['members']) },
      zh,
    )
    expect(text).toBe('党员群众测评的权重必须是大于 0 的数')
    expect(text).not.toMatch(RAW_KEYS)
  })

  it('places the server’s refusals on their fields, worded in the reader’s language', () => {
    const refused = new ApiError(400, 'invalidBody', 'The request is not valid: …', {
      issues: [
        { path: 'name', code: 'too_small', origin: 'string', minimum: 1, message: 'Too small' },
        { path: 'sources.1.weight', message: 'sources.1.weight = 0: weights must be positive' },
      ],
      policyError: 'invalidWeight',
    })
    const issues = serverIssuesOf(refused, ['self', 'superior'])
    expect(Object.keys(issues)).toEqual(['name', 'sources.superior.weight'])
    const name = issues.name
    const weight = issues['sources.superior.weight']
    if (!name || !weight) throw new Error('expected both fields')
    expect(serverIssueText(weight, zh)).toBe('上级考评的权重必须是大于 0 的数')
    expect(serverIssueText(weight, english)).toBe(
      'The weight of Superior’s evaluation must be a number above 0',
    )
    expect(serverIssueText({ ...name, policyError: undefined }, zh)).toBe('不能为空')
    expect(serverIssuesOf(new Error('offline'), ['self'])).toEqual({})
  })
})
