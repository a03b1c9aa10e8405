import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import {
  parseRule,
  RULE_OP_NAMES,
  type Rule,
  type RuleCondition,
  ruleToExpression,
  VALUELESS_OPS,
} from './rule'

describe('parseRule', () => {
  it('reads one comparison of a question with a choice', () => {
    expect(parseRule("{theoryStudy} = 'no'")).toEqual({
      all: [{ question: 'theoryStudy', op: 'eq', value: 'no' }],
    })
  })

  it('reads comparisons joined by and as all, by or as any, however they are bracketed', () => {
    expect(parseRule("{a} != 2 and ({b} contains '是' and {c} empty)")).toEqual({
      all: [
        { question: 'a', op: 'neq', value: 2 },
        { question: 'b', op: 'contains', value: '是' },
        { question: 'c', op: 'empty' },
      ],
    })
    expect(parseRule('{a} >= 60 or {b} notempty or {c} = true')).toEqual({
      any: [
        { question: 'a', op: 'gte', value: 60 },
        { question: 'b', op: 'notEmpty' },
        { question: 'c', op: 'eq', value: true },
      ],
    })
  })

  it('keeps a quoted number a string, as SurveyJS compares it', () => {
    expect(parseRule("{a} = '3'")).toEqual({ all: [{ question: 'a', op: 'eq', value: '3' }] })
  })

  it.each([
    ["{a} = 'x' or {b} = 'y' and {c} empty"],
    ["!({a} = 'x')"],
    ['age({birth}) > 60'],
    ["{a} anyof ['x', 'y']"],
    ['{a} = {b}'],
    ["{{a}} = 'x'"],
    [''],
    ['{a}'],
  ])('leaves %j as text: no rule can show it', (expression) => {
    expect(parseRule(expression)).toBeNull()
  })
})

describe('ruleToExpression', () => {
  it('writes SurveyJS condition syntax, quoting strings and escaping quotes', () => {
    const rule: Rule = {
      any: [
        { question: 'a', op: 'eq', value: "it's" },
        { question: 'b', op: 'lt', value: 3 },
        { question: 'c', op: 'notEmpty' },
      ],
    }
    expect(ruleToExpression(rule)).toBe("{a} = 'it\\'s' or {b} < 3 or {c} notempty")
  })

  it('writes a condition SurveyJS runs: the rule shows the question when it should', () => {
    const expression = ruleToExpression({
      all: [
        { question: 'a', op: 'eq', value: 'no' },
        { question: 'b', op: 'gt', value: 60 },
      ],
    })
    const model = new Model({
      elements: [
        { type: 'radiogroup', name: 'a', choices: ['yes', 'no'] },
        { type: 'text', inputType: 'number', name: 'b' },
        { type: 'text', name: 'c', visibleIf: expression },
      ],
    })
    model.data = { a: 'no', b: 61 }
    expect(model.getQuestionByName('c').isVisible).toBe(true)
    model.data = { a: 'no', b: 60 }
    expect(model.getQuestionByName('c').isVisible).toBe(false)
  })
})

// Names as offices write them (letters, digits, _, Chinese), values SurveyJS can write as
// literals: a backslash has no escape in its grammar, and survey-core rewrites `=>`, `=<`, `<>`
// and `equals` anywhere in an expression's text, inside quotes too (`patchExpression`), so a
// value holding one is not the value SurveyJS compares with: both are left out.
const SURVEY_CORE_REWRITES = /\\|=>|=<|<>|equals/
const nameArb = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{0,11}$/)
const valueArb = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !SURVEY_CORE_REWRITES.test(s)),
  fc.integer({ min: -100000, max: 100000 }),
  fc.integer({ min: -10000, max: 10000 }).map((n) => n / 100),
  fc.boolean(),
)
const conditionArb: fc.Arbitrary<RuleCondition> = fc
  .record({ question: nameArb, op: fc.constantFrom(...RULE_OP_NAMES), value: valueArb })
  .map(({ question, op, value }) =>
    VALUELESS_OPS.has(op) ? { question, op } : { question, op, value },
  )
const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.array(conditionArb, { minLength: 1, maxLength: 5 }).map((all) => ({ all })),
  fc.array(conditionArb, { minLength: 1, maxLength: 5 }).map((any) => ({ any })),
)

describe('a rule and its expression', () => {
  it('round-trip: parseRule(ruleToExpression(rule)) is the rule', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const back = parseRule(ruleToExpression(rule))
        // One condition reads back as `all`: with nothing to join, and and or are the same rule.
        const conditions = 'all' in rule ? rule.all : rule.any
        const expected = conditions.length === 1 ? { all: conditions } : rule
        expect(back).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
