import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textForm } from '../../test/text-forms'
import { templates } from '../templates/index'
import { LOCALES } from '../text'
import { validateForm } from '../validate-form'
import { formToText } from './form-to-text'
import { NOT_CARRIED_CODES, notCarriedMessage } from './messages'
import { parseFormText } from './parse-form-text'
import { TEXT_SYNTAXES } from './syntax'

describe('formToText', () => {
  it.each(TEXT_SYNTAXES)('reads back every form within the format unchanged (%s)', (syntax) => {
    fc.assert(
      fc.property(textForm, (form) => {
        const { text, notCarried } = formToText(form, { syntax })
        expect(notCarried).toEqual([])
        const read = parseFormText(text, { syntax })
        expect(read.problems).toEqual([])
        expect(read.form).toStrictEqual(form)
      }),
      { numRuns: 300 },
    )
  })

  it('reads every generated form’s text into a form validateForm accepts', () => {
    fc.assert(
      fc.property(textForm, (form) => {
        const read = parseFormText(formToText(form).text)
        expect(validateForm(read.form).errors).toEqual([])
      }),
      { numRuns: 100 },
    )
  })

  it('lists what a template cannot carry, and its text still reads into a valid form', () => {
    for (const [id, template] of Object.entries(templates)) {
      const { text, notCarried } = formToText(template)
      expect(notCarried.length, id).toBeGreaterThan(0)
      const read = parseFormText(text)
      expect(validateForm(read.form).errors, id).toEqual([])
    }
  })

  it('names the path of a translation, a rule and a panel it leaves behind', () => {
    const { notCarried } = formToText({
      pages: [
        {
          name: 'page1',
          elements: [
            {
              type: 'text',
              name: 'q1',
              title: { default: '姓名', en: 'Name' },
              visibleIf: '{a} = 1',
            },
            { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q2', title: '电话' }] },
          ],
        },
      ],
    })
    // Panels first: the text flattens them before writing any question.
    expect(notCarried).toEqual([
      { path: 'pages[0].elements[1]', code: 'panel' },
      { path: 'pages[0].elements[0].visibleIf', code: 'property', detail: 'visibleIf' },
      { path: 'pages[0].elements[0].title', code: 'translation' },
    ])
  })

  it('words every not-carried code in zh-CN and English', () => {
    for (const code of Object.values(NOT_CARRIED_CODES))
      for (const locale of LOCALES)
        expect(notCarriedMessage(code, locale, { detail: 'x' })).not.toBe('')
  })
})
