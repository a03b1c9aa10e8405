import { describe, expect, it } from 'vitest'
import { summarizeSatisfaction } from './satisfaction'
import type { FormJson } from './types'

const scale = [
  { value: 'satisfied', score: 100, satisfied: true },
  { value: 'basic', score: 60, satisfied: true },
  { value: 'dissatisfied', score: 0, satisfied: false },
]
const form: FormJson = {
  kind: 'satisfaction',
  elements: [
    { type: 'radiogroup', name: 'study', choices: scale },
    { type: 'radiogroup', name: 'service', choices: scale },
    { type: 'radiogroup', name: 'why', choices: scale, visibleIf: "{service} = 'dissatisfied'" },
    { type: 'comment', name: 'suggestions' },
  ],
}

describe('summarizeSatisfaction', () => {
  it('pools satisfied votes over all votes, overall and per question, with choice counts', () => {
    const summary = summarizeSatisfaction(form, [
      { study: 'satisfied', service: 'basic' },
      { study: 'basic', service: 'dissatisfied', why: 'dissatisfied' },
      { study: 'dissatisfied', suggestions: '多开展活动' },
    ])
    // Votes: study s, b, d; service b, d; why d → 3 satisfied (s, b, b) of 6.
    expect(summary.overall).toEqual({ satisfied: 3, answered: 6, rate: 0.5, index: 220 / 6 })
    expect(summary.questions.study).toEqual({
      satisfied: 2,
      answered: 3,
      rate: 2 / 3,
      index: 160 / 3,
      counts: { satisfied: 1, basic: 1, dissatisfied: 1 },
    })
    expect(summary.questions.why?.counts).toEqual({ satisfied: 0, basic: 0, dissatisfied: 1 })
    expect(Object.keys(summary.questions)).toEqual(['study', 'service', 'why'])
  })

  it('ignores answers to questions the respondent could not see', () => {
    const summary = summarizeSatisfaction(form, [{ service: 'satisfied', why: 'dissatisfied' }])
    expect(summary.overall).toEqual({ satisfied: 1, answered: 1, rate: 1, index: 100 })
  })

  it('gives zero rates, not NaN, when nobody answered', () => {
    expect(summarizeSatisfaction(form, []).overall).toEqual({
      satisfied: 0,
      answered: 0,
      rate: 0,
      index: 0,
    })
  })
})
