import { describe, expect, it } from 'vitest'
import { inSheets, SLIPS_PER_SHEET } from './sheets'

describe('printed sheets', () => {
  it('put eight token slips on a page, the rest on the next', () => {
    const tokens = Array.from({ length: 17 }, (_, i) => `T${i}`)
    const sheets = inSheets(tokens, SLIPS_PER_SHEET.tokens)
    expect(sheets.map((sheet) => sheet.length)).toEqual([8, 8, 1])
    expect(sheets.flat()).toEqual(tokens)
  })

  it('make no page of nothing', () => {
    expect(inSheets([], SLIPS_PER_SHEET.links)).toEqual([])
  })
})
