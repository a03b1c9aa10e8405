import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { type CellValue, safeCell } from './cells'

/** One column of a worksheet: its header and width in characters. */
export interface XlsxColumn {
  header: string
  width?: number
}

/**
 * Streams an XLSX workbook of one worksheet with exceljs's streaming writer: each row is
 * committed as it is written, so large exports are not built in memory. Text cells are
 * neutralised like CSV ones (`neutralise` in cells.ts).
 *
 * @example
 * const body = xlsxStream('结果', [{ header: '支部', width: 24 }], batches)
 */
export function xlsxStream(
  sheetName: string,
  columns: readonly XlsxColumn[],
  batches: AsyncIterable<readonly (readonly CellValue[])[]>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map(({ header, width = 14 }) => ({
    header: safeCell(header) as string,
    width,
  }))
  sheet.getRow(1).font = { bold: true }
  const write = async () => {
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(row.map(safeCell)).commit()
      // Wait for a slow reader instead of queueing the whole file in the zip stream.
      if (output.writableNeedDrain) await once(output, 'drain')
    }
    sheet.commit()
    await workbook.commit()
  }
  write().catch((error: unknown) => output.destroy(error as Error))
  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}
