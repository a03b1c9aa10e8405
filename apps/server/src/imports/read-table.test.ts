import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../http/errors'
import { readTable, type TableColumn, tableFormat } from './read-table'

const COLUMNS: TableColumn<'code' | 'name' | 'type'>[] = [
  { key: 'code', headers: ['编码', 'code'] },
  { key: 'name', headers: ['名称', '支部名称', 'name'], required: true },
  { key: 'type', headers: ['支部类型', 'type'] },
]
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('readTable', () => {
  it('reads a UTF-8 CSV with a BOM and Chinese headers, numbering rows as the sheet does', async () => {
    const { rows, ignoredHeaders } = await readTable(
      utf8('\uFEFF编码, 支部名称 ,备注\nD1,第一党支部,x\n\n"D2","第二, 党支部",\n'),
      'csv',
      COLUMNS,
    )
    expect(rows).toEqual([
      { row: 2, cells: { code: 'D1', name: '第一党支部' } },
      { row: 4, cells: { code: 'D2', name: '第二, 党支部' } },
    ])
    expect(ignoredHeaders).toEqual(['备注'])
  })

  it('reads a CSV saved in GB18030 by Excel without mojibake', async () => {
    // 名称 / 第一党支部 in GB18030.
    const gbk = Uint8Array.from([
      0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xb5, 0xda, 0xd2, 0xbb, 0xb5, 0xb3, 0xd6, 0xa7, 0xb2, 0xbf,
      0x0a,
    ])
    const { rows } = await readTable(gbk, 'csv', COLUMNS)
    expect(rows).toEqual([{ row: 2, cells: { name: '第一党支部' } }])
  })

  it('reads the first sheet of an XLSX', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('支部')
    sheet.addRow(['Name', 'Type', 'Code'])
    sheet.addRow(['第一党支部', 'organ', 'D1'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(tableFormat(undefined, bytes)).toBe('xlsx')
    const { rows } = await readTable(bytes, 'xlsx', COLUMNS)
    expect(rows).toEqual([{ row: 2, cells: { name: '第一党支部', type: 'organ', code: 'D1' } }])
  })

  it('refuses a file without a required column, naming the headers it looks for', async () => {
    const error = await readTable(utf8('编码\nD1\n'), 'csv', COLUMNS).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).details).toEqual({
      issues: [
        { path: 'columns.name', message: 'No column headed "名称" or "支部名称" or "name"' },
      ],
    })
  })

  it('refuses an empty file and bytes that are not a workbook', async () => {
    await expect(readTable(utf8(''), 'csv', COLUMNS)).rejects.toThrow(/empty/)
    await expect(readTable(utf8('PK not a zip'), 'xlsx', COLUMNS)).rejects.toThrow(/XLSX/)
  })
})
