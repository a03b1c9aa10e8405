/** A column of a PDF table: its header, its width in points, and how its cells align. */
export interface PdfColumn {
  header: string
  width: number
  align?: 'left' | 'right' | 'center'
}

const PADDING = 4
const FONT_SIZE = 9

/**
 * Draws a table at the document's cursor, row by row, each row as tall as its tallest cell; a
 * row that would cross the bottom margin starts a new page, which repeats the header, so no row
 * is split across pages.
 *
 * @example
 * drawTable(doc, [{ header: '等次', width: 120 }], [['先进']])
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
) {
  const left = doc.page.margins.left
  const drawRow = (cells: readonly string[], header: boolean) => {
    doc.fontSize(FONT_SIZE)
    const height =
      Math.max(
        ...columns.map((column, i) =>
          doc.heightOfString(cells[i] ?? '', { width: column.width - 2 * PADDING }),
        ),
      ) +
      2 * PADDING
    const bottom = doc.page.height - doc.page.margins.bottom
    if (doc.y + height > bottom) {
      doc.addPage()
      if (!header)
        drawRow(
          columns.map((column) => column.header),
          true,
        )
    }
    const top = doc.y
    let x = left
    for (const [i, column] of columns.entries()) {
      if (header) doc.rect(x, top, column.width, height).fillAndStroke('#eeeeee', '#999999')
      else doc.rect(x, top, column.width, height).stroke('#999999')
      doc.fillColor('#000000').text(cells[i] ?? '', x + PADDING, top + PADDING, {
        width: column.width - 2 * PADDING,
        align: column.align ?? 'left',
      })
      x += column.width
    }
    doc.x = left
    doc.y = top + height
  }
  drawRow(
    columns.map((column) => column.header),
    true,
  )
  for (const row of rows) drawRow(row, false)
  doc.moveDown(0.5)
}
