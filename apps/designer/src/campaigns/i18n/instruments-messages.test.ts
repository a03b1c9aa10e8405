import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { instrumentsEn } from './instruments-en'
import { instrumentsZhCN } from './instruments-zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the strings of instruments per branch type', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(instrumentsZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(instrumentsEn[key as keyof typeof instrumentsEn])
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(instrumentsZhCN)) {
      expect(placeholders(instrumentsEn[key as keyof typeof instrumentsEn]), key).toEqual(
        placeholders(text),
      )
    }
  })
})
