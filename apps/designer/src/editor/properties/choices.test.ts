import { describe, expect, it } from 'vitest'
import { choiceValue, typedValue } from './choices'

describe('choice helpers', () => {
  it('reads a value from object and bare choices', () => {
    expect(choiceValue({ value: 'yes', text: '是' })).toBe('yes')
    expect(choiceValue(3)).toBe(3)
  })

  it('keeps numbers numbers', () => {
    expect(typedValue('3', 2)).toBe(3)
    expect(typedValue('3', 'a')).toBe('3')
    expect(typedValue('', 2)).toBe('')
  })
})
