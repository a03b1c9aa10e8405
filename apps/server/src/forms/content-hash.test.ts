import { templates } from '@yardstick/sdk'
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

  it('writes exactly JSON.stringify of a key-sorted copy, so stored hashes keep their meaning', () => {
    // The copy-and-sort definition canonicalJson had before it was written directly (issue 16).
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted)
      if (!value || typeof value !== 'object') return value
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
      )
    }
    const samples: unknown[] = [
      ...Object.values(templates),
      { 'z"quote': [1, undefined, null, 'a\u0000b'], a: { c: true, b: 1.5e-7 }, 中: '文' },
      [],
      {},
      'text',
      null,
    ]
    for (const sample of samples) expect(canonicalJson(sample)).toBe(JSON.stringify(sorted(sample)))
  })
})
