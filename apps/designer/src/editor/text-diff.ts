/** One splice that turns a text into another: at `index`, remove `remove` units, insert `insert`. */
export interface TextChange {
  index: number
  remove: number
  insert: string
}

/**
 * The single splice between two strings (common prefix and suffix kept), or `null` when they are
 * equal: what an input's change becomes as one `editText` on the shared `Y.Text`.
 *
 * @example
 * diffText('支部自查', '党支部自查') // { index: 0, remove: 0, insert: '党' }
 */
export function diffText(before: string, after: string): TextChange | null {
  if (before === after) return null
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  // Never split a surrogate pair: back up to its first half.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = 0
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

/**
 * Where a caret at `position` belongs after someone else's change: after an insert before it (or
 * at it, when `stickRight`), pulled back by a removal before it.
 *
 * @example
 * moveCaret(3, { index: 0, remove: 0, insert: 'ab' }) // 5
 */
export function moveCaret(position: number, change: TextChange, stickRight = false): number {
  const { index, remove, insert } = change
  if (position < index || (position === index && !stickRight)) return position
  if (position <= index + remove) return index + insert.length
  return position - remove + insert.length
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
