import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { periodsEn } from './periods-en'
import { periodsZhCN } from './periods-zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the strings of periods and stars', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(periodsZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(periodsEn[key as keyof typeof periodsEn])
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(periodsZhCN)) {
      expect(placeholders(periodsEn[key as keyof typeof periodsEn]), key).toEqual(
        placeholders(text),
      )
    }
  })
})
