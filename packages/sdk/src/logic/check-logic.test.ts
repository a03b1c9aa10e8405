import { describe, expect, it } from 'vitest'
import type { FormJson } from '../types'
import { validateForm } from '../validate-form'
import { checkLogic } from './check-logic'
import { rulesReferring } from './referring'

const party: FormJson = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'theoryStudy', choices: ['yes', 'no'] },
        { type: 'comment', name: 'why', visibleIf: "{theoryStudy} = 'no'" },
        { type: 'text', name: 'plan', requiredIf: "{theoryStudy} = 'no' and {why} notempty" },
      ],
    },
  ],
}

const without = (form: FormJson, name: string): FormJson => ({
  pages: (form.pages ?? []).map((page) => ({
    ...page,
    elements: (page.elements ?? []).filter((e) => e.name !== name),
  })),
})

describe('checkLogic', () => {
  it('finds nothing wrong in working logic', () => {
    expect(checkLogic(party)).toEqual([])
  })

  it('names each rule referring to a deleted question: element, property and code', () => {
    const issues = checkLogic(without(party, 'theoryStudy'))
    expect(
      issues.map(({ code, element, property, question }) => [code, element, property, question]),
    ).toEqual([
      ['logicUnknownQuestion', 'why', 'visibleIf', 'theoryStudy'],
      ['logicUnknownQuestion', 'plan', 'requiredIf', 'theoryStudy'],
    ])
    expect(issues[0]?.path).toBe('pages[0].elements[0].visibleIf')
  })

  it('finds a rule pointing at a renamed question', () => {
    const renamed = structuredClone(party)
    const first = renamed.pages?.[0]?.elements?.[0]
    if (first) first.name = 'study'
    expect(checkLogic(renamed).map((i) => [i.code, i.element, i.question])).toEqual([
      ['logicUnknownQuestion', 'why', 'theoryStudy'],
      ['logicUnknownQuestion', 'plan', 'theoryStudy'],
    ])
  })

  it('finds a value no longer among the choices', () => {
    const form = structuredClone(party)
    const first = form.pages?.[0]?.elements?.[0]
    if (first) first.choices = ['yes', 'partly']
    const issues = checkLogic(form)
    expect(
      issues.map(({ code, element, property, value }) => [code, element, property, value]),
    ).toEqual([
      ['logicUnknownChoice', 'why', 'visibleIf', 'no'],
      ['logicUnknownChoice', 'plan', 'requiredIf', 'no'],
    ])
  })

  it('finds a cycle: A shown on B and B shown on A', () => {
    const form: FormJson = {
      elements: [
        { type: 'radiogroup', name: 'a', choices: ['x'], visibleIf: "{b} = 'x'" },
        { type: 'radiogroup', name: 'b', choices: ['x'], enableIf: "{a} = 'x'" },
        { type: 'text', name: 'c', visibleIf: "{a} = 'x'" },
      ],
    }
    expect(
      checkLogic(form).map(({ code, element, property, cycle }) => [
        code,
        element,
        property,
        cycle,
      ]),
    ).toEqual([
      ['logicCycle', 'a', 'visibleIf', ['a', 'b']],
      ['logicCycle', 'b', 'enableIf', ['a', 'b']],
    ])
  })

  it('does not count requiredIf, which gates no answer, in a cycle', () => {
    const form = {
      elements: [
        { type: 'text', name: 'a', enableIf: '{b} notempty' },
        { type: 'text', name: 'b', requiredIf: '{a} notempty' },
      ],
    }
    expect(checkLogic(form)).toEqual([])
  })

  it('does not count a condition on its own question as a cycle', () => {
    const form = { elements: [{ type: 'text', name: 'a', requiredIf: '{a} notempty' }] }
    expect(checkLogic(form)).toEqual([])
  })

  it('checks survey-level logic: a skip trigger to a missing question, a completion condition', () => {
    const form = {
      elements: [{ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }],
      triggers: [{ type: 'skip', expression: "{a} = 'x'", gotoName: 'gone' }],
      completedHtmlOnCondition: [{ expression: "{a} = 'z'", html: 'bye' }],
    }
    expect(
      checkLogic(form).map(({ code, element, property }) => [code, element, property]),
    ).toEqual([
      ['logicUnknownChoice', '', 'completedHtmlOnCondition'],
      ['logicUnknownQuestion', '', 'triggers'],
    ])
  })

  it('knows the variables the host sets', () => {
    const form = { elements: [{ type: 'text', name: 'q', visibleIf: "{region} = 'north'" }] }
    expect(checkLogic(form)).toHaveLength(1)
    expect(checkLogic(form, { knownVariables: ['region'] })).toEqual([])
  })
})

