import { describe, expect, it } from 'vitest'
import { readAttributes } from './attributes'

const from = (attributes: Record<string, string>) => (name: string) => attributes[name] ?? null

describe('readAttributes', () => {
  it('reads server, link, token and locale, without a trailing slash on the server', () => {
    const read = readAttributes(
      from({
        server: 'http://127.0.0.1:3000/',
        link: 'q8Xr0m3c',
        token: ' AAAA-BBBB ',
        locale: 'en',
      }),
    )
    expect(read).toEqual({
      ok: true,
      value: {
        server: 'http://127.0.0.1:3000',
        link: 'q8Xr0m3c',
        token: 'AAAA-BBBB',
        locale: 'en',
      },
    })
  })

  it('leaves token and locale out when they are empty', () => {
    const read = readAttributes(from({ server: 'https://ys.example', link: 'abc', token: '' }))
    expect(read).toEqual({
      ok: true,
      value: { server: 'https://ys.example', link: 'abc', token: undefined, locale: undefined },
    })
  })

  it('names the attribute and the fix when server or link is missing or wrong', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ link: 'abc' }, /server attribute is missing/],
      [{ server: 'ys.example', link: 'abc' }, /"ys.example" is not a URL/],
      [{ server: 'ftp://ys.example', link: 'abc' }, /must start with http/],
      [{ server: 'https://ys.example' }, /link attribute is missing/],
      [{ server: 'https://ys.example', link: '../api/forms' }, /is not a link slug/],
    ]
    for (const [attributes, why] of cases) {
      const read = readAttributes(from(attributes))
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.message).toMatch(why)
    }
  })
})
