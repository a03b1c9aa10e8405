import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { problemEntry } from '../builders/problem-entry'
import { LOCALES } from '../text'
import { validateForm } from '../validate-form'
import { TEXT_PROBLEM_CODES, textProblemMessage } from './messages'
import { parseFormText } from './parse-form-text'

const FIXTURES = new URL('../../test/fixtures/text-import/', import.meta.url)

/** The expected JSON names the standard 问题清单 entry (`problemEntry`) rather than copy it. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand)
  if (value && typeof value === 'object') {
    const entry = (value as { $problemEntry?: string }).$problemEntry
    if (entry !== undefined) return problemEntry(entry)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]))
  }
  return value
}

describe.each(['wjx', 'tencent'])('the %s fixture', (name) => {
  const text = readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8')
  const expected = expand(
    JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')),
  )
  const result = parseFormText(text)

  it('reads into the expected form, syntax and problems', () => {
    expect(result).toEqual(expected)
  })

  it('has at least 50 questions and its form passes validateForm', () => {
    const questions = text.split('\n').filter((line) => /^\d+\s*[.．、]/.test(line))
    expect(questions.length).toBeGreaterThanOrEqual(50)
    expect(validateForm(result.form).errors).toEqual([])
  })
})

describe('parseFormText', () => {
  it('reads the older 问卷星 form: with one * in the text, only starred questions are required', () => {
    const { form } = parseFormText('1. 姓名*[填空题]\n\n2. 备注[填空题]')
    expect(form.pages?.[0]?.elements).toEqual([
      { type: 'text', name: 'q1', title: '姓名', isRequired: true },
      { type: 'text', name: 'q2', title: '备注' },
    ])
  })

  it('keeps brackets that belong to the title and reads tags in any bracket pair', () => {
    const { form } = parseFormText('1. 年龄（周岁）【多选题】(选填)\nA. 一\nB. 二')
    expect(form.pages?.[0]?.elements?.[0]).toEqual({
      type: 'checkbox',
      name: 'q1',
      title: '年龄（周岁）',
      choices: ['一', '二'],
    })
  })

  it('does not make a quiz when a choice question lacks its answer, and says which', () => {
    const result = parseFormText(
      '1. 甲[单选题][答案：A]\nA. 是\nB. 否\n\n2. 乙[单选题]\nA. 是\nB. 否',
    )
    expect(result.form.kind).toBeUndefined()
    expect(result.problems).toEqual([{ line: 5, code: 'missingAnswer', text: '2. 乙[单选题]' }])
    expect(validateForm(result.form).errors).toEqual([])
  })

  it('lists a 问题清单 tag on an item that is not 是否 and a scale without a range', () => {
    const result = parseFormText('1. 甲[单选题][问题清单]\nA. 是\n\n2. 乙[量表题]\n很好')
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'followUpNotYesNo'],
      [4, 'badScale'],
      [5, 'skipped'],
    ])
  })

  it('leaves out the weights, naming the question, when a scored question is under no heading', () => {
    const text =
      '【维度】甲（权重：10）\n\n1. a[单选题]\nA. x (1分)\n\n=====分页栏=====\n\n2. b[单选题]\nA. y (1分)'
    const result = parseFormText(text)
    expect(result.form.dimensions).toEqual([{ name: 'dim1', title: '甲' }])
    expect(result.problems).toEqual([
      { line: 1, code: 'weightsDropped', text: '【维度】甲（权重：10）', detail: 'b' },
    ])
    expect(validateForm(result.form).errors).toEqual([])
  })

  it('tells 腾讯问卷 from 问卷星 unless told', () => {
    expect(parseFormText('1. 甲[填空题][必答]').syntax).toBe('tencent')
    expect(parseFormText('1. 甲[填空题]').syntax).toBe('wjx')
    // 腾讯问卷's description after the tag tells it; 问卷星's （选填） there does not.
    expect(parseFormText('1. 甲[填空题](请写全称)').syntax).toBe('tencent')
    expect(parseFormText('1. 甲[填空题]（选填）').syntax).toBe('wjx')
    expect(parseFormText('1. 甲[填空题][必答]', { syntax: 'wjx' }).syntax).toBe('wjx')
  })

  it('words every problem code in zh-CN and English', () => {
    for (const code of Object.values(TEXT_PROBLEM_CODES))
      for (const locale of LOCALES)
        expect(textProblemMessage(code, locale, { detail: 'x' })).not.toBe('')
  })
})
