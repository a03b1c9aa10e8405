import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { translator } from '../../i18n/translate'
import { changeLabel, localeLabel, valueText } from './diff-text'

const zh = translator()
const english = translator(en)

describe('a version diff line as people read it', () => {
  it('names a localised text’s property and language, in the reader’s language', () => {
    expect(changeLabel({ property: 'title', locale: 'default' }, zh)).toBe('标题（中文）')
    expect(changeLabel({ property: 'title', locale: 'en' }, zh)).toBe('标题（English）')
    expect(changeLabel({ property: 'description', locale: 'en' }, english)).toBe(
      'Description (English)',
    )
    expect(changeLabel({ property: 'pages.p1.title', locale: 'default' }, zh)).toBe(
      '页面“p1”的标题（中文）',
    )
  })

  it('names other properties as the properties panel does, an unknown one as SurveyJS does', () => {
    expect(changeLabel({ property: 'isRequired' }, zh)).toBe('必答')
    expect(changeLabel({ property: 'page' }, english)).toBe('Page')
    expect(changeLabel({ property: 'startWithNewLine' }, zh)).toBe('startWithNewLine')
    expect(localeLabel('zh-cn', zh)).toBe('中文（zh-cn）')
    expect(localeLabel('fr', zh)).toBe('fr')
  })

  it('shows texts as text, never JSON: a localised object in the reader’s language, none as a dash', () => {
    expect(valueText('旧标题', zh, 'zh-CN')).toBe('旧标题')
    expect(valueText(null, zh, 'zh-CN')).toBe('（无）')
    expect(valueText({ default: '满意', en: 'Satisfied' }, zh, 'zh-CN')).toBe('满意')
    expect(valueText({ default: '满意', en: 'Satisfied' }, english, 'en')).toBe('Satisfied')
    expect(valueText(true, zh, 'zh-CN')).toBe('是')
    expect(valueText(['p1', 'p2'], zh, 'zh-CN')).toBe('p1、p2')
  })

  it('shows choices by their texts, values and scores', () => {
    const choices = [
      { value: 'yes', text: { default: '是', en: 'Yes' }, score: 1 },
      { value: 'no', text: '否' },
    ]
    expect(valueText(choices, zh, 'zh-CN')).toBe('是（yes，1 分）、否（no）')
    expect(valueText(choices, english, 'en')).toBe('Yes (yes, 1 pt), 否 (no)')
    expect(valueText({ and: ['a'] }, zh, 'zh-CN')).toBe('{"and":["a"]}')
  })
})
