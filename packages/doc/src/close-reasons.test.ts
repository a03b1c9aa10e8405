import { describe, expect, it } from 'vitest'
import {
  CLOSE_REASONS,
  closeReasonOf,
  isPermanentClose,
  isRefusal,
  isRejectedEdit,
} from './close-reasons'

describe('close reasons', () => {
  it('name a code, and tell permanent from transient', () => {
    expect(closeReasonOf(4403)).toBe('forbidden')
    expect(closeReasonOf(1006)).toBeNull()
    expect(isPermanentClose(4401)).toBe(true)
    expect(isPermanentClose(4503)).toBe(false)
    expect(isPermanentClose(1006)).toBe(false)
  })

  it('refuse for good only a session that may not edit: everything else is reconnected', () => {
    const refusals = Object.entries(CLOSE_REASONS)
      .filter(([, code]) => isRefusal(code))
      .map(([reason]) => reason)
    expect(refusals).toEqual(['unauthenticated', 'forbidden', 'notFound'])
    expect(isRefusal(1006)).toBe(false)
    expect(isRefusal(4503)).toBe(false)
  })

  it('reject for good only an edit the server refuses whenever it is sent again [COL27]', () => {
    const rejected = Object.entries(CLOSE_REASONS)
      .filter(([, code]) => isRejectedEdit(code))
      .map(([reason]) => reason)
    expect(rejected).toEqual(['overFormLimits'])
    expect(Object.values(CLOSE_REASONS).filter((c) => isRefusal(c) && isRejectedEdit(c))).toEqual(
      [],
    )
  })
})
