import { describe, expect, it } from 'vitest'
import { SOURCE_KEYS, SOURCE_MEASURES } from './domain-sets'
import {
  MEASURE_LABELS,
  measureLabel,
  SOURCE_LABELS,
  sourceLabel,
  sourceLabelOf,
} from './source-labels'
import { LOCALES } from './text'

describe('source and measure labels', () => {
  it('name the three sources of the procedure in Chinese and English', () => {
    expect(sourceLabel('self')).toBe('自评')
    expect(sourceLabel('members')).toBe('党员群众测评')
    expect(sourceLabel('superior')).toBe('上级考评')
    expect(sourceLabel('members', 'en')).toBe('Member and public survey')
  })

  it('give every locale a label of its own, never the key', () => {
    for (const [key, labels] of Object.entries(SOURCE_LABELS)) {
      for (const locale of LOCALES) {
        expect(labels[locale], `${key} ${locale}`).not.toBe(key)
        expect(labels[locale].length).toBeGreaterThan(0)
      }
    }
    for (const measure of Object.keys(SOURCE_MEASURES)) {
      for (const locale of LOCALES) {
        expect(measureLabel(measure, locale)).not.toBe(measure)
      }
    }
    expect(MEASURE_LABELS.satisfactionRate['zh-CN']).toBe('满意率')
  })

  it('label every source of the procedure, in SOURCE_KEYS order', () => {
    expect(Object.keys(SOURCE_LABELS)).toEqual([...SOURCE_KEYS])
  })

  it('name a campaign’s source by its own label where it has one, in the reader’s language first', () => {
    const label = { 'zh-CN': '述职评议', en: 'Debriefing review' }
    expect(sourceLabelOf({ key: 'debriefing', label }, 'en')).toBe('Debriefing review')
    expect(sourceLabelOf({ key: 'debriefing', label: { 'zh-CN': '述职评议' } }, 'en')).toBe(
      '述职评议',
    )
    expect(sourceLabelOf({ key: 'members', label: null }, 'en')).toBe('Member and public survey')
    expect(sourceLabelOf({ key: 'debriefing' })).toBe('debriefing')
  })

  it('show a campaign’s own extra source by its key, and no inherited property as a label', () => {
    expect(sourceLabel('panel', 'en')).toBe('panel')
    expect(sourceLabel('toString')).toBe('toString')
    expect(measureLabel('median')).toBe('median')
  })
})
