import fc from 'fast-check'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { drawQuestions, personalize } from './draw'
import './extensions'
import type { ElementJson, FormJson } from './types'

function bankForm(size: number, drawCount: number): FormJson {
  const elements: ElementJson[] = Array.from({ length: size }, (_, i) => ({
    type: 'radiogroup',
    name: `q${i}`,
    choices: ['A', 'B'],
    correctAnswer: 'A',
  }))
  return {
    kind: 'quiz',
    pages: [
      { name: 'intro', elements: [{ type: 'text', name: 'who' }] },
      { name: 'bank', drawCount, elements },
    ],
  }
}

describe('drawQuestions', () => {
  it('draws drawCount distinct names from the bank, in the bank order, the same for a seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.string(), (size, k, seed) => {
        const drawCount = (k % size) + 1
        const form = bankForm(size, drawCount)
        const drawn = drawQuestions(form, seed)
        expect(drawn).toHaveLength(drawCount)
        expect(new Set(drawn).size).toBe(drawCount)
        const order = drawn.map((name) => Number(name.slice(1)))
        expect(order).toEqual([...order].sort((a, b) => a - b))
        expect(drawQuestions(form, seed)).toEqual(drawn)
      }),
    )
  })

  it('draws different questions for different respondents', () => {
    const form = bankForm(100, 30)
    expect(drawQuestions(form, 'member-1')).not.toEqual(drawQuestions(form, 'member-2'))
  })

  it('draws every question equally often over 10,000 seeds (chi-square)', () => {
    const size = 20
    const form = bankForm(size, 5)
    const counts = new Array<number>(size).fill(0)
    const seeds = 10_000
    for (let s = 0; s < seeds; s++) {
      for (const name of drawQuestions(form, `respondent-${s}`))
        counts[Number(name.slice(1))] = (counts[Number(name.slice(1))] ?? 0) + 1
    }
    const expected = (seeds * 5) / size
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
    // 19 degrees of freedom: the 99.9th percentile of chi-square is 43.82.
    expect(chiSquare).toBeLessThan(43.82)
  })

  it('draws every pair equally often too, so draws are not just fair per question', () => {
    const form = bankForm(6, 2)
    const pairs = new Map<string, number>()
    for (let s = 0; s < 15_000; s++) {
      const key = drawQuestions(form, `seed${s}`).join('+')
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
    }
    expect(pairs.size).toBe(15)
    const expected = 15_000 / 15
    const chiSquare = [...pairs.values()].reduce(
      (sum, c) => sum + (c - expected) ** 2 / expected,
      0,
    )
    // 14 degrees of freedom: the 99.9th percentile is 36.12.
    expect(chiSquare).toBeLessThan(36.12)
  })

  it('draws nothing from a form without banks', () => {
    expect(drawQuestions({ elements: [{ type: 'text', name: 'a' }] }, 'x')).toEqual([])
  })
})

describe('personalize', () => {
  it('keeps only the drawn questions, drops drawCount and leaves the form untouched', () => {
    const form = bankForm(50, 10)
    const before = JSON.stringify(form)
    const mine = personalize(form, 'member-7')
    expect(JSON.stringify(form)).toBe(before)
    const model = new Model(mine)
    expect(model.jsonErrors ?? []).toEqual([])
    const names = model.getAllQuestions().map((q) => q.name)
    expect(names).toEqual(['who', ...drawQuestions(form, 'member-7')])
    expect(mine.pages?.[1]?.drawCount).toBeUndefined()
  })

  it('draws inside panels as well as pages', () => {
    const form: FormJson = {
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'panel',
              name: 'bank',
              drawCount: 2,
              elements: ['a', 'b', 'c', 'd'].map((name) => ({ type: 'text', name })),
            },
          ],
        },
      ],
    }
    const mine = personalize(form, 's')
    expect(mine.pages?.[0]?.elements?.[0]?.elements?.map((e) => e.name)).toEqual(
      drawQuestions(form, 's'),
    )
  })
})
