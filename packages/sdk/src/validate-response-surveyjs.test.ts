import { describe, expect, it } from 'vitest'
import type { ElementJson, FormJson } from './types'
import { validateResponse } from './validate-response'

// Each case was checked on a headless survey-core 3.1.1 Model (set `data`, `validate()`):
// what it accepts is accepted here, what it refuses is refused here.
const one = (element: Partial<ElementJson>, form: Partial<FormJson> = {}): FormJson => ({
  ...form,
  elements: [{ type: 'text', name: 'q', ...element } as ElementJson],
})
const codes = (form: FormJson, answers: Record<string, unknown>) =>
  validateResponse(form, answers, { locale: 'en' }).errors.map((e) =>
    e.item === undefined ? e.code : `${e.code}@${e.item}`,
  )

describe('validateResponse accepts what SurveyJS accepts', () => {
  it('reads a checkbox answer stored under valuePropertyName', () => {
    const form = one({ type: 'checkbox', choices: ['a', 'b'], valuePropertyName: 'fruit' })
    expect(codes(form, { q: [{ fruit: 'a' }, { fruit: 'b' }] })).toEqual([])
    expect(codes(form, { q: [{ fruit: 'z' }] })).toEqual(['notAChoice'])
  })

  it('takes a list from an image picker with multiSelect', () => {
    const form = one({ type: 'imagepicker', multiSelect: true, choices: ['a', 'b'] })
    expect(codes(form, { q: ['a', 'b'] })).toEqual([])
  })

  it('takes the "other" text as the value with storeOthersAsComment: false', () => {
    const question = { type: 'radiogroup', choices: ['a'], showOtherItem: true }
    expect(codes(one({ ...question, storeOthersAsComment: false }), { q: '自填' })).toEqual([])
    expect(codes(one(question, { storeOthersAsComment: false }), { q: '自填' })).toEqual([])
  })

  it('does not check choices copied from another question (choicesFromQuestion)', () => {
    const form: FormJson = {
      elements: [
        { type: 'checkbox', name: 'src', choices: ['a', 'b'] },
        { type: 'radiogroup', name: 'q', choicesFromQuestion: 'src', choices: ['zz'] },
      ],
    }
    expect(codes(form, { src: ['a'], q: 'a' })).toEqual([])
  })

  it('offers the numbers of choicesMin, choicesMax and choicesStep', () => {
    const form = one({ type: 'dropdown', choicesMin: 1, choicesMax: 9, choicesStep: 2 })
    expect(codes(form, { q: 7 })).toEqual([])
    expect(codes(form, { q: 4 })).toEqual(['notAChoice'])
  })

  it('reads a rating scale as SurveyJS generates it (rateCount, rateMin, rateMax, rateStep)', () => {
    expect(codes(one({ type: 'rating', rateMin: 0, rateCount: 11 }), { q: 10 })).toEqual([])
    expect(codes(one({ type: 'rating', rateMax: 10 }), { q: 7 })).toEqual([])
    const stepped = one({ type: 'rating', rateMin: 0, rateMax: 10, rateStep: 2 })
    expect(codes(stepped, { q: 8 })).toEqual([])
    expect(codes(stepped, { q: 3 })).toEqual(['notAChoice'])
    expect(codes(stepped, { q: 12 })).toEqual(['outOfRange'])
    expect(codes(one({ type: 'rating', rateValues: [1, 'x'] }), { q: 'x' })).toEqual([])
  })

  it('requires nothing of read-only, disabled, html and expression questions', () => {
    expect(codes(one({ isRequired: true, readOnly: true }), {})).toEqual([])
    expect(codes(one({ isRequired: true }, { mode: 'display' }), {})).toEqual([])
    const disabled: FormJson = {
      elements: [
        { type: 'text', name: 'gate' },
        { type: 'text', name: 'q', isRequired: true, enableIf: '{gate} = 1' },
      ],
    }
    expect(codes(disabled, { gate: 2 })).toEqual([])
    expect(codes(disabled, { gate: 1 })).toEqual(['required'])
    expect(codes(one({ type: 'html', isRequired: true, html: '<p>x</p>' }), {})).toEqual([])
    expect(codes(one({ type: 'expression', isRequired: true, expression: '1' }), {})).toEqual([])
  })
})

