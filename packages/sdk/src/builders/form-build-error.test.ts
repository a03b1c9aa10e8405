import { describe, expect, test } from 'vitest'
import { FORM_BUILD_ERROR_CODES, FormBuildError } from './form-build-error'

describe('FormBuildError', () => {
  test('is an Error carrying its code and the input path', () => {
    const error = new FormBuildError(FORM_BUILD_ERROR_CODES.DUPLICATE_NAME, {
      what: "Duplicate name 'q1'",
      where: 'questions[1].name',
      why: 'names must be unique',
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(FormBuildError)
    expect(error.name).toBe('FormBuildError')
    expect(error.code).toBe('DUPLICATE_NAME')
    expect(error.path).toBe('questions[1].name')
  })

  test('reads "what at where: why"', () => {
    const error = new FormBuildError(FORM_BUILD_ERROR_CODES.EMPTY_FORM, {
      what: 'Empty list []',
      where: 'dimensions',
      why: 'a form needs a dimension',
    })
    expect(error.message).toBe('Empty list [] at dimensions: a form needs a dimension')
  })

  test('every code is spelt the same as its key', () => {
    for (const [key, code] of Object.entries(FORM_BUILD_ERROR_CODES)) expect(code).toBe(key)
  })
})
