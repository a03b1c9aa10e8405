import { describe, expect, it } from 'vitest'
import { errorOf } from './client'

const response = (status: number, statusText = '') => new Response(null, { status, statusText })

describe('an error answer becomes an ApiError with a code of the contract’s closed set', () => {
  it('keeps the code, message and details of the API’s error JSON', () => {
    const body = { error: { code: 'notFound', message: 'No form 7', details: { id: 7 } } }
    const error = errorOf(response(404), body)
    expect([error.status, error.code, error.message, error.details]).toEqual([
      404,
      'notFound',
      'No form 7',
      { id: 7 },
    ])
  })

  it('reads a code outside the closed set, or a body that is not the API’s, as http<status>', () => {
    const unknown = { error: { code: 'teapot', message: 'short and stout', details: null } }
    expect(errorOf(response(418, "I'm a teapot"), unknown).code).toBe('http418')
    const proxy = errorOf(response(502, 'Bad Gateway'), undefined)
    expect([proxy.code, proxy.message]).toEqual(['http502', 'Bad Gateway'])
  })
})
