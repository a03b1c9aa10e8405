import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { dimensionsEn } from './dimensions-en'
import { dimensionsZhCN } from './dimensions-zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the strings of dimension results and common problems', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(dimensionsZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(dimensionsEn[key as keyof typeof dimensionsEn])
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(dimensionsZhCN)) {
      expect(placeholders(dimensionsEn[key as keyof typeof dimensionsEn]), key).toEqual(
        placeholders(text),
      )
    }
  })
})
