import { describe, expect, it } from 'vitest'
import { comparedGroups, differenceRows, SHOWN_DIFFERENCES } from './aggregate-check'

describe('the totals check’s outcome as the settings page shows it', () => {
  it('counts the groups compared over every table', () => {
    expect(
      comparedGroups({
        compared: { unit_source_totals: 3, unit_dimension_totals: 0, unit_answer_totals: 9 },
      }),
    ).toBe(12)
  })

  it('lists the first differences with unit, source, the rest of the key and both figures', () => {
    const difference = {
      table: 'unit_answer_totals' as const,
      key: { unit_id: 12, source_key: 'members', form_version_id: 4, question: 'q1', value: 'a' },
      expected: { n: 3 },
      actual: null,
    }
    const rows = differenceRows({ differences: Array(SHOWN_DIFFERENCES + 2).fill(difference) })
    expect(rows).toHaveLength(SHOWN_DIFFERENCES)
    expect(rows[0]).toEqual({
      table: 'unit_answer_totals',
      unitId: '12',
      source: 'members',
      group: 'form_version_id=4, question=q1, value=a',
      expected: 'n=3',
      kept: '—',
    })
  })
})
