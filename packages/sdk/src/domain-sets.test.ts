import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { CADENCES, SOURCE_KEYS, SOURCE_MEASURES, UNIT_TYPES } from './domain-sets'

describe('the domain sets', () => {
  it('list the sources in the procedure’s order: 自评 → 测评 → 考评', () => {
    expect(SOURCE_KEYS).toEqual(['self', 'members', 'superior'])
    expect(CADENCES).toEqual(['monthly', 'quarterly', 'yearly'])
    expect(UNIT_TYPES).toHaveLength(8)
    expect(Object.keys(SOURCE_MEASURES)).toEqual(['percent', 'satisfactionRate'])
  })

  it('are `@yardstick/sdk/domain`, a module that imports nothing (the db loads no survey-core)', () => {
    const entry = packageJson.exports['./domain']['@yardstick/source']
    expect(entry).toBe('./src/domain-sets.ts')
    const source = readFileSync(new URL('./domain-sets.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*(import|export .* from)\b/m)
  })
})
