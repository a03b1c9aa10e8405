import {
  ORG_IMPORT_ISSUE_CODES,
  ORG_TABLE_HEADERS,
  USER_IMPORT_ISSUE_CODES,
  USER_TABLE_HEADERS,
} from '@yardstick/contract'
import { describe, expect, it } from 'vitest'
import { accountEn } from '../../account/i18n/en'
import { accountZhCN } from '../../account/i18n/zh-CN'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { ORG_COLUMNS } from '../OrgImportPage'
import { PEOPLE_COLUMNS } from '../PeopleImportPage'
import { adminEn } from './en'
import { adminZhCN } from './zh-CN'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const normalise = (header: string) => header.replace(/[\s\u3000_*（）()]/g, '').toLowerCase()

describe('the admin’s and the account’s strings', () => {
  const tables = [
    [adminZhCN, adminEn],
    [accountZhCN, accountEn],
  ] as const

  it('reach the designer’s tables unshadowed by another table’s key of the same name', () => {
    for (const [zh, english] of tables) {
      for (const [key, text] of Object.entries(zh)) {
        expect(zhCN[key as keyof typeof zhCN], key).toBe(text)
        expect(en[key as keyof typeof en], key).toBe(english[key as keyof typeof english])
      }
    }
  })

  it('have the same placeholders in both languages', () => {
    for (const [zh, english] of tables) {
      for (const [key, text] of Object.entries(zh)) {
        expect(placeholders(english[key as keyof typeof english]), key).toEqual(placeholders(text))
      }
    }
  })

  it('head the unit template’s columns as the import reads them, in both languages', () => {
    for (const table of [adminZhCN, adminEn]) {
      for (const column of ORG_COLUMNS) {
        const header = table[`orgImport.column.${column}`]
        const accepted = ORG_TABLE_HEADERS[column].map(normalise)
        expect(accepted, `${column}: ${header}`).toContain(normalise(header))
      }
    }
  })

  it('head the people template’s columns as the import reads them, in both languages', () => {
    for (const table of [adminZhCN, adminEn]) {
      for (const column of PEOPLE_COLUMNS) {
        const header = table[`peopleImport.column.${column}`]
        const accepted = USER_TABLE_HEADERS[column].map(normalise)
        expect(accepted, `${column}: ${header}`).toContain(normalise(header))
      }
    }
  })

  it('word every issue code of both imports', () => {
    for (const code of [...ORG_IMPORT_ISSUE_CODES, ...USER_IMPORT_ISSUE_CODES]) {
      expect(Object.hasOwn(adminZhCN, `importIssue.${code}`), code).toBe(true)
    }
  })
})