describe('validateResponse refuses what SurveyJS refuses', () => {
  it('runs the validators of a question', () => {
    const numeric = one({ validators: [{ type: 'numeric', minValue: 1, maxValue: 5 }] })
    expect(codes(numeric, { q: 7 })).toEqual(['invalidAnswer'])
    expect(codes(numeric, { q: 3 })).toEqual([])
    const length = one({ validators: [{ type: 'text', minLength: 3, allowDigits: false }] })
    expect(codes(length, { q: 'ab' })).toEqual(['invalidAnswer'])
    expect(codes(length, { q: 'ab1' })).toEqual(['invalidAnswer'])
    expect(codes(length, { q: 'abc' })).toEqual([])
    const regex = one({ validators: [{ type: 'regex', regex: '^\\d+$' }] })
    expect(codes(regex, { q: '12a' })).toEqual(['invalidAnswer'])
    expect(codes(one({ validators: [{ type: 'email' }] }), { q: 'x@' })).toEqual(['invalidAnswer'])
    expect(codes(one({ inputType: 'email' }), { q: 'x@' })).toEqual(['invalidAnswer'])
    const count = one({
      type: 'checkbox',
      choices: ['a', 'b', 'c'],
      validators: [{ type: 'answercount', minCount: 2 }],
    })
    expect(codes(count, { q: ['a'] })).toEqual(['invalidAnswer'])
    expect(codes(count, { q: ['a', 'b'] })).toEqual([])
  })

  it('runs an expression validator on the answers, even on an empty question', () => {
    const form: FormJson = {
      elements: [
        { type: 'text', name: 'q', validators: [{ type: 'expression', expression: '{q} > {b}' }] },
        { type: 'text', name: 'b' },
      ],
    }
    expect(codes(form, { q: 1, b: 2 })).toEqual(['invalidAnswer'])
    expect(codes(form, { b: 2 })).toEqual(['invalidAnswer'])
    expect(codes(form, { q: 3, b: 2 })).toEqual([])
  })

  it('runs the validators of multiple-text items', () => {
    const form = one({
      type: 'multipletext',
      items: [{ name: 'age', validators: [{ type: 'numeric', maxValue: 120 }] }],
    })
    expect(codes(form, { q: { age: 130 } })).toEqual(['invalidAnswer@age'])
    expect(codes(form, { q: { age: 30 } })).toEqual([])
  })

  it('wants the text of a chosen "other" item', () => {
    const single = one({ type: 'radiogroup', choices: ['a'], showOtherItem: true })
    expect(codes(single, { q: 'other' })).toEqual(['otherCommentRequired'])
    expect(codes(single, { q: 'other', 'q-Comment': '自填' })).toEqual([])
    const many = one({ type: 'checkbox', choices: ['a'], showOtherItem: true })
    expect(codes(many, { q: ['a', 'other'] })).toEqual(['otherCommentRequired'])
  })

  it('refuses two rows of an eachRowUnique matrix on the same column', () => {
    const form = one({
      type: 'matrix',
      columns: ['c1', 'c2'],
      rows: ['r1', 'r2'],
      eachRowUnique: true,
    })
    expect(codes(form, { q: { r1: 'c1', r2: 'c1' } })).toEqual(['rowsNotUnique'])
    expect(codes(form, { q: { r1: 'c1', r2: 'c2' } })).toEqual([])
  })

  it('runs the validators of matrix cells and dynamic panels, with row and panel', () => {
    const matrix = one({
      type: 'matrixdynamic',
      columns: [{ name: 'age', cellType: 'text', validators: [{ type: 'numeric', maxValue: 9 }] }],
    })
    expect(codes(matrix, { q: [{ age: 3 }, { age: 30 }] })).toEqual(['invalidAnswer@1.age'])
    const panels = one({
      type: 'paneldynamic',
      templateElements: [
        { type: 'text', name: 'a' },
        {
          type: 'text',
          name: 'b',
          validators: [{ type: 'expression', expression: '{panel.a} = 1' }],
        },
      ],
    })
    expect(
      codes(panels, {
        q: [
          { a: 1, b: 'x' },
          { a: 2, b: 'y' },
        ],
      }),
    ).toEqual(['invalidAnswer@1.b'])
  })

  it('wants the text of "other" in a cell, where a value it does not offer is "other"', () => {
    const form = one({
      type: 'matrixdropdown',
      rows: ['r'],
      columns: [{ name: 'c', cellType: 'dropdown', choices: [1, 2], showOtherItem: true }],
    })
    expect(codes(form, { q: { r: { c: 'x' } } })).toEqual(['otherCommentRequired@r.c'])
    expect(codes(form, { q: { r: { c: 'other', 'c-Comment': '自填' } } })).toEqual([])
    expect(codes(form, { q: { r: { c: 2 } } })).toEqual([])
  })

  it('wants the comment of a chosen choice with isCommentRequired, kept as { value, comment }', () => {
    const form = one({
      type: 'radiogroup',
      choices: [{ value: 1, showCommentArea: true, isCommentRequired: true }, 2],
    })
    expect(codes(form, { q: 1 })).toEqual(['otherCommentRequired'])
    expect(codes(form, { q: { value: 1, comment: '因为' } })).toEqual([])
    expect(codes(form, { q: 2 })).toEqual([])
  })

  it('lets requiredIf decide alone, and enableIf disable only when it gives false', () => {
    const form: FormJson = {
      elements: [
        { type: 'text', name: 'gate' },
        { type: 'text', name: 'q', isRequired: true, requiredIf: '{gate} = 1' },
        { type: 'text', name: 'r', isRequired: true, enableIf: '{gate}' },
      ],
    }
    // `{gate}` is 2, not false: r stays enabled (SurveyJS takes `res === false` only).
    expect(codes(form, { gate: 2 })).toEqual(['required'])
    expect(validateResponse(form, { gate: 2 }).errors[0]?.question).toBe('r')
  })

  it('counts the default panels of a dynamic panel answered with none, and empty panels as none', () => {
    const form = one({
      type: 'paneldynamic',
      panelCount: 1,
      templateElements: [{ type: 'text', name: 'a', isRequired: true }],
    })
    expect(codes(form, { q: [] })).toEqual(['required@0.a'])
    expect(codes(one({ type: 'paneldynamic', isRequired: true }), { q: [{}, {}] })).toEqual([
      'required',
    ])
  })

  it("checks a text's min, max and step as SurveyJS compares them", () => {
    const date = one({ inputType: 'date', min: '2020-01-01' })
    expect(codes(date, { q: '2019-05-01' })).toEqual(['outOfRange'])
    expect(codes(date, { q: '2021-05-01' })).toEqual([])
    expect(codes(one({ inputType: 'number', step: 2 }), { q: 3 })).toEqual(['invalidAnswer'])
  })

  it('wants minSelectedChoices, even of no answer', () => {
    const form = one({ type: 'checkbox', choices: ['a', 'b', 'c'], minSelectedChoices: 2 })
    expect(codes(form, { q: ['a'] })).toEqual(['tooFewChoices'])
    expect(codes(form, {})).toEqual(['tooFewChoices'])
    expect(codes(form, { q: ['a', 'b'] })).toEqual([])
  })

  it('reads the old `questions` list of a page', () => {
    const form = {
      pages: [{ name: 'p', questions: [{ type: 'text', name: 'q', isRequired: true }] }],
    }
    expect(codes(form as FormJson, {})).toEqual(['required'])
  })

  it('runs no validator on a question already missing a required answer', () => {
    const form = one({
      isRequired: true,
      validators: [{ type: 'expression', expression: '1 = 2' }],
    })
    expect(codes(form, {})).toEqual(['required'])
  })
})

