import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { UnitResult } from '../api/types'
import { RANKING_COLUMNS, searchUnits, sortRanking, starCounts } from './ranking'

const BANDS = ['先进', '达标', '后进']

function unit(id: number, name: string, composite: number | null, rank: number | null): UnitResult {
  const grade =
    composite === null ? null : composite >= 90 ? '先进' : composite >= 60 ? '达标' : '后进'
  return {
    unitId: id,
    name,
    unitType: (['organ', 'enterprise'] as const)[id % 2] ?? null,
    parentId: 1,
    sources: {},
    composite,
    grade,
    stars: grade === '先进' ? 5 : grade === '达标' ? 3 : grade === null ? null : 1,
    rank,
    demoted: false,
    vetoed: false,
    incomplete: null,
    instruments: [],
  }
}

const units = [
  unit(1, '办公室第一党支部', 95, 1),
  unit(2, '财务处第一党支部', 70, 2),
  unit(3, '审计处第一党支部', null, null),
  unit(4, '办公室第二党支部', 50, 3),
]

describe('the ranking table’s sort, search and stars', () => {
  it('sorts by each column both ways, ungraded units last', () => {
    const ids = (column: (typeof RANKING_COLUMNS)[number], direction: 'asc' | 'desc') =>
      sortRanking(units, { column, direction }, BANDS).map((u) => u.unitId)
    expect(ids('rank', 'asc')).toEqual([1, 2, 4, 3])
    expect(ids('rank', 'desc')).toEqual([4, 2, 1, 3])
    expect(ids('composite', 'desc')).toEqual([1, 2, 4, 3])
    expect(ids('grade', 'asc')).toEqual([1, 2, 4, 3])
    expect(ids('grade', 'desc')).toEqual([4, 2, 1, 3])
    expect(ids('stars', 'desc')).toEqual([1, 2, 4, 3])
    // Pinyin: 办 (bàn) < 财 (cái) < 审 (shěn); 第二 (èr) before 第一 (yī).
    expect(ids('name', 'asc')).toEqual([4, 1, 2, 3])
    expect(ids('name', 'desc')).toEqual([3, 2, 1, 4])
  })

  it('keeps every unit exactly once and never moves an ungraded one above a graded one', () => {
    const arbitrary = fc.array(
      fc.record({
        composite: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        name: fc.string({ maxLength: 4 }),
      }),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(
        arbitrary,
        fc.constantFrom(...RANKING_COLUMNS),
        fc.boolean(),
        (rows, column, asc) => {
          const list = rows.map((r, i) =>
            unit(i + 1, r.name, r.composite, r.composite === null ? null : i),
          )
          const sorted = sortRanking(list, { column, direction: asc ? 'asc' : 'desc' }, BANDS)
          expect(sorted.map((u) => u.unitId).sort((a, b) => a - b)).toEqual(
            list.map((u) => u.unitId),
          )
          if (column === 'name' || column === 'unitType') return
          const firstUngraded = sorted.findIndex((u) => u.grade === null)
          if (firstUngraded >= 0)
            expect(sorted.slice(firstUngraded).every((u) => u.grade === null)).toBe(true)
        },
      ),
    )
  })

  it('searches names by substring and counts stars of graded units', () => {
    expect(searchUnits(units, ' 办公室 ').map((u) => u.unitId)).toEqual([1, 4])
    expect(searchUnits(units, '')).toHaveLength(4)
    expect(starCounts(units)).toEqual([
      { stars: 5, count: 1 },
      { stars: 3, count: 1 },
      { stars: 1, count: 1 },
    ])
  })
})
