import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import {
  bySourceOrder,
  CADENCES,
  respondentsOf,
  SOURCE_KEY_PATTERN,
  SOURCE_KEYS,
  SOURCE_MEASURES,
  UNIT_TYPES,
} from './domain-sets'

describe('the domain sets', () => {
  it('list the sources in the procedure’s order: 自评 → 测评 → 考评', () => {
    expect(SOURCE_KEYS).toEqual(['self', 'members', 'superior'])
    expect(CADENCES).toEqual(['monthly', 'quarterly', 'yearly'])
    expect(UNIT_TYPES).toHaveLength(8)
    expect(Object.keys(SOURCE_MEASURES)).toEqual(['percent', 'satisfactionRate'])
  })

  it('say who answers a source: as given, else as its default key, else members', () => {
    expect(SOURCE_KEYS.map((key) => respondentsOf({ key }))).toEqual([
      'selfCheck',
      'members',
      'assessors',
    ])
    expect(respondentsOf({ key: 'debriefing', answeredBy: 'panel' })).toBe('panel')
    expect(respondentsOf({ key: 'superior', answeredBy: 'panel' })).toBe('panel')
    expect(respondentsOf({ key: 'peerReview' })).toBe('members')
    expect(respondentsOf({ key: 'toString' })).toBe('members')
  })

  it('order the defaults as the procedure, then a campaign’s own sources by key', () => {
    const keys = ['debriefing', 'superior', 'alpha', 'self', 'members']
    expect(
      keys
        .map((key) => ({ key }))
        .sort(bySourceOrder)
        .map((s) => s.key),
    ).toEqual(['self', 'members', 'superior', 'alpha', 'debriefing'])
  })

  it('take a key that starts with a letter a–z, then up to 31 letters or digits', () => {
    expect(
      ['debriefing', 'peerReview2', `a${'b'.repeat(31)}`].map((k) => SOURCE_KEY_PATTERN.test(k)),
    ).toEqual([true, true, true])
    expect(
      ['Debriefing', '2x', 'no-dash', '', `a${'b'.repeat(32)}`].some((k) =>
        SOURCE_KEY_PATTERN.test(k),
      ),
    ).toBe(false)
  })

  it('are `@yardstick/sdk/domain`, a module that imports nothing (the db loads no survey-core)', () => {
    const entry = packageJson.exports['./domain']['@yardstick/source']
    expect(entry).toBe('./src/domain-sets.ts')
    const source = readFileSync(new URL('./domain-sets.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*(import|export .* from)\b/m)
  })
})
