import type { CellValue } from './cells'
import { csvStream } from './csv-stream'
import { type XlsxColumn, xlsxStream } from './xlsx-stream'

/** The file formats exports come in, with their content types. */
export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
export type ExportFormat = keyof typeof EXPORT_CONTENT_TYPES

/** What a download is made of: its table, rows in batches, and its file names. */
export interface DownloadOptions {
  format: ExportFormat
  sheetName: string
  columns: readonly XlsxColumn[]
  batches: AsyncIterable<readonly (readonly CellValue[])[]>
  /** The file name people see (Chinese allowed), without the extension. */
  fileName: string
  /** An ASCII file name for clients that ignore `filename*`, without the extension. */
  asciiName: string
}

/**
 * A streamed file download: CSV (UTF-8 with BOM) or XLSX, as an attachment named in Chinese
 * (RFC 6266 `filename*`) with an ASCII fallback.
 *
 * @example
 * return download({ format: 'csv', sheetName: '结果', columns, batches, fileName: '结果', asciiName: 'results' })
 */
export function download(options: DownloadOptions): Response {
  const { format, sheetName, columns, batches, fileName, asciiName } = options
  const body =
    format === 'csv'
      ? csvStream(
          columns.map((column) => column.header),
          batches,
        )
      : xlsxStream(sheetName, columns, batches)
  const disposition = `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${fileName}.${format}`)}`
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': disposition,
      'cache-control': 'no-store',
    },
  })
}

/**
 * One batch of rows, as an async iterable.
 *
 * @example
 * download({ …, batches: inOneBatch(rows) })
 */
export async function* inOneBatch<T>(rows: readonly T[]): AsyncGenerator<readonly T[]> {
  yield rows
}

/**
 * Maps each batch of an async iterable.
 *
 * @example
 * mapBatches(readResponses(db, query), toRow)
 */
export async function* mapBatches<T, U>(
  batches: AsyncIterable<readonly T[]>,
  map: (item: T) => U,
): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map)
}
