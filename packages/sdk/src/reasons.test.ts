import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoringCaseArb } from '../test/arbitraries'
import { reasonedAnswers, reasonKey, reasonQuestions, reasonsRequired } from './reasons'
import { scoreResponse } from './score'
import { templates } from './templates/index'
import type { Answers, ChoiceJson, FormJson } from './types'
import { validateResponse } from './validate-response'
import { visibleAnswers } from './visible-answers'

const scorecard = templates.scorecard

const form: FormJson = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'gate', choices: ['open', 'shut'] },
        {
          type: 'text',
          inputType: 'number',
          name: 'minus',
          maxScore: 5,
          scoreKind: 'deduction',
          visibleIf: "{gate} = 'open'",
        },
        {
          type: 'radiogroup',
          name: 'penalty',
          scoreKind: 'deduction',
          choices: [
            { value: 'none', score: 0 },
            { value: 'some', score: 2 },
          ],
        },
        {
          type: 'checkbox',
          name: 'breaches',
          choices: [{ value: 'late' }, { value: 'fraud', veto: true }],
        },
        { type: 'text', inputType: 'number', name: 'plain', maxScore: 5 },
        { type: 'text', name: 'unscoredDeduction', scoreKind: 'deduction' },
      ],
    },
  ],
}

describe('reasonsRequired', () => {
  it('names the scorecard’s deduction when it deducts and its veto when chosen', () => {
    expect(reasonsRequired(scorecard, { deduction: 2, veto: 'yes' })).toEqual(['deduction', 'veto'])
    expect(reasonsRequired(scorecard, { deduction: 0, veto: 'no' })).toEqual([])
    expect(reasonsRequired(scorecard, { veto: 'no' })).toEqual([])
  })

  it('names a choice deduction only when the chosen choice deducts points', () => {
    expect(reasonsRequired(form, { penalty: 'none' })).toEqual([])
    expect(reasonsRequired(form, { penalty: 'some' })).toEqual(['penalty'])
  })

  it('names any question whose chosen choice vetoes, among other choices too', () => {
    expect(reasonsRequired(form, { breaches: ['late'] })).toEqual([])
    expect(reasonsRequired(form, { breaches: ['late', 'fraud'] })).toEqual(['breaches'])
  })

  it('counts only the questions the respondent saw', () => {
    expect(reasonsRequired(form, { gate: 'open', minus: 3 })).toEqual(['minus'])
    expect(reasonsRequired(form, { gate: 'shut', minus: 3 })).toEqual([])
  })

  it('never asks a reason of normal items or of deduction items that score nothing', () => {
    expect(reasonsRequired(form, { plain: 1, unscoredDeduction: 'x' })).toEqual([])
  })
})

describe('reasonQuestions', () => {
  it('lists the deduction items and the questions with a veto choice, in form order', () => {
    expect(reasonQuestions(scorecard)).toEqual(['deduction', 'veto'])
    expect(reasonQuestions(form)).toEqual(['minus', 'penalty', 'breaches'])
    expect(reasonQuestions(templates.satisfaction)).toEqual([])
  })
})

describe('reasonedAnswers', () => {
  it('gives the points deducted, the veto and the reason, trimmed; blank is no reason', () => {
    expect(
      reasonedAnswers(scorecard, {
        deduction: 3,
        [reasonKey('deduction')]: '  通报批评一次 ',
        veto: 'yes',
        [reasonKey('veto')]: '   ',
      }).map(({ question, deducted, veto, reason }) => ({ question, deducted, veto, reason })),
    ).toEqual([
      { question: 'deduction', deducted: 3, veto: false, reason: '通报批评一次' },
      { question: 'veto', deducted: 0, veto: true, reason: null },
    ])
  })

  it('keeps the question’s title for showing it', () => {
    const [item] = reasonedAnswers(scorecard, { deduction: 1 })
    expect(item?.title).toEqual({
      default: '负面清单扣分（最多扣10分）',
      en: 'Deductions (at most 10 points)',
    })
  })
})

