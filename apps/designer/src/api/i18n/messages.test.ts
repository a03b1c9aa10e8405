import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { reviewEn } from '../../review/i18n/en'
import { reviewZhCN } from '../../review/i18n/zh-CN'
import { apiEn } from './en'
import { apiZhCN } from './zh-CN'

describe('the error and version-diff strings', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    const tables = [
      [apiZhCN, apiEn],
      [reviewZhCN, reviewEn],
    ] as const
    for (const [chinese, english] of tables) {
      for (const [key, text] of Object.entries(chinese)) {
        expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
        expect(en[key as keyof typeof en], key).toBe(english[key as keyof typeof english])
      }
    }
  })
})
