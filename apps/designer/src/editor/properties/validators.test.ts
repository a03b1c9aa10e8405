import { validateForm } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { messageIn, readValidators, validatorsValue, withMessage, withParam } from './validators'

describe('validator editing', () => {
  it('sets and clears numeric parameters, refusing text that is not a number', () => {
    const min = { key: 'minValue', number: true }
    const v = withParam({ type: 'numeric' }, min, '3')
    expect(v).toEqual({ type: 'numeric', minValue: 3 })
    expect(withParam(v, min, '')).toEqual({ type: 'numeric' })
    expect(() => withParam(v, min, 'three')).toThrow(
      /numeric validator: minValue must be a number, not "three"/,
    )
    expect(withParam({ type: 'regex' }, { key: 'regex', number: false }, '^\\d+$')).toEqual({
      type: 'regex',
      regex: '^\\d+$',
    })
  })

  it('keeps a zh-CN-only message a plain string and makes a locale object once English is given', () => {
    const zh = withMessage({ type: 'text', maxLength: 5 }, 'default', '太长了')
    expect(zh.text).toBe('太长了')
    const both = withMessage(zh, 'en', 'Too long')
    expect(both.text).toEqual({ default: '太长了', en: 'Too long' })
    expect(messageIn(both, 'en')).toBe('Too long')
    expect(withMessage(both, 'en', '').text).toBe('太长了')
    expect(withMessage(withMessage(both, 'en', ''), 'default', '')).toEqual({
      type: 'text',
      maxLength: 5,
    })
  })

  it('reads only objects, and removes the property when the last validator goes', () => {
    expect(readValidators([{ type: 'numeric' }, 'x', null, [1]])).toEqual([{ type: 'numeric' }])
    expect(readValidators('x')).toEqual([])
    expect(validatorsValue([])).toBeUndefined()
  })

  it('makes validators the SDK accepts in a form', () => {
    let v = withParam({ type: 'numeric' }, { key: 'minValue', number: true }, '1')
    v = withParam(v, { key: 'maxValue', number: true }, '10')
    v = withMessage(withMessage(v, 'default', '请输入 1 到 10'), 'en', 'Enter 1 to 10')
    const form = {
      title: 'x',
      pages: [
        {
          name: 'p',
          elements: [{ type: 'text', name: 'n', inputType: 'number', validators: [v] }],
        },
      ],
    }
    expect(validateForm(form as never).errors).toEqual([])
  })
})
