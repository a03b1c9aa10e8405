import { describe, expect, it } from 'vitest'
import { csvField, csvLine, neutralise, unneutralise } from './cells'

describe('neutralise', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    [' =1+1', "' =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['  \n @SUM(A1)', "'  \n @SUM(A1)"],
    ['\u3000-2+3', "'\u3000-2+3"],
  ])('prefixes %j, which a spreadsheet would run as a formula, with a quote', (text, safe) => {
    expect(neutralise(text)).toBe(safe)
  })

  it('leaves ordinary text alone, including formula characters later in the text', () => {
    expect(neutralise('满意')).toBe('满意')
    expect(neutralise('a=b, c+d')).toBe('a=b, c+d')
    expect(neutralise('')).toBe('')
    expect(neutralise(' 满意 = 好')).toBe(' 满意 = 好')
  })
})

describe('unneutralise', () => {
  it('takes back exactly the quote neutralise added, so an export re-imports as it was', () => {
    for (const text of ['=1+1', ' =1+1', '\n@x', '\tcmd', '-第一支部', '满意', "'引号", "'"]) {
      expect(unneutralise(neutralise(text))).toBe(text)
    }
    expect(unneutralise("'引号")).toBe("'引号")
  })
})

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""')
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
  })

  it('neutralises before quoting, so a quoted formula still starts with the quote mark', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
  })

  it('writes numbers as numbers (a negative number is not text) and nothing as empty', () => {
    expect(csvField(-2.5)).toBe('-2.5')
    expect(csvField(null)).toBe('')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('ends every record with CRLF', () => {
    expect(csvLine(['支部', 1, null])).toBe('支部,1,\r\n')
  })
})
