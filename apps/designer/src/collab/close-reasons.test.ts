import { describe, expect, it } from 'vitest'
import { CLOSE_REASONS as SERVER_REASONS } from '../../../server/src/collab/close-codes'
import { CLOSE_REASONS, closeReasonOf, isPermanentClose } from './close-reasons'

describe('close reasons', () => {
  it("are exactly the server's", () => {
    expect(CLOSE_REASONS).toEqual(SERVER_REASONS)
  })

  it('name a code, and tell permanent from transient', () => {
    expect(closeReasonOf(4403)).toBe('forbidden')
    expect(closeReasonOf(1006)).toBeNull()
    expect(isPermanentClose(4401)).toBe(true)
    expect(isPermanentClose(4503)).toBe(false)
    expect(isPermanentClose(1006)).toBe(false)
  })
})
