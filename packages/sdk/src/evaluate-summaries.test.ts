import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate, evaluateSummaries, summarizeSourceTotals } from './evaluate'
import {
  type EvaluationPolicy,
  EvaluationPolicyError,
  type GradeBand,
  type SourceResponse,
  type UnitInput,
  type UnitSummaryInput,
} from './evaluate-types'
import { fromMicros, toMicros } from './micros'

const BANDS: GradeBand[] = [
  { min: 90, grade: 'advanced', stars: 5 },
  { min: 60, grade: 'standard', stars: 3 },
  { min: 0, grade: 'lagging', stars: 1 },
]
const POLICY: EvaluationPolicy = {
  sources: [
    { key: 'self', weight: 2, required: true },
    { key: 'members', weight: 3, minResponses: 5, measure: 'satisfactionRate' },
    { key: 'superior', weight: 5 },
  ],
  bands: BANDS,
}

function unit(
  unitId: string,
  sources: UnitSummaryInput['sources'],
  vetoed = false,
): UnitSummaryInput {
  return { unitId, sources, vetoed }
}

function policyErrorOf(run: () => unknown): EvaluationPolicyError {
  try {
    run()
  } catch (error) {
    if (error instanceof EvaluationPolicyError) return error
    throw error
  }
  throw new Error('expected an EvaluationPolicyError')
}

describe('evaluateSummaries', () => {
  it('takes the weighted composite of the summarised values and grades it', () => {
    const [result] = evaluateSummaries(POLICY, [
      unit('a', {
        self: { value: 100, n: 1 },
        members: { value: 90, n: 30 },
        superior: { value: 80, n: 1 },
      }),
    ])
    // (2 × 100 + 3 × 90 + 5 × 80) / 10 = 87
    expect(result).toMatchObject({ composite: 87, grade: 'standard', stars: 3, rank: 1 })
  })

  it('counts a source key left out as no responses', () => {
    const [result] = evaluateSummaries(POLICY, [unit('a', { self: { value: 95, n: 1 } })])
    expect(result?.sources.superior).toEqual({ value: null, n: 0 })
    expect(result?.incomplete).toMatchObject({ reason: 'belowMinResponses', source: 'members' })
  })

  it('leaves a unit below a minimum ungraded even when the source has a value', () => {
    const [result] = evaluateSummaries(POLICY, [
      unit('a', { self: { value: 95, n: 1 }, members: { value: 100, n: 4 } }),
    ])
    expect(result).toMatchObject({ composite: null, grade: null, rank: null })
    expect(result?.incomplete?.message.en).toContain('has 4 responses, fewer than the required 5')
  })

  it('caps a unit flagged as vetoed at the lowest band, keeping its composite and rank', () => {
    const sources = { self: { value: 99, n: 1 }, members: { value: 99, n: 9 } }
    const results = evaluateSummaries(POLICY, [unit('a', sources, true), unit('b', sources)])
    expect(results.map((r) => [r.grade, r.rank, r.vetoed])).toEqual([
      ['lagging', 1, true],
      ['advanced', 1, false],
    ])
  })

  it('applies the quota with ties broken by unitId, as evaluate does', () => {
    const policy = { ...POLICY, quota: { grade: 'advanced', maxShare: 0.5 } }
    const top = { self: { value: 95, n: 1 }, members: { value: 95, n: 5 } }
    const results = evaluateSummaries(policy, [unit('b', top), unit('a', top), unit('c', top)])
    expect(results.map((r) => [r.unitId, r.grade, r.demoted])).toEqual([
      ['b', 'standard', true],
      ['a', 'advanced', false],
      ['c', 'standard', true],
    ])
  })

  it('copies the summaries instead of handing back the caller’s objects', () => {
    const self = { value: 95, n: 1, extra: 'dropped' }
    const [result] = evaluateSummaries({ sources: [{ key: 'self', weight: 1 }], bands: BANDS }, [
      unit('a', { self }),
    ])
    expect(result?.sources.self).toEqual({ value: 95, n: 1 })
    expect(result?.sources.self).not.toBe(self)
  })

  it.each([
    ['a negative n', { value: null, n: -1 }, 'units[0].sources.self'],
    ['a fractional n', { value: 50, n: 1.5 }, 'units[0].sources.self'],
    ['a NaN value', { value: Number.NaN, n: 1 }, 'units[0].sources.self'],
    ['a value without responses', { value: 50, n: 0 }, 'units[0].sources.self'],
    ['no summary object', null, 'units[0].sources.self'],
  ])('refuses %s as invalidSummary, saying where', (_, summary, path) => {
    const units = [{ unitId: 'a', sources: { self: summary }, vetoed: false }] as never
    const error = policyErrorOf(() => evaluateSummaries(POLICY, units))
    expect(error.code).toBe('invalidSummary')
    expect(error.details.path).toBe(path)
  })

  it('refuses a veto flag that is not a boolean', () => {
    const units = [{ unitId: 'a', sources: {}, vetoed: 'yes' }] as never
    const error = policyErrorOf(() => evaluateSummaries(POLICY, units))
    expect(error).toMatchObject({ code: 'invalidSummary', details: { path: 'units[0].vetoed' } })
  })

  it('refuses unknown source keys and duplicate units, like evaluate', () => {
    const unknown = policyErrorOf(() =>
      evaluateSummaries(POLICY, [unit('a', { peers: { value: 1, n: 1 } })]),
    )
    expect(unknown.code).toBe('unknownSourceKey')
    const duplicate = policyErrorOf(() => evaluateSummaries(POLICY, [unit('a', {}), unit('a', {})]))
    expect(duplicate.code).toBe('duplicateUnitId')
  })
})

