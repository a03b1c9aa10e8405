import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import { UTF8_BOM } from '../src/exports/csv-stream'

/** A small RFC 4180 reader, enough for what the exports write. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[++i]
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field])
      row = []
      field = ''
      i++
    } else field += char
  }
  return rows
}

/** The text of a CSV download after checking, and dropping, its UTF-8 BOM (EF BB BF). */
export async function csvRows(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parseCsv(
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(UTF8_BOM.length),
  )
}

/** The first worksheet of an XLSX download, as rows of cell values. */
export async function readXlsx(response: Response): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
  const rows: (string | number | null)[][] = []
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1)
    rows.push(values.map((v) => (v === undefined ? null : (v as string | number))))
  })
  return rows
}
