import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffText, moveCaret } from './text-diff'

const apply = (text: string, c: { index: number; remove: number; insert: string }) =>
  text.slice(0, c.index) + c.insert + text.slice(c.index + c.remove)

describe('diffText', () => {
  it('is null for equal texts', () => {
    expect(diffText('自查', '自查')).toBeNull()
  })

  it('finds an insertion at the start, a deletion in the middle and a replacement', () => {
    expect(diffText('支部自查', '党支部自查')).toEqual({ index: 0, remove: 0, insert: '党' })
    expect(diffText('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' })
    expect(diffText('满意度', '满意率')).toEqual({ index: 2, remove: 1, insert: '率' })
  })

  it('never splits a surrogate pair', () => {
    const change = diffText('a😀b', 'a😃b')
    expect(change).toEqual({ index: 1, remove: 2, insert: '😃' })
  })

  it('one splice always turns the first text into the second', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const change = diffText(a, b)
        expect(change ? apply(a, change) : a).toBe(b)
      }),
    )
  })
})

describe('moveCaret', () => {
  it('follows an insertion before it and ignores one after it', () => {
    expect(moveCaret(3, { index: 0, remove: 0, insert: 'ab' })).toBe(5)
    expect(moveCaret(3, { index: 5, remove: 0, insert: 'ab' })).toBe(3)
  })

  it('moves to the end of a replacement that covered it', () => {
    expect(moveCaret(3, { index: 2, remove: 3, insert: 'x' })).toBe(3)
    expect(moveCaret(6, { index: 2, remove: 3, insert: 'x' })).toBe(4)
  })

  it('stays put for an insertion exactly at it unless told to stick right', () => {
    expect(moveCaret(2, { index: 2, remove: 0, insert: 'x' })).toBe(2)
    expect(moveCaret(2, { index: 2, remove: 0, insert: 'x' }, true)).toBe(3)
  })
})
