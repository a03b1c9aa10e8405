import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { officeEn } from './office-en'
import { officeZhCN } from './office-zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the office’s campaign strings', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(officeZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(officeEn[key as keyof typeof officeEn])
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(officeZhCN)) {
      expect(placeholders(officeEn[key as keyof typeof officeEn]), key).toEqual(placeholders(text))
    }
  })
})
