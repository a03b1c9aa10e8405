import { describe, expect, it } from 'vitest'
import { closeReasonOf, isPermanentClose } from './close-reasons'

describe('close reasons', () => {
  it('name a code, and tell permanent from transient', () => {
    expect(closeReasonOf(4403)).toBe('forbidden')
    expect(closeReasonOf(1006)).toBeNull()
    expect(isPermanentClose(4401)).toBe(true)
    expect(isPermanentClose(4503)).toBe(false)
    expect(isPermanentClose(1006)).toBe(false)
  })
})
