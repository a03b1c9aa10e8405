import { selfCheckItem, validateForm } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { blockNames, forForm } from './block-names'

describe('a block made ready for a form', () => {
  const item = selfCheckItem({ name: 'dues', title: '是否按时足额交纳党费' })

  it('keeps names that are free, as a copy', () => {
    const out = forForm(item, new Set(['other']))
    expect(out).toEqual(item)
    expect(out[0]).not.toBe(item[0])
  })

  it('renames a taken name and its 问题清单 follows it: visibleIf, problemOf and its own name', () => {
    const taken = new Set(['dues', 'dues_problem'])
    const out = forForm(item, taken)
    expect(blockNames(out)).toEqual(['dues1', 'dues_problem1'])
    expect(out[1]).toMatchObject({ problemOf: 'dues1', visibleIf: "{dues1} = 'no'" })
    // The form with both the original and the inserted copy is still valid.
    const form = { pages: [{ name: 'p', elements: [...item, ...out] }] }
    expect(validateForm(form).errors).toEqual([])
  })

  it('renames names inside a panel without touching the block', () => {
    const panel = [{ type: 'panel', name: 'g', elements: [{ type: 'text', name: 'q1' }] }]
    const out = forForm(panel, new Set(['g', 'q1']))
    expect(blockNames(out)).toEqual(['g1', 'q11'])
    expect(blockNames(panel)).toEqual(['g', 'q1'])
  })
})
