import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { reportEn } from './report-en'
import { reportZhCN } from './report-zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the strings of the results report and blank forms', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(reportZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(reportEn[key as keyof typeof reportEn])
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(reportZhCN)) {
      expect(placeholders(reportEn[key as keyof typeof reportEn]), key).toEqual(placeholders(text))
    }
  })
})
