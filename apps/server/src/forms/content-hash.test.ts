import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './content-hash'

describe('content hash', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: { d: 1, c: [3, { f: 1, e: 2 }] }, a: null })).toBe(
      '{"a":null,"b":{"c":[3,{"e":2,"f":1}],"d":1}}',
    )
  })

  it('gives the same hash whatever the key order, and another when a value changes', () => {
    const form = { title: '表', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }
    const reordered = {
      pages: [{ elements: [{ name: 'q', type: 'text' }], name: 'p' }],
      title: '表',
    }
    expect(contentHash(form)).toBe(contentHash(reordered))
    expect(contentHash(form)).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash({ ...form, title: '表二' })).not.toBe(contentHash(form))
  })

  it('treats a key set to undefined as absent, as JSON does', () => {
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }))
  })

  it('tells reordered pages apart: order is content', () => {
    expect(contentHash({ pages: [{ name: 'a' }, { name: 'b' }] })).not.toBe(
      contentHash({ pages: [{ name: 'b' }, { name: 'a' }] }),
    )
  })
})
