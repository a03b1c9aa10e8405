import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { campaignsEn } from './en'
import { campaignsZhCN } from './zh-CN'

describe('the campaign pages’ strings', () => {
  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [key, text] of Object.entries(campaignsZhCN)) {
      expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
      expect(en[key as keyof typeof en], key).toBe(campaignsEn[key as keyof typeof campaignsEn])
    }
  })
})