describe('validateResponse and reasons', () => {
  it('accepts a reason as the question’s comment though the form shows no comment area', () => {
    const answers = { deduction: 2, 'deduction-Comment': '未按期完成重点任务' }
    expect(validateResponse(form, { penalty: 'some', 'penalty-Comment': '迟报' }).valid).toBe(true)
    expect(validateResponse(scorecard, answers).errors).not.toContainEqual(
      expect.objectContaining({ question: 'deduction-Comment' }),
    )
  })

  it('still refuses a comment on a question that takes none', () => {
    expect(validateResponse(form, { plain: 1, 'plain-Comment': 'x' }).errors).toEqual([
      expect.objectContaining({ question: 'plain-Comment', code: 'unknownQuestion' }),
    ])
  })

  it('refuses a reason that is not text', () => {
    expect(validateResponse(form, { penalty: 'some', 'penalty-Comment': 7 }).errors).toEqual([
      expect.objectContaining({ question: 'penalty-Comment', code: 'wrongType' }),
    ])
  })

  it('with requireReasons, refuses each deduction and veto without a reason, in zh-CN or English', () => {
    const answers: Answers = { penalty: 'some', breaches: ['fraud'], 'breaches-Comment': '虚报' }
    expect(validateResponse(form, answers).valid).toBe(true)
    expect(validateResponse(form, answers, { requireReasons: true }).errors).toEqual([
      { question: 'penalty', code: 'reasonRequired', message: '此项扣分或一票否决，须填写理由' },
    ])
    expect(
      validateResponse(form, answers, { requireReasons: true, locale: 'en' }).errors[0]?.message,
    ).toBe('This item deducts points or vetoes the grade: give the reason')
    const given = { ...answers, 'penalty-Comment': '迟报两次' }
    expect(validateResponse(form, given, { requireReasons: true }).valid).toBe(true)
  })
})

/** A generated case with a veto on the second choice of some choice questions. */
const vetoCaseArb = fc
  .tuple(scoringCaseArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
  .map(([{ form, answers }, vetoes]) => {
    const withVetoes = structuredClone(form)
    let i = 0
    for (const page of withVetoes.pages ?? []) {
      for (const outer of page.elements ?? []) {
        for (const element of outer.type === 'panel' ? (outer.elements ?? []) : [outer]) {
          const choices = (element.choices ?? element.rateValues) as ChoiceJson[] | undefined
          const second = choices?.[1]
          if (second && element.correctAnswer === undefined && vetoes[i++]) second.veto = true
        }
      }
    }
    return { form: withVetoes, answers }
  })

describe('the reason rule on generated forms and responses', () => {
  it('asks a reason for a veto exactly when scoring vetoes the response', () => {
    fc.assert(
      fc.property(vetoCaseArb, ({ form, answers }) => {
        const vetoed = reasonedAnswers(form, answers).some((r) => r.veto)
        expect(vetoed).toBe(scoreResponse(form, answers).veto)
      }),
      { numRuns: 300 },
    )
  })

  it('names only answered questions the respondent saw, each deducting or vetoing', () => {
    fc.assert(
      fc.property(vetoCaseArb, ({ form, answers }) => {
        const kept = visibleAnswers(form, answers)
        for (const item of reasonedAnswers(form, kept)) {
          expect(kept[item.question]).toBeDefined()
          expect(item.deducted > 0 || item.veto).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('refuses exactly the named questions without reasons, and none once each has one', () => {
    fc.assert(
      fc.property(vetoCaseArb, ({ form, answers }) => {
        const named = reasonsRequired(form, answers)
        const refused = validateResponse(form, answers, { requireReasons: true })
          .errors.filter((e) => e.code === 'reasonRequired')
          .map((e) => e.question)
        expect(refused).toEqual(named)
        const reasons = Object.fromEntries(named.map((name) => [reasonKey(name), '理由']))
        const again = validateResponse(form, { ...answers, ...reasons }, { requireReasons: true })
        expect(again.errors.filter((e) => e.code === 'reasonRequired')).toEqual([])
        expect(again.errors.filter((e) => e.question.endsWith('-Comment'))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
