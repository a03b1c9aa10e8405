import { describe, expect, it } from 'vitest'
import { isWellFormedToken, normalizeToken, TOKEN_FORMAT } from './token'

describe('normalizeToken', () => {
  it('reads a token in any case, with spaces or dashes, O as 0 and I or L as 1', () => {
    expect(normalizeToken('7kq2 m9xd orTb-4hzc')).toBe('7KQ2-M9XD-0RTB-4HZC')
    expect(normalizeToken('  7KQ2M9XD0RTB4HZC ')).toBe('7KQ2-M9XD-0RTB-4HZC')
    expect(normalizeToken('ilIL-0000-0000-0000')).toBe('1111-0000-0000-0000')
    expect(normalizeToken('7-k-q-2-m-9-x-d-0-r-t-b-4-h-z-c')).toBe('7KQ2-M9XD-0RTB-4HZC')
  })

  it('leaves a string of the wrong length ungrouped, so it can never match a real token', () => {
    expect(normalizeToken('7kq2-m9xd')).toBe('7KQ2M9XD')
    expect(normalizeToken('')).toBe('')
  })
})

describe('isWellFormedToken', () => {
  it('accepts the canonical shape only', () => {
    expect(isWellFormedToken('7KQ2-M9XD-0RTB-4HZC')).toBe(true)
    expect(isWellFormedToken('7KQ2M9XD0RTB4HZC')).toBe(false)
    expect(isWellFormedToken(normalizeToken('7KQ2-M9XD'))).toBe(false)
    // U is not in Crockford's alphabet.
    expect(isWellFormedToken('UUUU-M9XD-0RTB-4HZC')).toBe(false)
    expect(TOKEN_FORMAT.alphabet).not.toContain('U')
  })
})
