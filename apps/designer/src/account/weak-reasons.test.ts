import { describe, expect, it } from 'vitest'
import { weakReasons } from './weak-reasons'

describe('why a new password was refused', () => {
  it('gives a sentence for each reason the server names, with the minimum length', () => {
    expect(weakReasons({ reasons: ['tooShort', 'common'], minLength: 12 })).toEqual([
      { key: 'password.reason.tooShort', params: { n: 12 } },
      { key: 'password.reason.common', params: { n: 12 } },
    ])
  })

  it('leaves out reasons it does not know and reads missing details as none', () => {
    expect(weakReasons({ reasons: ['guessable', 'solarFlare' as 'common'] })).toEqual([
      { key: 'password.reason.guessable', params: { n: 10 } },
    ])
    expect(weakReasons(undefined)).toEqual([])
  })
})
