/** What a spreadsheet cell holds: text, a number, or nothing. */
export type CellValue = string | number | null

// What makes Excel, LibreOffice or Sheets read a cell as a formula (CSV injection): `=`, `+`, `-`
// or `@` first — also after spaces or line breaks, which spreadsheets skip before a formula — or a
// tab or carriage return first.
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r])/

/**
 * Neutralises text a spreadsheet would run as a formula: text starting with `=`, `+`, `-`, `@`
 * (after any spaces or line breaks), a tab or a carriage return gets a leading `'`. Numbers are
 * written as numbers, never as text, so a negative number stays a number.
 *
 * @example
 * neutralise('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 * neutralise(' =1+1') // "' =1+1"
 * neutralise('满意') // '满意'
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * The text an exported cell stands for: `neutralise`'s quote taken off again (a re-imported
 * export reads what was exported); any other leading `'` is kept.
 *
 * @example
 * unneutralise("'-第一支部") // '-第一支部'
 * unneutralise("'引号") // "'引号"
 */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell
}

/**
 * A cell as it is written: text neutralised, numbers kept, nothing as null.
 *
 * @example
 * safeCell('-1+1') // "'-1+1"
 * safeCell(-1) // -1
 */
export function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralise(value) : value
}

/**
 * One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote, CR or LF.
 *
 * @example
 * csvField('a,"b"') // '"a,""b"""'
 * csvField(null) // ''
 */
export function csvField(value: CellValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = neutralise(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One CSV record with the CRLF line ending Excel expects.
 *
 * @example
 * csvLine(['支部', 84.5, null]) // '支部,84.5,\r\n'
 */
export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}
