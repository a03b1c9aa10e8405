import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareByName, nameRanks, sortByName } from './name-order'

const NAMES = ['第一党支部', '第二党支部', '机关党支部', '北京', '上海', 'Alpha', 'alpha', '']

const unitsArbitrary = fc.uniqueArray(
  fc.record({ id: fc.integer({ min: 1, max: 10_000 }), name: fc.constantFrom(...NAMES) }),
  { selector: (unit) => unit.id, maxLength: 40 },
)

describe('name order', () => {
  it('sorts exactly as the collator then the id, whatever order the units come in', () => {
    fc.assert(
      fc.property(unitsArbitrary, (units) => {
        const expected = [...units].sort(compareByName)
        expect(sortByName(units)).toEqual(expected)
        expect(sortByName([...units].reverse())).toEqual(expected)
      }),
    )
  })

  it('puts pinyin before id: 北京 (běi) before 上海 (shàng) whatever their ids', () => {
    const sorted = sortByName([
      { id: 1, name: '上海' },
      { id: 9, name: '北京' },
      { id: 3, name: '北京' },
    ])
    expect(sorted.map((unit) => unit.id)).toEqual([3, 9, 1])
  })

  it('remembers a list of the same content, and orders a renamed unit anew', () => {
    const units = [
      { id: 1, name: '上海' },
      { id: 2, name: '北京' },
    ]
    const first = nameRanks(units)
    expect(nameRanks(units.map((unit) => ({ ...unit })))).toBe(first)
    const renamed = nameRanks([{ id: 1, name: '安徽' }, units[1] as (typeof units)[number]])
    expect(renamed).not.toBe(first)
    expect([...renamed]).toEqual([
      [1, 0],
      [2, 1],
    ])
  })
})
