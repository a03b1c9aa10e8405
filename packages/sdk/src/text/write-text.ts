import type { LocalizedText } from '../types'
import { readOption } from './read-options'
import { hasKindTag, isNumbered } from './stem'
import { DIMENSION_LINE, MATRIX_COLUMNS, MATRIX_ROW, MATRIX_ROWS, PAGE_BREAK } from './syntax'
import type { NotCarried } from './types'

/** Collects what the text leaves behind, by JSON path. */
export type Leave = (path: string, code: NotCarried['code'], detail?: string) => void

/** The plain text of a localisable string; other languages are reported as not carried. */
export function plain(text: LocalizedText | undefined, path: string, leave: Leave): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return text
  const { default: zh, ...others } = text
  if (Object.keys(others).length > 0) leave(path, 'translation')
  return zh ?? Object.values(others).find((t) => t !== undefined) ?? ''
}

/** A line that would read as something else: a page break, a heading, a new question. */
export function standsApart(line: string): boolean {
  return (
    line.trim() === '' ||
    line !== line.trim() ||
    /[\r\n]/.test(line) ||
    PAGE_BREAK.test(line) ||
    DIMENSION_LINE.test(line) ||
    (isNumbered(line) && hasKindTag(line))
  )
}

/** Whether an option line reads back as this text and score. */
export function optionReadsBack(line: string, text: string, score: number | undefined): boolean {
  const read = readOption(line)
  return (
    !standsApart(line) &&
    !MATRIX_ROW.test(line) &&
    !MATRIX_ROWS.test(line) &&
    !MATRIX_COLUMNS.test(line) &&
    read.text === text &&
    read.score === score
  )
}
