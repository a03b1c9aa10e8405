import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SOURCE_KEYS } from './domain-sets'
import { evaluate } from './evaluate'
import { validatePolicy } from './evaluate-policy'
import {
  type EvaluationPolicy,
  EvaluationPolicyError,
  type EvaluationSource,
  type GradeBand,
} from './evaluate-types'

const BANDS: GradeBand[] = [
  { min: 90, grade: 'advanced', stars: 5 },
  { min: 60, grade: 'standard', stars: 3 },
  { min: 0, grade: 'lagging', stars: 1 },
]

describe('validatePolicy', () => {
  it('accepts a policy evaluate can work with', () => {
    const policy: EvaluationPolicy = {
      sources: [
        { key: 'self', weight: 3, required: true },
        { key: 'members', weight: 3, minResponses: 5, measure: 'satisfactionRate' },
      ],
      bands: BANDS,
      quota: { grade: 'advanced', maxShare: 0.2 },
    }
    expect(validatePolicy(policy)).toEqual({ valid: true, errors: [] })
  })

  it('names a problem by its field path, with the SDK code and what, where and why', () => {
    const policy = { sources: [{ key: 'members', weight: 0 }], bands: BANDS }
    expect(validatePolicy(policy)).toEqual({
      valid: false,
      errors: [
        {
          path: 'sources.0.weight',
          code: 'invalidWeight',
          message:
            'sources.0.weight = 0 (source "members"): weights must be positive finite numbers, as the composite divides by their sum',
        },
      ],
    })
  })

  it('lists every problem, sources then bands then quota', () => {
    const policy = {
      sources: [
        { key: 'self', weight: 1 },
        { key: 'self', weight: -1, measure: 'median' } as unknown as EvaluationSource,
      ],
      bands: [
        { min: 60, grade: 'standard' },
        { min: 90, grade: 'standard' },
      ],
      quota: { grade: 'excellent', maxShare: 1.5 },
    }
    const { valid, errors } = validatePolicy(policy)
    expect(valid).toBe(false)
    expect(errors.map(({ path, code }) => [path, code])).toEqual([
      ['sources.1.key', 'duplicateSourceKey'],
      ['sources.1.weight', 'invalidWeight'],
      ['sources.1.measure', 'invalidMeasure'],
      ['bands.1.min', 'unorderedBands'],
      ['bands.1.grade', 'duplicateGrade'],
      ['quota.grade', 'unknownQuotaGrade'],
      ['quota.maxShare', 'invalidMaxShare'],
    ])
  })

  it('reports a band min that is not a number once, not again as out of order', () => {
    const bands = [
      { min: 90, grade: 'a' },
      { min: Number.NaN, grade: 'b' },
      { min: 0, grade: 'c' },
    ]
    const { errors } = validatePolicy({ sources: [{ key: 'self', weight: 1 }], bands })
    expect(errors.map(({ path, code }) => [path, code])).toEqual([
      ['bands.1.min', 'invalidBandMin'],
    ])
  })

  it('says emptySources and emptyBands at the list itself, and one quota problem per grade', () => {
    const { errors } = validatePolicy({
      sources: [],
      bands: [],
      quota: { grade: 'a', maxShare: 0.1 },
    })
    expect(errors.map(({ path, code }) => [path, code])).toEqual([
      ['sources', 'emptySources'],
      ['bands', 'emptyBands'],
      ['quota.grade', 'unknownQuotaGrade'],
    ])
  })

  // The property that makes the checks one: evaluate refuses exactly what validatePolicy does,
  // with its first error, at the same place written as evaluate's argument path.
  it('agrees with evaluate on every policy: same verdict, first code, place and reason', () => {
    const sourceArb = fc.record(
      {
        key: fc.constantFrom(...SOURCE_KEYS),
        weight: fc.constantFrom(-1, 0, 0.5, 1, 3, Number.NaN, Number.POSITIVE_INFINITY),
        minResponses: fc.constantFrom(0, 1, 5, 1.5, -1),
        measure: fc.constantFrom('percent', 'satisfactionRate', 'median'),
      },
      { requiredKeys: ['key', 'weight'] },
    ) as fc.Arbitrary<EvaluationSource>
    const bandArb = fc.record({
      min: fc.constantFrom(0, 60, 90, 100, Number.NaN),
      grade: fc.constantFrom('a', 'b', 'c'),
    })
    const quotaArb = fc.record({
      grade: fc.constantFrom('a', 'b', 'c', 'x'),
      maxShare: fc.constantFrom(0, 0.2, 1, 1.2, -0.1, Number.NaN),
    })
    const policyArb = fc.record(
      {
        sources: fc.array(sourceArb, { maxLength: 3 }),
        bands: fc.array(bandArb, { maxLength: 3 }),
        quota: quotaArb,
      },
      { requiredKeys: ['sources', 'bands'] },
    )
    fc.assert(
      fc.property(policyArb, (policy) => {
        const { valid, errors } = validatePolicy(policy)
        expect(valid).toBe(errors.length === 0)
        let thrown: unknown
        try {
          evaluate(policy, [])
        } catch (error) {
          thrown = error
        }
        const [first] = errors
        if (first === undefined) {
          expect(thrown).toBeUndefined()
          return
        }
        if (!(thrown instanceof EvaluationPolicyError)) throw new Error('evaluate did not refuse')
        expect(thrown.code).toBe(first.code)
        const fieldPath = thrown.details.path.replace(/^policy\./, '').replace(/\[(\d+)\]/g, '.$1')
        expect(fieldPath).toBe(first.path)
        expect(thrown.message.slice(thrown.details.path.length)).toBe(
          first.message.slice(first.path.length),
        )
      }),
    )
  })
})
