import { type CellValue, csvLine } from './cells'

/** The UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page. */
export const UTF8_BOM = '\uFEFF'

/**
 * Streams a CSV file: the BOM and header, then each row as it comes, so a file of 200,000
 * responses is never held in memory. Rows arrive in batches (arrays of rows).
 *
 * @example
 * const body = csvStream(['支部', '综合得分'], batches)
 * return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } })
 */
export function csvStream(
  header: readonly CellValue[],
  batches: AsyncIterable<readonly (readonly CellValue[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(header)))
        return
      }
      const { done, value } = await iterator.next()
      if (done) {
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(value.map(csvLine).join('')))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
