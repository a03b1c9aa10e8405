import { describe, expect, it } from 'vitest'
import { en } from './en'
import { interpolate, translator } from './translate'
import { zhCN } from './zh-CN'

describe('translate', () => {
  it('speaks zh-CN by default and English with the English table', () => {
    expect(translator()('forms.total', { n: 3 })).toBe('共 3 份')
    expect(translator(en)('forms.total', { n: 3 })).toBe('3 forms')
  })

  it('keeps placeholders it has no value for', () => {
    expect(interpolate("例如 {theoryStudy} = 'no'", { n: 1 })).toBe("例如 {theoryStudy} = 'no'")
  })

  it('gives every key the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>) {
      expect(names(en[key]), key).toEqual(names(zhCN[key]))
    }
  })
})
