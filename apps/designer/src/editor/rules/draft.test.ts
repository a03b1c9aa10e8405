import { describe, expect, it } from 'vitest'
import { draftExpression, draftOf } from './draft'

const choices = (map: Record<string, unknown[]>) => (question: string) =>
  map[question] ? { choices: map[question], numeric: false } : undefined

describe('the rule builder draft', () => {
  it('shows an expression as rows and writes it back', () => {
    const draft = draftOf("{a} = 'no' or {b} > 60")
    expect(draft).toEqual({
      any: true,
      rows: [
        { question: 'a', op: 'eq', value: 'no' },
        { question: 'b', op: 'gt', value: '60' },
      ],
    })
    if (draft) expect(draftExpression(draft, choices({}))).toBe("{a} = 'no' or {b} > 60")
  })

  it('types a value as the choice it names: a number choice stays a number, text stays text', () => {
    const rows = [
      { question: 'n', op: 'eq' as const, value: '3' },
      { question: 's', op: 'eq' as const, value: '3' },
    ]
    const values = choices({ n: [1, 2, 3], s: ['1', '3'] })
    expect(draftExpression({ rows, any: false }, values)).toBe("{n} = 3 and {s} = '3'")
  })

  it('writes only complete rows, and nothing for none', () => {
    const rows = [
      { question: '', op: 'eq' as const, value: 'x' },
      { question: 'a', op: 'eq' as const, value: '' },
      { question: 'b', op: 'empty' as const, value: '' },
    ]
    expect(draftExpression({ rows, any: false }, choices({}))).toBe('{b} empty')
    expect(draftExpression({ rows: rows.slice(0, 2), any: false }, choices({}))).toBe('')
  })

  it('has no rows for no condition, and none it can show for an expression beyond rules', () => {
    expect(draftOf('  ')).toEqual({ rows: [], any: false })
    expect(draftOf('age({birth}) > 60')).toBeNull()
  })
})