describe('summarizeSourceTotals', () => {
  it('takes the mean percent by default', () => {
    expect(summarizeSourceTotals({ n: 4, percentSum: 330, satisfied: 9, answered: 9 })).toEqual({
      value: 82.5,
      n: 4,
    })
  })

  it('pools satisfaction × 100 before dividing, so exact ratios stay exact', () => {
    const totals = { n: 3, percentSum: 0, satisfied: 9, answered: 15 }
    expect(summarizeSourceTotals(totals, 'satisfactionRate')).toEqual({ value: 60, n: 3 })
  })

  it('has no value without responses, or for a satisfaction source with nothing answered', () => {
    const none = { n: 0, percentSum: 0, satisfied: 0, answered: 0 }
    expect(summarizeSourceTotals(none)).toEqual({ value: null, n: 0 })
    const unanswered = { n: 2, percentSum: 100, satisfied: 0, answered: 0 }
    expect(summarizeSourceTotals(unanswered, 'satisfactionRate')).toEqual({ value: null, n: 2 })
  })
})

// Percents with fractions, so a different order of addition would show in the last bits.
const responseArb: fc.Arbitrary<SourceResponse> = fc.record({
  percent: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  veto: fc.integer({ min: 0, max: 15 }).map((roll) => roll === 0),
  satisfaction: fc
    .tuple(fc.nat({ max: 10 }), fc.nat({ max: 10 }))
    .map(([a, b]) => ({ satisfied: Math.min(a, b), answered: Math.max(a, b), rate: 0, index: 0 })),
})

const unitsArb: fc.Arbitrary<UnitInput[]> = fc.uniqueArray(
  fc.record({
    unitId: fc.string({ maxLength: 3 }),
    sources: fc.record(
      {
        self: fc.array(responseArb, { maxLength: 1 }),
        members: fc.array(responseArb, { maxLength: 8 }),
        superior: fc.array(responseArb, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  }),
  { selector: (u) => u.unitId, maxLength: 25 },
)

describe('evaluate and evaluateSummaries', () => {
  it('give identical results when the summaries come from summarizeSourceTotals over the same responses', () => {
    const policy = { ...POLICY, quota: { grade: 'advanced', maxShare: 0.3 } }
    fc.assert(
      fc.property(unitsArb, (units) => {
        const summarised = units.map((u) => {
          const sources: UnitSummaryInput['sources'] = {}
          let vetoed = false
          for (const source of policy.sources) {
            const responses = u.sources[source.key] ?? []
            // As the database keeps them: each percent in millionths, summed exactly.
            let micros = 0
            const totals = { n: responses.length, percentSum: 0, satisfied: 0, answered: 0 }
            for (const r of responses) {
              micros += toMicros(r.percent)
              totals.satisfied += r.satisfaction?.satisfied ?? 0
              totals.answered += r.satisfaction?.answered ?? 0
              vetoed ||= r.veto === true
            }
            totals.percentSum = fromMicros(micros)
            Object.assign(sources, { [source.key]: summarizeSourceTotals(totals, source.measure) })
          }
          return { unitId: u.unitId, sources, vetoed }
        })
        expect(evaluateSummaries(policy, summarised)).toEqual(evaluate(policy, units))
      }),
      { numRuns: 300 },
    )
  })

  it('give the same figures whatever order a unit’s responses come in (running totals add them as they arrive)', () => {
    fc.assert(
      fc.property(unitsArb, fc.integer(), (units, seed) => {
        const shuffled = units.map((u) => ({
          ...u,
          sources: Object.fromEntries(
            Object.entries(u.sources).map(([key, list]) => [key, shuffle(list ?? [], seed)]),
          ),
        }))
        expect(evaluate(POLICY, shuffled)).toEqual(evaluate(POLICY, units))
      }),
      { numRuns: 300 },
    )
  })
})

// A deterministic Fisher–Yates shuffle, so a failing case replays from its seed.
function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list]
  let state = seed >>> 0
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}
