import { describe, expect, it } from 'vitest'
import { uniqueName } from './names'

describe('uniqueName', () => {
  it('takes the first free number', () => {
    expect(uniqueName('question', new Set())).toBe('question1')
    expect(uniqueName('question', new Set(['question1', 'question2']))).toBe('question3')
  })

  it('keeps the follow-up names free too', () => {
    expect(uniqueName('item', new Set(['item1_problem']), ['_problem'])).toBe('item2')
  })
})
