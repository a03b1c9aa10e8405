import { describe, expect, it } from 'vitest'
import { templates } from '../templates/index'
import type { FormJson } from '../types'
import { askReasons } from './reason-comments'
import { SanitizedModel, setSurveyLocale } from './sanitized-model'

const scorecard = (): { model: SanitizedModel; form: FormJson } => {
  const form = templates.scorecard
  const model = new SanitizedModel(form)
  setSurveyLocale(model, 'zh-cn')
  return { model, form }
}

describe('askReasons', () => {
  it('puts a reason area under each deduction and veto item, saying when it is required', () => {
    const { model, form } = scorecard()
    askReasons(model, form)
    const deduction = model.getQuestionByName('deduction')
    const veto = model.getQuestionByName('veto')
    expect(deduction.showCommentArea).toBe(true)
    expect(veto.showCommentArea).toBe(true)
    expect(model.getQuestionByName('branchSetup').showCommentArea).toBe(false)
    model.setValue('deduction', 0)
    model.setValue('veto', 'no')
    expect(deduction.commentText).toBe('扣分理由（扣分时必填）')
    expect(veto.commentText).toBe('否决理由（选择否决时必填）')
    expect(deduction.validate(true)).toBe(true)
    expect(veto.validate(true)).toBe(true)
  })

  it('asks 扣分理由（必填） under a deduction and 否决理由（必填） under a veto, in English too', () => {
    const { model, form } = scorecard()
    askReasons(model, form)
    model.setValue('deduction', 3)
    model.setValue('veto', 'yes')
    const deduction = model.getQuestionByName('deduction')
    const veto = model.getQuestionByName('veto')
    expect(deduction.commentText).toBe('扣分理由（必填）')
    expect(veto.commentText).toBe('否决理由（必填）')
    setSurveyLocale(model, 'en')
    expect(deduction.commentText).toBe('Reason for the deduction (required)')
  })

  it('refuses the question without a reason before completing, and accepts it with one', () => {
    const { model, form } = scorecard()
    askReasons(model, form)
    model.setValue('deduction', 2)
    const deduction = model.getQuestionByName('deduction')
    expect(deduction.validate(true)).toBe(false)
    expect(deduction.errors.map((e) => e.text)).toEqual(['请填写理由：扣分或一票否决须写明理由'])
    deduction.comment = '   '
    expect(deduction.validate(true)).toBe(false)
    deduction.comment = '年内被通报批评一次'
    expect(deduction.validate(true)).toBe(true)
    expect(model.data['deduction-Comment']).toBe('年内被通报批评一次')
  })

  it('requires no reason once the deduction goes back to 0', () => {
    const { model, form } = scorecard()
    askReasons(model, form)
    model.setValue('deduction', 2)
    const deduction = model.getQuestionByName('deduction')
    expect(deduction.validate(true)).toBe(false)
    model.setValue('deduction', 0)
    expect(deduction.commentText).toBe('扣分理由（扣分时必填）')
    expect(deduction.errors).toHaveLength(0)
    expect(deduction.validate(true)).toBe(true)
  })

  it('stops asking once detached', () => {
    const { model, form } = scorecard()
    const stop = askReasons(model, form)
    stop()
    model.setValue('veto', 'yes')
    expect(model.getQuestionByName('veto').validate(true)).toBe(true)
    expect(model.getQuestionByName('veto').showCommentArea).toBe(false)
  })
})
