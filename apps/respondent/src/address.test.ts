import { describe, expect, it } from 'vitest'
import { readAddress, signInHref, withToken } from './address'

const at = (path: string) => new URL(`https://ys.example${path}`)

describe('readAddress', () => {
  it('reads the slug with or without a trailing slash, and the token as the server reads it', () => {
    expect(readAddress(at('/s/q8Xr0m3c?token=7kq2 m9xd orTb-4hzc'))).toEqual({
      slug: 'q8Xr0m3c',
      token: '7KQ2-M9XD-0RTB-4HZC',
      lang: undefined,
    })
    expect(readAddress(at('/s/q8Xr0m3c/?lang=en'))).toEqual({
      slug: 'q8Xr0m3c',
      token: undefined,
      lang: 'en',
    })
  })

  it('finds no slug in an address that names none', () => {
    for (const path of ['/s', '/s/', '/s/a/b', '/s/%E0%A4%A']) {
      expect(readAddress(at(path)).slug, path).toBe('')
    }
    expect(readAddress(at('/s/x?token=%20%20')).token).toBeUndefined()
  })
})

describe('withToken and signInHref', () => {
  it('keeps the rest of the address', () => {
    const url = withToken(at('/s/q8Xr?lang=en'), '7KQ2-M9XD-0RTB-4HZC')
    expect(url.pathname + url.search).toBe('/s/q8Xr?lang=en&token=7KQ2-M9XD-0RTB-4HZC')
    expect(withToken(url, undefined).search).toBe('?lang=en')
  })

  it('sends the assessor to sign in and back to the same link', () => {
    expect(signInHref(at('/s/q8Xr?lang=en'))).toBe('/?next=%2Fs%2Fq8Xr%3Flang%3Den')
  })
})
