import { validateForm } from '@yardstick/sdk'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { draftExpression, draftOf } from './draft'
import { NEW_TRIGGER, triggerList, triggerOf, triggerRuleOf, withTrigger } from './triggers'

const noValues = () => undefined

describe('skip and complete triggers as rules', () => {
  it('shows a skip trigger as rows and a target, and writes it back as it was', () => {
    const trigger = {
      type: 'skip',
      expression: "{paid} = 'no' and {months} > 3",
      gotoName: 'whyNot',
    }
    const rule = triggerRuleOf(trigger)
    expect(rule).toEqual({ type: 'skip', expression: trigger.expression, gotoName: 'whyNot' })
    const draft = rule && draftOf(rule.expression)
    expect(draft).toEqual({
      any: false,
      rows: [
        { question: 'paid', op: 'eq', value: 'no' },
        { question: 'months', op: 'gt', value: '3' },
      ],
    })
    if (!rule || !draft) return
    const expression = draftExpression(draft, noValues)
    expect(JSON.stringify(triggerOf({ ...rule, expression }, trigger))).toBe(
      JSON.stringify(trigger),
    )
  })

  it('builds a new rule step by step: a condition, then skip to a question, then end instead', () => {
    const condition = draftExpression(
      { any: false, rows: [{ question: 'paid', op: 'eq', value: 'no' }] },
      noValues,
    )
    const rule = triggerRuleOf(NEW_TRIGGER)
    expect(rule).toEqual({ type: 'skip', expression: '', gotoName: '' })
    if (!rule) return
    const withCondition = triggerOf({ ...rule, expression: condition }, NEW_TRIGGER)
    expect(withCondition).toEqual({ type: 'skip', expression: "{paid} = 'no'" })
    const skip = triggerOf({ ...rule, expression: condition, gotoName: 'whyNot' }, withCondition)
    expect(skip).toEqual({ type: 'skip', expression: "{paid} = 'no'", gotoName: 'whyNot' })
    // Ending the survey has no target: the skip's gotoName goes.
    const complete = triggerOf({ type: 'complete', expression: condition, gotoName: '' }, skip)
    expect(complete).toEqual({ type: 'complete', expression: "{paid} = 'no'" })
    expect(triggerRuleOf(complete)).toEqual({
      type: 'complete',
      expression: "{paid} = 'no'",
      gotoName: '',
    })
  })

  it('removes the condition when every row is removed, and keeps keys it does not edit', () => {
    const trigger = { type: 'complete', expression: '{a} empty', note: 'kept' }
    expect(triggerOf({ type: 'complete', expression: '', gotoName: '' }, trigger)).toEqual({
      type: 'complete',
      note: 'kept',
    })
  })

  it('leaves other trigger types to be shown read-only, and an expression beyond rules as text', () => {
    expect(triggerRuleOf({ type: 'setvalue', expression: '{a} empty', setToName: 'b' })).toBeNull()
    expect(triggerRuleOf({ type: 'runexpression', expression: '{a} empty' })).toBeNull()
    expect(triggerRuleOf('skip')).toBeNull()
    const rule = triggerRuleOf({ type: 'complete', expression: 'age({birth}) > 60' })
    expect(rule?.expression).toBe('age({birth}) > 60')
    expect(rule && draftOf(rule.expression)).toBeNull()
  })

  it('replaces or removes one trigger of the list, others untouched', () => {
    const other = { type: 'setvalue', expression: '{a} empty', setToName: 'b', setValue: 1 }
    const list = triggerList([other, { type: 'complete', expression: '{a} empty' }])
    expect(withTrigger(list, 1, { type: 'complete' })).toEqual([other, { type: 'complete' }])
    expect(withTrigger(list, 1, null)).toEqual([other])
    expect(triggerList(undefined)).toEqual([])
  })

  it('writes triggers SurveyJS runs and the SDK accepts: 否 skips to the reason, 是 ends', () => {
    const rows = (value: string) => ({
      any: false,
      rows: [{ question: 'paid', op: 'eq' as const, value }],
    })
    const skip = triggerOf(
      { type: 'skip', expression: draftExpression(rows('no'), noValues), gotoName: 'whyNot' },
      NEW_TRIGGER,
    )
    const end = triggerOf(
      { type: 'complete', expression: draftExpression(rows('yes'), noValues), gotoName: '' },
      NEW_TRIGGER,
    )
    const form = {
      pages: [
        { name: 'p1', elements: [{ type: 'radiogroup', name: 'paid', choices: ['yes', 'no'] }] },
        { name: 'p2', elements: [{ type: 'text', name: 'months' }] },
        { name: 'p3', elements: [{ type: 'comment', name: 'whyNot' }] },
      ],
      triggers: [skip, end],
    }
    expect(validateForm(form).errors).toEqual([])
    const skipping = new Model(form)
    skipping.setValue('paid', 'no')
    expect(skipping.currentPage.name).toBe('p3')
    const ending = new Model(form)
    ending.setValue('paid', 'yes')
    ending.nextPage()
    expect(ending.state).toBe('completed')
  })
})
