import { describe, expect, it } from 'vitest'
import { isServerPage, safeNextPath, signInUrl } from './next-path'

const ORIGIN = 'https://ys.example.gov.cn'

describe('safeNextPath', () => {
  it('returns a path of this site with its query and hash', () => {
    expect(safeNextPath('/s/q8Xr', ORIGIN)).toBe('/s/q8Xr')
    expect(safeNextPath('/s/q8Xr?token=7KQ2-M9XD#top', ORIGIN)).toBe('/s/q8Xr?token=7KQ2-M9XD#top')
    expect(safeNextPath('/campaigns/3/units/17', ORIGIN)).toBe('/campaigns/3/units/17')
  })

  it('reads what signInUrl wrote', () => {
    const next = new URL(signInUrl('/s/a b?token=1&x=2'), ORIGIN).searchParams.get('next')
    expect(safeNextPath(next, ORIGIN)).toBe('/s/a%20b?token=1&x=2')
  })

  it.each([
    ['another site, protocol-relative', '//evil.example/s/1'],
    ['another site, absolute', 'https://evil.example/s/1'],
    ['this site written absolutely', `${ORIGIN}/s/1`],
    ['a script', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a tab hiding a second slash', '/\t/evil.example'],
    ['a relative path', 's/1'],
    ['nothing', ''],
  ])('refuses %s', (_, raw) => {
    expect(safeNextPath(raw, ORIGIN)).toBeNull()
  })

  it('refuses a missing parameter', () => {
    expect(safeNextPath(null, ORIGIN)).toBeNull()
    expect(safeNextPath(undefined, ORIGIN)).toBeNull()
  })
})

describe('isServerPage', () => {
  it('tells the respondent page the server answers from the designer’s own pages', () => {
    expect(isServerPage('/s/q8Xr?token=1')).toBe(true)
    expect(isServerPage('/assess')).toBe(false)
    expect(isServerPage('/search')).toBe(false)
  })
})
