import { Model } from 'survey-core'
import { bench, describe } from 'vitest'
import { scoreResponse } from '../src/score'
import { templates } from '../src/templates/index'
import { validateResponse } from '../src/validate-response'
import { scoreWithModel, scoreWithModelInstance } from '../test/model-reference'
import { sampleResponses } from './responses'

// Each benchmark call scores ONE response, so hz = responses per second on one core.
const RESPONSES = 1000
const OPTIONS = { time: 2000, warmupTime: 300 }

for (const id of ['satisfaction', 'scorecard', 'selfCheck'] as const) {
  const form = templates[id]
  const responses = sampleResponses(form, RESPONSES)
  const reused = new Model(form)
  let i = 0
  const next = () => responses[i++ % RESPONSES] ?? {}
  describe(`score one ${id} response`, () => {
    bench('scoreResponse (compiled plan)', () => void scoreResponse(form, next()), OPTIONS)
    bench(
      'validateResponse + scoreResponse',
      () => {
        const answers = next()
        validateResponse(form, answers)
        scoreResponse(form, answers)
      },
      OPTIONS,
    )
    bench(
      'baseline: reused SurveyJS Model',
      () => void scoreWithModelInstance(reused, form, next()),
      OPTIONS,
    )
    bench('baseline: a SurveyJS Model per response', () => void scoreWithModel(form, next()), {
      ...OPTIONS,
      time: 1000,
    })
  })
}

{
  const form = templates.quiz
  const seedOf = (n: number) => `member-${n}`
  const responses = sampleResponses(form, RESPONSES, seedOf)
  let i = 0
  describe('score one quiz response (110-question bank, 30 drawn per respondent)', () => {
    bench(
      'scoreResponse with the respondent seed',
      () => {
        const n = i++ % RESPONSES
        scoreResponse(form, responses[n] ?? {}, { seed: seedOf(n) })
      },
      OPTIONS,
    )
    bench(
      'baseline: a SurveyJS Model per response (personalised)',
      () => {
        const n = i++ % RESPONSES
        scoreWithModel(form, responses[n] ?? {}, seedOf(n))
      },
      { ...OPTIONS, time: 1000 },
    )
  })
}