describe('validateForm refuses broken logic', () => {
  it('lists it once, with its code, element, property and a message naming the rule', () => {
    const { valid, errors } = validateForm(without(party, 'theoryStudy'), { locale: 'zh-CN' })
    expect(valid).toBe(false)
    expect(errors.map(({ code, element, property }) => [code, element, property])).toEqual([
      ['logicUnknownQuestion', 'why', 'visibleIf'],
      ['logicUnknownQuestion', 'plan', 'requiredIf'],
    ])
    expect(errors[0]?.message).toBe('“why”的显示条件引用的题目“theoryStudy”不存在（已删除或改名）')
    const en = validateForm(without(party, 'theoryStudy'), { locale: 'en' }).errors[1]?.message
    expect(en).toBe(
      'The required-if condition of "plan" refers to "theoryStudy", which no longer exists (deleted or renamed)',
    )
  })

  it('blocks a value no longer among the choices and a cycle, which SurveyJS lets pass', () => {
    const form = {
      elements: [
        { type: 'radiogroup', name: 'a', choices: ['x'], visibleIf: "{b} = 'x'" },
        { type: 'radiogroup', name: 'b', choices: ['x'], visibleIf: "{a} = 'gone'" },
      ],
    }
    const { errors, warnings } = validateForm(form, { locale: 'en' })
    expect(errors.map((e) => e.code).sort()).toEqual([
      'logicCycle',
      'logicCycle',
      'logicUnknownChoice',
    ])
    expect(warnings.map((w) => w.code)).not.toContain('expression/unknown-choice')
  })
  it('blocks a skip rule whose target question was deleted, naming the rule by its number', () => {
    const form = {
      elements: [
        { type: 'radiogroup', name: 'paid', choices: ['yes', 'no'] },
        { type: 'text', name: 'end' },
      ],
      triggers: [
        { type: 'complete', expression: "{paid} = 'yes'" },
        { type: 'skip', expression: "{paid} = 'no'", gotoName: 'why' },
      ],
    }
    expect(
      checkLogic(form).map(({ code, path, item, question }) => [code, path, item, question]),
    ).toEqual([['logicUnknownQuestion', 'triggers[1].gotoName', 1, 'why']])
    const zh = validateForm(form, { locale: 'zh-CN' })
    expect(zh.valid).toBe(false)
    expect(zh.errors.map((e) => e.message)).toEqual([
      '表单的第 2 条跳题与结束规则引用的题目“why”不存在（已删除或改名）',
    ])
    expect(validateForm(form, { locale: 'en' }).errors.map((e) => e.message)).toEqual([
      `Rule 2 of the form's skip and end rules refers to "why", which no longer exists (deleted or renamed)`,
    ])
  })
})

describe('rulesReferring', () => {
  it('names the rules that refer to a question, not its own', () => {
    const form = structuredClone(party)
    const first = form.pages?.[0]?.elements?.[0]
    if (first) first.visibleIf = '{theoryStudy} empty or {plan} notempty'
    expect(rulesReferring(form, 'theoryStudy').map((r) => [r.element, r.property])).toEqual([
      ['why', 'visibleIf'],
      ['plan', 'requiredIf'],
    ])
    expect(rulesReferring(form, 'THEORYSTUDY')).toHaveLength(2)
    expect(rulesReferring(form, 'plan').map((r) => [r.element, r.property])).toEqual([
      ['theoryStudy', 'visibleIf'],
    ])
    expect(rulesReferring(form, 'nobody')).toEqual([])
  })

  it('counts a trigger targeting the question', () => {
    const form = {
      elements: [
        { type: 'text', name: 'a' },
        { type: 'text', name: 'end' },
      ],
      triggers: [{ type: 'skip', expression: '{a} empty', gotoName: 'end' }],
    }
    expect(rulesReferring(form, 'end').map((r) => [r.element, r.property, r.path])).toEqual([
      ['', 'triggers', 'triggers[0].gotoName'],
    ])
  })
})