describe('where Yardstick is stricter than SurveyJS', () => {
  it('[duplicateChoicesRefused] refuses a choice given twice in a checkbox or tagbox answer', () => {
    // SurveyJS keeps ['a', 'a']; each copy would count again in a score.
    for (const type of ['checkbox', 'tagbox']) {
      const form = one({ type, choices: ['a', 'b'] })
      expect(codes(form, { q: ['a', 'a'] })).toEqual(['duplicateValue'])
      expect(codes(form, { q: ['a', 'b'] })).toEqual([])
    }
    const message = validateResponse(one({ type: 'checkbox', choices: ['a'] }), { q: ['a', 'a'] })
    expect(message.errors[0]?.message).toBe('题目“q”的选项“a”重复选择')
  })
})

describe('validateResponse on text limits', () => {
  it('checks a number against min, max and step as SurveyJS does, in both of its paths', () => {
    const literal = one({ inputType: 'number', min: 0, max: 6, step: 0.5 })
    // An expression limit takes survey-core's own question; literal numbers are compared here.
    const expression = one({ inputType: 'number', minValueExpression: '0', max: 6, step: 0.5 })
    for (const form of [literal, expression]) {
      expect(codes(form, { q: 6 })).toEqual([])
      expect(codes(form, { q: 2.5 })).toEqual([])
      expect(codes(form, { q: 7 })).toEqual(['outOfRange'])
      expect(codes(form, { q: -1 })).toEqual(['outOfRange'])
      expect(codes(form, { q: 2.25 })).toEqual(['invalidAnswer'])
    }
  })

  it('leaves the answers it is given as they were (survey-core writes into what it runs on)', () => {
    const form = one({ inputType: 'date', min: '2020-01-01' })
    const answers = { q: '2021-05-04' }
    expect(codes(form, answers)).toEqual([])
    expect(answers).toEqual({ q: '2021-05-04' })
    expect(codes(form, answers)).toEqual([])
  })
})
