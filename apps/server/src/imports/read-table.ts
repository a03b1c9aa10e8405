import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { AppError } from '../http/errors'

/** One column an import reads: its key and every header offices write for it (zh-CN and en). */
export interface TableColumn<K extends string> {
  key: K
  headers: readonly string[]
  required?: boolean
}

/** One data row: its number as the spreadsheet shows it (header = row 1) and its cells by key. */
export interface TableRow<K extends string> {
  row: number
  cells: Partial<Record<K, string>>
}

export type TableFormat = 'csv' | 'xlsx'

/** Rows beyond this are refused whole: a file of 6,280 branches is far below it. */
export const MAX_IMPORT_ROWS = 50_000

const normalise = (header: string) => header.replace(/[\s\u3000_*（）()]/g, '').toLowerCase()

/**
 * The format of an uploaded spreadsheet from its content type or, failing that, its bytes
 * (an XLSX file is a zip: it starts with `PK`).
 *
 * @example
 * tableFormat('text/csv', bytes) // 'csv'
 */
export function tableFormat(contentType: string | undefined, bytes: Uint8Array): TableFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type.includes('spreadsheetml') || type === 'application/vnd.ms-excel') return 'xlsx'
  if (type === 'text/csv' || type === 'text/plain') return 'csv'
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv'
}

/**
 * Reads a CSV (UTF-8, with or without BOM, or GB18030 as Excel saves it on Chinese Windows) or
 * the first sheet of an XLSX into rows keyed by column, matching headers in any case, width or
 * spacing against each column's aliases. A missing required column or an empty file is a 400
 * naming it; unknown columns are ignored and listed.
 *
 * @example
 * const { rows } = await readTable(bytes, 'csv', [{ key: 'name', headers: ['名称', 'name'], required: true }])
 */
export async function readTable<K extends string>(
  bytes: Uint8Array,
  format: TableFormat,
  columns: readonly TableColumn<K>[],
): Promise<{ rows: TableRow<K>[]; ignoredHeaders: string[] }> {
  const grid = format === 'xlsx' ? await xlsxGrid(bytes) : csvGrid(bytes)
  const [header, ...body] = grid
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new AppError('invalidBody', 'The file is empty: its first row must name the columns', {
      issues: [{ path: 'file', message: 'No header row' }],
    })
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'invalidBody',
      `The file has ${body.length} rows; at most ${MAX_IMPORT_ROWS}`,
      {
        issues: [{ path: 'file', message: `More than ${MAX_IMPORT_ROWS} rows` }],
      },
    )
  }
  const index = new Map<K, number>()
  const ignoredHeaders: string[] = []
  header.forEach((cell, i) => {
    const column = columns.find((c) => c.headers.some((h) => normalise(h) === normalise(cell)))
    if (column && !index.has(column.key)) index.set(column.key, i)
    else if (cell.trim() !== '') ignoredHeaders.push(cell.trim())
  })
  const missing = columns.filter((c) => c.required && !index.has(c.key))
  if (missing.length > 0) {
    throw new AppError(
      'invalidBody',
      `Missing columns: ${missing.map((c) => c.headers[0]).join(', ')}`,
      {
        issues: missing.map((c) => ({
          path: `columns.${c.key}`,
          message: `No column headed ${c.headers.map((h) => `"${h}"`).join(' or ')}`,
        })),
      },
    )
  }
  const rows: TableRow<K>[] = []
  body.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return
    const row: TableRow<K> = { row: i + 2, cells: {} }
    for (const [key, at] of index) {
      const value = cells[at]?.trim() ?? ''
      if (value !== '') row.cells[key] = value
    }
    rows.push(row)
  })
  return { rows, ignoredHeaders }
}

function csvGrid(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes)
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records
  } catch (error) {
    throw new AppError('invalidBody', `The CSV file cannot be read: ${(error as Error).message}`, {
      issues: [{ path: 'file', message: (error as Error).message }],
    })
  }
  // Placed by line number, so a row keeps the number a spreadsheet shows even after blank lines.
  const grid: string[][] = []
  for (const { record, info } of records) grid[info.lines - 1] = record
  return Array.from(grid, (row) => row ?? [])
}

// Excel on Chinese Windows saves "CSV" in GB18030 (GBK); anything that is not valid UTF-8 is read
// as that, so 名称 never arrives as mojibake.
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

async function xlsxGrid(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (error) {
    throw new AppError('invalidBody', `The XLSX file cannot be read: ${(error as Error).message}`, {
      issues: [{ path: 'file', message: 'Not an XLSX workbook' }],
    })
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const grid: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? ''
    })
    grid[number - 1] = Array.from(cells, (cell) => cell ?? '')
  })
  return Array.from(grid, (row) => row ?? [])
}
