import { describe, expect, it } from 'vitest'
import { assertFormLimits, FORM_LIMITS, FormLimitError, formLimitIssue } from './form-limits'
import { templates } from './templates/index'
import type { ElementJson, FormJson } from './types'
import { validateForm } from './validate-form'

/** `depth` panels nested in one another, a question in the innermost. */
function nestedPanels(depth: number): FormJson {
  let inner: ElementJson = { type: 'text', name: 'q' }
  for (let i = depth; i > 0; i--)
    inner = { type: 'panel', name: `nestedPanel${i}`, elements: [inner] }
  return { pages: [{ name: 'page1', elements: [inner] }] }
}

function questions(count: number, perPage = 50): FormJson {
  const pages = []
  for (let made = 0; made < count; made += perPage + 1) {
    const n = Math.min(perPage, count - made - 1)
    pages.push({
      name: `page${made}`,
      elements: Array.from({ length: n }, (_, i) => ({ type: 'text', name: `q${made}_${i}` })),
    })
  }
  return { pages }
}

describe('formLimitIssue', () => {
  it('every template is well inside the caps', () => {
    for (const form of Object.values(templates)) expect(formLimitIssue(form)).toBeNull()
  })

  it('refuses 320 nested panels (20 KB) at the first level past the cap, with its path', () => {
    const form = nestedPanels(320)
    expect(JSON.stringify(form).length).toBeGreaterThan(15_000)
    const found = formLimitIssue(form)
    expect(found).toEqual({
      code: 'formTooDeep',
      measure: 'elements',
      limit: FORM_LIMITS.maxDepth,
      path: `pages[0]${'.elements[0]'.repeat(FORM_LIMITS.maxDepth + 1)}`,
    })
  })

  it('accepts a form at the depth cap and refuses one level more', () => {
    // maxDepth − 1 panels: the question inside the innermost is at depth maxDepth.
    expect(formLimitIssue(nestedPanels(FORM_LIMITS.maxDepth - 1))).toBeNull()
    expect(formLimitIssue(nestedPanels(FORM_LIMITS.maxDepth))?.code).toBe('formTooDeep')
  })

  it('counts dynamic panel templates and matrix detail panels as nesting', () => {
    let inner: ElementJson = { type: 'text', name: 'q' }
    for (let i = 0; i < FORM_LIMITS.maxDepth; i++) {
      inner =
        i % 2 === 0
          ? { type: 'paneldynamic', name: `d${i}`, templateElements: [inner] }
          : { type: 'matrixdynamic', name: `m${i}`, detailElements: [inner] }
    }
    expect(formLimitIssue({ elements: [inner] })?.code).toBe('formTooDeep')
  })

  it('accepts maxElements pages and elements and refuses one more, naming the first extra', () => {
    expect(formLimitIssue(questions(FORM_LIMITS.maxElements))).toBeNull()
    const found = formLimitIssue(questions(FORM_LIMITS.maxElements + 1))
    expect(found?.code).toBe('formTooLarge')
    expect(found?.measure).toBe('count')
  })

  it('caps any JSON nesting, also inside plain values, without recursion', () => {
    let value: unknown = 1
    for (let i = 0; i < 100_000; i++) value = [value]
    const found = formLimitIssue({
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', x: value }] }],
    })
    expect(found).toMatchObject({
      code: 'formTooDeep',
      measure: 'json',
      limit: FORM_LIMITS.maxJsonDepth,
    })
  })

  it('checks a part at its place: an element added into a panel at the cap', () => {
    const panel = { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q' }] }
    expect(formLimitIssue(panel, { root: 'element', depth: FORM_LIMITS.maxDepth - 2 })).toBeNull()
    expect(formLimitIssue(panel, { root: 'element', depth: FORM_LIMITS.maxDepth - 1 })?.code).toBe(
      'formTooDeep',
    )
    expect(
      formLimitIssue(panel, { root: 'element', elements: FORM_LIMITS.maxElements - 1 })?.code,
    ).toBe('formTooLarge')
  })

  it('assertFormLimits throws a typed FormLimitError', () => {
    expect(() => assertFormLimits(nestedPanels(50))).toThrow(FormLimitError)
  })
})

describe('validateForm and the caps', () => {
  it('answers formTooDeep for 320 nested panels without building a SurveyJS model', () => {
    const started = performance.now()
    const { valid, errors } = validateForm(nestedPanels(320), { locale: 'en' })
    expect(valid).toBe(false)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.code).toBe('formTooDeep')
    expect(errors[0]?.message).toContain(`at most ${FORM_LIMITS.maxDepth} levels`)
    // A model of this form takes ~25 s; the check itself is linear (generous bound, not a figure).
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('still validates a form at the depth cap', () => {
    expect(validateForm(nestedPanels(FORM_LIMITS.maxDepth - 1)).valid).toBe(true)
  })
})
