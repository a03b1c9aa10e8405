import { describe, expect, it } from 'vitest'
import { ERROR_CODES, ERROR_STATUS, ErrorCodeSchema, isErrorBody } from '../src/index'

describe('the error codes, a closed set end to end', () => {
  it('lists every code of the status table, and only those, in the schema', () => {
    expect(ErrorCodeSchema.options).toEqual(Object.keys(ERROR_STATUS))
    expect(ERROR_CODES).toEqual(Object.keys(ERROR_STATUS))
    expect(ErrorCodeSchema.safeParse('teapot').success).toBe(false)
  })

  it('recognises the API’s error JSON only with a known code', () => {
    expect(isErrorBody({ error: { code: 'notFound', message: 'No form 7', details: null } })).toBe(
      true,
    )
    expect(isErrorBody({ error: { code: 'teapot', message: 'x', details: null } })).toBe(false)
    expect(isErrorBody({ error: 'notFound' })).toBe(false)
    expect(isErrorBody('<html>Bad Gateway</html>')).toBe(false)
    expect(isErrorBody(undefined)).toBe(false)
  })
})
