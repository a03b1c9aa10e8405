import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreResponse } from '../src/score'
import { scoringCaseArb } from './arbitraries'
import { scoreWithModel } from './model-reference'

function comparable(result: ReturnType<typeof scoreResponse>) {
  return {
    ...result,
    problems: result.problems.map((p) => p.question),
    percent: Number(result.percent.toFixed(9)),
  }
}

describe('the oracle (test/model-reference.ts)', () => {
  it('scores a tagbox as a multi-select, like checkbox and the SDK', () => {
    const form = {
      elements: [
        {
          type: 'tagbox',
          name: 'tasks',
          choices: [
            { value: 'a', score: 2 },
            { value: 'c', score: 4 },
          ],
        },
      ],
    }
    expect(scoreWithModel(form, { tasks: ['a', 'c'] }).score).toBe(6)
    expect(scoreWithModel(form, { tasks: ['a', 'c'] })).toEqual(
      scoreResponse(form, { tasks: ['a', 'c'] }),
    )
  })

  it('does not grade or score questions inside a dynamic panel, as the SDK does not', () => {
    const form = {
      elements: [
        {
          type: 'paneldynamic',
          name: 'people',
          templateElements: [
            { type: 'radiogroup', name: 'role', choices: ['a', 'b'], correctAnswer: 'a' },
          ],
        },
      ],
    }
    const answers = { people: [{ role: 'a' }] }
    expect(scoreWithModel(form, answers).quiz).toBeUndefined()
    expect(scoreWithModel(form, answers)).toEqual(scoreResponse(form, answers))
  })
})

describe('the compiled scoring plan', () => {
  it('gives what a full SurveyJS Model gives, on generated forms and responses', () => {
    fc.assert(
      fc.property(scoringCaseArb, ({ form, answers }) => {
        const fast = comparable(scoreResponse(form, answers))
        const slow = comparable(scoreWithModel(form, answers))
        expect(fast).toEqual(slow)
      }),
      { numRuns: 300 },
    )
  })

  it('follows visibleIf exactly as SurveyJS does, including conditions on containers', () => {
    const form = {
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'radiogroup',
              name: 'gate',
              choices: [
                { value: 'open', score: 1 },
                { value: 'shut', score: 0 },
              ],
            },
            {
              type: 'panel',
              name: 'inner',
              visibleIf: "{gate} = 'open'",
              elements: [{ type: 'text', inputType: 'number', name: 'points', maxScore: 10 }],
            },
          ],
        },
        {
          name: 'p2',
          visibleIf: '{points} >= 5',
          elements: [{ type: 'text', inputType: 'number', name: 'late', maxScore: 4 }],
        },
      ],
    }
    for (const answers of [
      { gate: 'open', points: 7, late: 4 },
      { gate: 'shut', points: 7, late: 4 },
      { gate: 'open', points: 2, late: 4 },
    ]) {
      expect(scoreResponse(form, answers)).toEqual(scoreWithModel(form, answers))
    }
    expect(scoreResponse(form, { gate: 'open', points: 7, late: 4 }).score).toBe(12)
    // The panel hides `points`, but its value stays in the data, so page 2 still shows (as in SurveyJS).
    expect(scoreResponse(form, { gate: 'shut', points: 7, late: 4 }).score).toBe(4)
    expect(scoreResponse(form, { gate: 'open', points: 2, late: 4 }).maxScore).toBe(11)
  })
})
