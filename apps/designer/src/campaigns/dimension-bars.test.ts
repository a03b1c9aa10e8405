import { describe, expect, it } from 'vitest'
import type { DimensionResults, UnitDimension } from '../api/types'
import { dimensionBars, UNIT_BARS_MAX, unitDimensionBars } from './dimension-bars'

const unit = (unitId: number, percent: number | undefined): DimensionResults['units'][number] => ({
  unitId,
  name: `第${unitId}党支部`,
  unitType: null,
  parentId: 1,
  percents: percent === undefined ? {} : { self: { politicalFunction: percent } },
})

describe('dimensionBars', () => {
  it('draws a bar per unit, best first, leaving out units without a percent', () => {
    const { kind, bars } = dimensionBars(
      [unit(1, 60), unit(2, 92.345), unit(3, undefined)],
      'self',
      'politicalFunction',
    )
    expect(kind).toBe('units')
    expect(bars.map((b) => [b.name, b.value, b.label])).toEqual([
      ['第2党支部', 92.3, '92.3%'],
      ['第1党支部', 60, '60%'],
    ])
  })

  it('counts units per 10-point band past the number of bars one can read', () => {
    const units = Array.from({ length: UNIT_BARS_MAX + 1 }, (_, i) => unit(i, i === 0 ? 100 : 55))
    const { kind, bars } = dimensionBars(units, 'self', 'politicalFunction')
    expect(kind).toBe('bands')
    expect(bars).toHaveLength(10)
    expect(bars[5]).toMatchObject({ name: '50–60', value: UNIT_BARS_MAX })
    // 100 % falls in the top band.
    expect(bars[9]).toMatchObject({ name: '90–100', value: 1 })
  })
})

describe('unitDimensionBars', () => {
  it('pairs the unit’s percent with its subtree’s median, dimension by dimension', () => {
    const dimension: UnitDimension = {
      source: 'self',
      name: 'politicalFunction',
      title: { 'zh-CN': '政治功能强', en: 'Strong political function' },
      percent: 80,
      subtree: { units: 3, median: 90, min: 60, max: 100, mean: 83.3 },
    }
    const bars = unitDimensionBars([dimension], 'zh-CN', '中位数')
    expect(bars.map((b) => [b.name, b.value])).toEqual([
      ['政治功能强', 80],
      ['政治功能强 · 中位数', 90],
    ])
    expect(unitDimensionBars([{ ...dimension, percent: null }], 'en', 'median')).toHaveLength(1)
  })
})
