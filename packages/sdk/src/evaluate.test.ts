import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SOURCE_KEYS, SOURCE_MEASURES } from './domain-sets'
import { evaluate, roundForDisplay } from './evaluate'
import {
  type EvaluationPolicy,
  EvaluationPolicyError,
  type EvaluationPolicyErrorCode,
  type EvaluationSource,
  type GradeBand,
  type GradedUnitEvaluation,
  type SourceResponse,
  type UnitEvaluation,
  type UnitInput,
} from './evaluate-types'
import type { ScoreResult } from './types'

const BANDS: GradeBand[] = [
  { min: 90, grade: 'advanced', stars: 5 },
  { min: 60, grade: 'standard', stars: 3 },
  { min: 0, grade: 'lagging', stars: 1 },
]
const SELF_ONLY: EvaluationPolicy = { sources: [{ key: 'self', weight: 1 }], bands: BANDS }

function response(percent: number, extra: Partial<SourceResponse> = {}): SourceResponse {
  return { percent, veto: false, ...extra }
}

function satisfaction(satisfied: number, answered: number): SourceResponse {
  const rate = answered === 0 ? 0 : satisfied / answered
  return response(0, { satisfaction: { satisfied, answered, rate, index: 0 } })
}

function selfUnit(unitId: string, percent: number, extra: Partial<SourceResponse> = {}): UnitInput {
  return { unitId, sources: { self: [response(percent, extra)] } }
}

function evaluateOne(policy: EvaluationPolicy, unit: UnitInput): UnitEvaluation {
  const [result] = evaluate(policy, [unit])
  if (result === undefined) throw new Error('evaluate returned no result')
  return result
}

function byId(results: readonly UnitEvaluation[]): Record<string, UnitEvaluation> {
  return Object.fromEntries(results.map((result) => [result.unitId, result]))
}

function gradesOf(results: readonly UnitEvaluation[]): Record<string, string | null> {
  return Object.fromEntries(results.map((result) => [result.unitId, result.grade]))
}

describe('source values', () => {
  const policy: EvaluationPolicy = {
    sources: [
      { key: 'superior', weight: 1 },
      { key: 'members', weight: 1, measure: 'satisfactionRate' },
    ],
    bands: BANDS,
  }

  it('takes the mean percent of a percent source and counts its responses', () => {
    const unit = { unitId: 'a', sources: { superior: [response(80), response(90), response(70)] } }
    expect(evaluateOne(policy, unit).sources.superior).toEqual({ value: 80, n: 3 })
  })

  it('pools satisfied over answered across responses for a satisfaction source', () => {
    // (8 + 1) / (10 + 5) = 60 %, not the mean of 80 % and 20 %; the response without figures adds nothing.
    const members = [satisfaction(8, 10), satisfaction(1, 5), response(100)]
    const unit = { unitId: 'a', sources: { members } }
    expect(evaluateOne(policy, unit).sources.members).toEqual({ value: 60, n: 3 })
  })

  it('gives a satisfaction source with nothing answered no value but still counts its responses', () => {
    const unit = {
      unitId: 'a',
      sources: { superior: [response(70)], members: [satisfaction(0, 0)] },
    }
    const result = evaluateOne(policy, unit)
    expect(result.sources.members).toEqual({ value: null, n: 1 })
    expect(result.composite).toBe(70)
  })

  it('reports a source without responses as value null and n 0, whether absent or empty', () => {
    const result = evaluateOne(policy, {
      unitId: 'a',
      sources: { superior: [response(70)], members: [] },
    })
    expect(result.sources).toEqual({
      superior: { value: 70, n: 1 },
      members: { value: null, n: 0 },
    })
  })

  it('accepts full ScoreResult objects from scoring', () => {
    const scored: ScoreResult = {
      score: 17,
      maxScore: 20,
      percent: 85,
      dimensions: {},
      veto: false,
      problems: [],
    }
    expect(evaluateOne(SELF_ONLY, { unitId: 'a', sources: { self: [scored] } }).composite).toBe(85)
  })
})

describe('composite', () => {
  const policy: EvaluationPolicy = {
    sources: [
      { key: 'self', weight: 2 },
      { key: 'members', weight: 3 },
      { key: 'superior', weight: 5 },
    ],
    bands: BANDS,
  }

  it('is the weighted mean of the source values', () => {
    const sources = { self: [response(90)], members: [response(80)], superior: [response(70)] }
    // (2×90 + 3×80 + 5×70) / (2 + 3 + 5) = 770 / 10
    expect(evaluateOne(policy, { unitId: 'a', sources }).composite).toBe(77)
  })

  it('divides by the weights of the present sources only', () => {
    const sources = { self: [response(90)], superior: [response(62)] }
    // (2×90 + 5×62) / (2 + 5) = 490 / 7
    expect(evaluateOne(policy, { unitId: 'a', sources }).composite).toBe(70)
  })

  it('keeps the composite exact instead of rounding it', () => {
    const uneven = { self: [response(100)], members: [response(0)], superior: [response(1)] }
    // (2×100 + 3×0 + 5×1) / 10
    expect(evaluateOne(policy, { unitId: 'a', sources: uneven }).composite).toBe(20.5)
    const third = { self: [response(100), response(0), response(0)] }
    expect(evaluateOne(SELF_ONLY, { unitId: 'b', sources: third }).composite).toBe(100 / 3)
  })
})

describe('incomplete units', () => {
  const policy: EvaluationPolicy = {
    sources: [
      { key: 'self', weight: 1, required: true },
      { key: 'members', weight: 1, minResponses: 3, measure: 'satisfactionRate' },
      { key: 'superior', weight: 1 },
    ],
    bands: BANDS,
  }
  const enoughMembers = [satisfaction(1, 1), satisfaction(1, 1), satisfaction(0, 1)]

  it('leaves a unit without its required source ungraded, saying which source', () => {
    const result = evaluateOne(policy, {
      unitId: 'a',
      sources: { members: enoughMembers, superior: [response(95)] },
    })
    expect(result).toMatchObject({ composite: null, grade: null, stars: null, rank: null })
    expect(result.incomplete).toEqual({
      reason: 'missingSource',
      source: 'self',
      message: {
        'zh-CN': '缺少必需的评价来源“自评”的可计分答卷',
        en: 'Required source "Self-evaluation" has no scorable responses',
      },
    })
  })

  it("names a source by the campaign's own label in the note, keeping its key in `source`", () => {
    const labelled: EvaluationPolicy = {
      sources: [
        {
          key: 'debriefing',
          label: { 'zh-CN': '书记述职评议', en: 'Secretary debriefing' },
          weight: 1,
          minResponses: 2,
        },
      ],
      bands: BANDS,
    }
    const result = evaluateOne(labelled, { unitId: 'a', sources: { debriefing: [response(90)] } })
    expect(result.incomplete).toEqual({
      reason: 'belowMinResponses',
      source: 'debriefing',
      message: {
        'zh-CN': '评价来源“书记述职评议”只有 1 份答卷，少于最低要求的 2 份',
        en: 'Source "Secretary debriefing" has 1 responses, fewer than the required 2',
      },
    })
  })

  it('treats a required satisfaction source with nothing answered as missing', () => {
    const required: EvaluationPolicy = {
      sources: [{ key: 'members', weight: 1, required: true, measure: 'satisfactionRate' }],
      bands: BANDS,
    }
    const result = evaluateOne(required, {
      unitId: 'a',
      sources: { members: [satisfaction(0, 0)] },
    })
    expect(result.incomplete?.reason).toBe('missingSource')
    expect(result.incomplete?.source).toBe('members')
  })

  it('leaves a unit below a source minimum of responses ungraded, with the counts in the message', () => {
    const result = evaluateOne(policy, {
      unitId: 'a',
      sources: { self: [response(90)], members: [satisfaction(1, 1), satisfaction(1, 1)] },
    })
    expect(result.composite).toBeNull()
    expect(result.incomplete).toEqual({
      reason: 'belowMinResponses',
      source: 'members',
      message: {
        'zh-CN': '评价来源“党员群众测评”只有 2 份答卷，少于最低要求的 3 份',
        en: 'Source "Member and public survey" has 2 responses, fewer than the required 3',
      },
    })
  })

  it('counts zero responses as below a minimum even when the source is not required', () => {
    const result = evaluateOne(policy, { unitId: 'a', sources: { self: [response(90)] } })
    expect(result.incomplete?.reason).toBe('belowMinResponses')
    expect(result.incomplete?.message.en).toBe(
      'Source "Member and public survey" has 0 responses, fewer than the required 3',
    )
  })

  it('grades a unit that meets the minimum and lacks only an optional source', () => {
    const result = evaluateOne(policy, {
      unitId: 'a',
      sources: { self: [response(90)], members: enoughMembers },
    })
    // (90 + 200 / 3) / 2 — members: 2 of 3 satisfied
    expect(result.composite).toBe((90 + 200 / 3) / 2)
    expect(result.incomplete).toBeUndefined()
  })

  it('names the first failing source in policy order', () => {
    const result = evaluateOne(policy, { unitId: 'a', sources: { superior: [response(80)] } })
    expect(result.incomplete?.source).toBe('self')
  })

  it('leaves a unit with no source present ungraded as noSources', () => {
    const result = evaluateOne(SELF_ONLY, { unitId: 'a', sources: {} })
    expect(result).toMatchObject({ composite: null, grade: null, stars: null, rank: null })
    expect(result.incomplete).toEqual({
      reason: 'noSources',
      source: null,
      message: { 'zh-CN': '没有任何评价来源的可计分答卷', en: 'No source has a scorable response' },
    })
  })

  it('still reports the source values of an incomplete unit', () => {
    const result = evaluateOne(policy, { unitId: 'a', sources: { superior: [response(80)] } })
    expect(result.sources.superior).toEqual({ value: 80, n: 1 })
  })
})

describe('grades and stars', () => {
  it('gives the first band whose min the composite reaches, min included', () => {
    const units = [selfUnit('a', 90), selfUnit('b', 89.99), selfUnit('c', 60), selfUnit('d', 59.5)]
    const results = evaluate(SELF_ONLY, units)
    expect(results.map((r) => [r.grade, r.stars])).toEqual([
      ['advanced', 5],
      ['standard', 3],
      ['standard', 3],
      ['lagging', 1],
    ])
  })

  it('gives the lowest band to a composite below every band', () => {
    const bands = [
      { min: 90, grade: 'advanced', stars: 5 },
      { min: 60, grade: 'standard', stars: 3 },
    ]
    const result = evaluateOne({ sources: SELF_ONLY.sources, bands }, selfUnit('a', 30))
    expect([result.grade, result.stars]).toEqual(['standard', 3])
  })

  it('gives null stars when the band has none', () => {
    const bands = [
      { min: 90, grade: 'advanced', stars: 5 },
      { min: 0, grade: 'lagging' },
    ]
    const result = evaluateOne({ sources: SELF_ONLY.sources, bands }, selfUnit('a', 40))
    expect([result.grade, result.stars]).toEqual(['lagging', null])
  })
})

describe('veto', () => {
  it('caps a vetoed unit at the lowest grade and stars but keeps its composite and rank', () => {
    const units = [
      { unitId: 'a', sources: { self: [response(100), response(90, { veto: true })] } },
      selfUnit('b', 80),
    ]
    const [vetoed, other] = evaluate(SELF_ONLY, units)
    expect(vetoed).toMatchObject({
      composite: 95,
      grade: 'lagging',
      stars: 1,
      rank: 1,
      vetoed: true,
    })
    expect(other).toMatchObject({ grade: 'standard', rank: 2, vetoed: false })
  })

  it('applies a veto from any source', () => {
    const policy: EvaluationPolicy = {
      sources: [
        { key: 'self', weight: 1 },
        { key: 'superior', weight: 1 },
      ],
      bands: BANDS,
    }
    const sources = { self: [response(100)], superior: [response(100, { veto: true })] }
    expect(evaluateOne(policy, { unitId: 'a', sources }).grade).toBe('lagging')
  })
})

describe('quota', () => {
  const policy: EvaluationPolicy = { ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 0.2 } }
  const composites = [100, 95, 95, 92, 91, 80, 70, 65, 50, 40]
  const tenUnits = composites.map((percent, i) => selfUnit(`u${i}`, percent))

  it('keeps floor(maxShare × graded) holders by composite and demotes the rest one band', () => {
    // 0.2 × 10 = 2 advanced: u0 (100) and, of the two 95s, u1 (the smaller unitId).
    const results = evaluate(policy, tenUnits)
    expect(gradesOf(results)).toEqual({
      u0: 'advanced',
      u1: 'advanced',
      u2: 'standard',
      u3: 'standard',
      u4: 'standard',
      u5: 'standard',
      u6: 'standard',
      u7: 'standard',
      u8: 'lagging',
      u9: 'lagging',
    })
    expect(byId(results).u2).toMatchObject({ stars: 3, demoted: true, composite: 95, rank: 2 })
    expect(byId(results).u1).toMatchObject({ stars: 5, demoted: false })
  })

  it('breaks ties by unitId whatever the input order', () => {
    const tied = [selfUnit('b', 95), selfUnit('c', 95), selfUnit('a', 95), selfUnit('d', 10)]
    const quota = { grade: 'advanced', maxShare: 0.5 }
    expect(gradesOf(evaluate({ ...SELF_ONLY, quota }, tied))).toEqual({
      a: 'advanced',
      b: 'advanced',
      c: 'standard',
      d: 'lagging',
    })
  })

  it('rounds the allowed number down', () => {
    // 0.25 × 7 = 1.75 → 1
    const units = [99, 98, 97, 96, 10, 10, 10].map((p, i) => selfUnit(`u${i}`, p))
    const results = evaluate({ ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 0.25 } }, units)
    expect(results.filter((r) => r.grade === 'advanced').map((r) => r.unitId)).toEqual(['u0'])
  })

  it('allows the exact decimal share even where binary arithmetic falls just short', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point; the policy means 29.
    const units = Array.from({ length: 100 }, (_, i) =>
      selfUnit(`u${String(i).padStart(3, '0')}`, 95),
    )
    const results = evaluate({ ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 0.29 } }, units)
    expect(results.filter((r) => r.grade === 'advanced')).toHaveLength(29)
  })

  it('counts only graded units, vetoed ones included, toward the share', () => {
    // Graded: 4 (one vetoed); the incomplete unit does not count. 0.5 × 4 = 2.
    const units = [
      selfUnit('a', 99),
      selfUnit('b', 98),
      selfUnit('c', 97),
      selfUnit('v', 100, { veto: true }),
      { unitId: 'x', sources: {} },
    ]
    const results = evaluate({ ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 0.5 } }, units)
    expect(gradesOf(results)).toEqual({
      a: 'advanced',
      b: 'advanced',
      c: 'standard',
      v: 'lagging',
      x: null,
    })
  })

  it('lets nobody hold the grade when maxShare is 0', () => {
    const results = evaluate({ ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 0 } }, tenUnits)
    expect(results.filter((r) => r.grade === 'advanced')).toHaveLength(0)
  })

  it('demotes one band only, even when the next band is a middle one', () => {
    const bands = [
      { min: 90, grade: 'A', stars: 4 },
      { min: 80, grade: 'B', stars: 3 },
      { min: 70, grade: 'C', stars: 2 },
      { min: 0, grade: 'D', stars: 1 },
    ]
    const units = [selfUnit('a', 99), selfUnit('b', 98), selfUnit('c', 30)]
    const results = evaluate({ ...SELF_ONLY, bands, quota: { grade: 'A', maxShare: 0 } }, units)
    expect(results.map((r) => [r.grade, r.stars])).toEqual([
      ['B', 3],
      ['B', 3],
      ['D', 1],
    ])
  })

  it('leaves units of the quota grade alone while within the share', () => {
    const results = evaluate({ ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 1 } }, tenUnits)
    expect(results.filter((r) => r.grade === 'advanced')).toHaveLength(5)
    expect(results.some((r) => r.demoted)).toBe(false)
  })
})

describe('rank', () => {
  it('is a dense rank by composite, highest first, with incomplete units unranked', () => {
    const units = [
      selfUnit('a', 80),
      selfUnit('b', 90),
      { unitId: 'x', sources: {} },
      selfUnit('c', 80),
      selfUnit('d', 70),
    ]
    expect(evaluate(SELF_ONLY, units).map((r) => r.rank)).toEqual([2, 1, null, 2, 3])
  })
})

describe('output', () => {
  it('keeps the input order of the units', () => {
    const units = [selfUnit('z', 10), selfUnit('a', 99), selfUnit('m', 50)]
    expect(evaluate(SELF_ONLY, units).map((r) => r.unitId)).toEqual(['z', 'a', 'm'])
  })

  it('returns nothing for no units', () => {
    expect(evaluate(SELF_ONLY, [])).toEqual([])
  })
})

describe('invalid policies and units', () => {
  function thrownBy(run: () => unknown): EvaluationPolicyError {
    try {
      run()
    } catch (error) {
      if (error instanceof EvaluationPolicyError) return error
      throw error
    }
    throw new Error('expected an EvaluationPolicyError, nothing was thrown')
  }

  const cases: Array<[EvaluationPolicyErrorCode, string, EvaluationPolicy, UnitInput[]]> = [
    ['emptySources', 'policy.sources', { sources: [], bands: BANDS }, []],
    [
      'duplicateSourceKey',
      'policy.sources[1].key',
      {
        sources: [
          { key: 'self', weight: 1 },
          { key: 'self', weight: 2 },
        ],
        bands: BANDS,
      },
      [],
    ],
    [
      'invalidWeight',
      'policy.sources[0].weight',
      { ...SELF_ONLY, sources: [{ key: 'self', weight: 0 }] },
      [],
    ],
    [
      'invalidWeight',
      'policy.sources[0].weight',
      { ...SELF_ONLY, sources: [{ key: 'self', weight: -1 }] },
      [],
    ],
    [
      'invalidWeight',
      'policy.sources[0].weight',
      { ...SELF_ONLY, sources: [{ key: 'self', weight: Number.NaN }] },
      [],
    ],
    [
      'invalidMinResponses',
      'policy.sources[0].minResponses',
      { ...SELF_ONLY, sources: [{ key: 'self', weight: 1, minResponses: 1.5 }] },
      [],
    ],
    [
      'invalidMeasure',
      'policy.sources[0].measure',
      {
        ...SELF_ONLY,
        sources: [{ key: 'self', weight: 1, measure: 'median' } as unknown as EvaluationSource],
      },
      [],
    ],
    ['emptyBands', 'policy.bands', { ...SELF_ONLY, bands: [] }, []],
    [
      'invalidBandMin',
      'policy.bands[0].min',
      { ...SELF_ONLY, bands: [{ min: Number.NaN, grade: 'x' }] },
      [],
    ],
    [
      'unorderedBands',
      'policy.bands[1].min',
      {
        ...SELF_ONLY,
        bands: [
          { min: 60, grade: 'standard' },
          { min: 90, grade: 'advanced' },
        ],
      },
      [],
    ],
    [
      'unorderedBands',
      'policy.bands[1].min',
      {
        ...SELF_ONLY,
        bands: [
          { min: 60, grade: 'a' },
          { min: 60, grade: 'b' },
        ],
      },
      [],
    ],
    [
      'duplicateGrade',
      'policy.bands[1].grade',
      {
        ...SELF_ONLY,
        bands: [
          { min: 90, grade: 'a' },
          { min: 60, grade: 'a' },
        ],
      },
      [],
    ],
    [
      'unknownQuotaGrade',
      'policy.quota.grade',
      { ...SELF_ONLY, quota: { grade: 'excellent', maxShare: 0.2 } },
      [],
    ],
    [
      'quotaOnLowestBand',
      'policy.quota.grade',
      { ...SELF_ONLY, quota: { grade: 'lagging', maxShare: 0.2 } },
      [],
    ],
    [
      'invalidMaxShare',
      'policy.quota.maxShare',
      { ...SELF_ONLY, quota: { grade: 'advanced', maxShare: 1.2 } },
      [],
    ],
    [
      'invalidMaxShare',
      'policy.quota.maxShare',
      { ...SELF_ONLY, quota: { grade: 'advanced', maxShare: -0.1 } },
      [],
    ],
    [
      'duplicateUnitId',
      'units[2].unitId',
      SELF_ONLY,
      [selfUnit('a', 1), selfUnit('b', 1), selfUnit('a', 2)],
    ],
    [
      'unknownSourceKey',
      'units[0].sources',
      SELF_ONLY,
      [{ unitId: 'a', sources: { self: [], peers: [response(50)] } }],
    ],
  ]

  it.each(cases)('throws %s at %s', (code, path, policy, units) => {
    const error = thrownBy(() => evaluate(policy, units))
    expect(error.code).toBe(code)
    expect(error.details.path).toBe(path)
    expect(error.name).toBe('EvaluationPolicyError')
    expect(error.message.startsWith(`${path} = `)).toBe(true)
  })

  it('says what, where and why in the message', () => {
    const policy = { ...SELF_ONLY, sources: [{ key: 'members', weight: 0 }] }
    expect(thrownBy(() => evaluate(policy, [])).message).toBe(
      'policy.sources[0].weight = 0 (source "members"): weights must be positive finite numbers, as the composite divides by their sum',
    )
    const units = [{ unitId: 'b-7', sources: { peers: [] } }]
    expect(thrownBy(() => evaluate(SELF_ONLY, units)).message).toBe(
      'units[0].sources = "peers" (unit "b-7"): every source key in a unit must be listed in policy.sources',
    )
  })
})

describe('roundForDisplay', () => {
  it('rounds half away from zero on the decimal digits people see', () => {
    expect(roundForDisplay(1.005)).toBe(1.01)
    expect(roundForDisplay(92.345)).toBe(92.35)
    expect(roundForDisplay(77.777, 1)).toBe(77.8)
    expect(roundForDisplay(-2.5, 0)).toBe(-3)
    expect(roundForDisplay(1e-7)).toBe(0)
    expect(roundForDisplay(null)).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const satisfactionArb = fc
  .integer({ min: 0, max: 4 })
  .chain((answered) => fc.integer({ min: 0, max: answered }).map((s) => satisfaction(s, answered)))
  .map((figures) => figures.satisfaction)

const responseArb: fc.Arbitrary<SourceResponse> = fc.record(
  {
    // A few repeated values make equal composites (ties) common.
    percent: fc.oneof(
      { arbitrary: fc.constantFrom(60, 90, 100), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 1 },
    ),
    veto: fc.integer({ min: 0, max: 11 }).map((roll) => roll === 0),
    satisfaction: satisfactionArb,
  },
  { requiredKeys: ['percent', 'veto'] },
)

const sourceArb = (key: string): fc.Arbitrary<EvaluationSource> =>
  fc.record(
    {
      key: fc.constant(key),
      weight: fc.integer({ min: 1, max: 5 }),
      // Mostly lenient, so that most generated units are graded.
      required: fc.integer({ min: 0, max: 7 }).map((roll) => roll === 0),
      minResponses: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
      measure: fc.constantFrom(SOURCE_MEASURES.percent, SOURCE_MEASURES.satisfactionRate),
    },
    { requiredKeys: ['key', 'weight'] },
  )

const bandsArb: fc.Arbitrary<GradeBand[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 })
  .map((mins) =>
    [...mins]
      .sort((a, b) => b - a)
      .map((min, i) =>
        i % 2 === 0 ? { min, grade: `g${i}`, stars: 5 - i } : { min, grade: `g${i}` },
      ),
  )

const policyArb: fc.Arbitrary<EvaluationPolicy> = fc
  .record({ sources: fc.tuple(...SOURCE_KEYS.map(sourceArb)), bands: bandsArb })
  .chain(({ sources, bands }) => {
    const noQuota = fc.constant({ sources, bands })
    if (bands.length < 2) return noQuota
    const quota = fc.record({
      grade: fc.constantFrom(...bands.slice(0, -1).map((band) => band.grade)),
      // Whole percents, so the tests can compute the allowed count exactly in integers.
      maxShare: fc
        .oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 100 }))
        .map((percent) => percent / 100),
    })
    const withQuota = quota.map((q) => ({ sources, bands, quota: q }))
    return fc.oneof({ arbitrary: noQuota, weight: 1 }, { arbitrary: withQuota, weight: 3 })
  })

const unitSourcesArb: fc.Arbitrary<UnitInput['sources']> = fc
  .subarray([...SOURCE_KEYS])
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc.array(responseArb, { minLength: 1, maxLength: 3 }).map((rs) => [key, rs]),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries))

// Units often share a profile of responses, so equal composites (ties) are common.
const unitsArb: fc.Arbitrary<UnitInput[]> = fc
  .array(unitSourcesArb, { minLength: 1, maxLength: 4 })
  .chain((profiles) =>
    fc.uniqueArray(
      fc.record({
        unitId: fc.string({ maxLength: 3 }),
        sources: fc.oneof(
          { arbitrary: fc.constantFrom(...profiles), weight: 4 },
          { arbitrary: unitSourcesArb, weight: 1 },
        ),
      }),
      { selector: (unit) => unit.unitId, minLength: 1, maxLength: 30 },
    ),
  )

function gradedOf(results: readonly UnitEvaluation[]): GradedUnitEvaluation[] {
  return results.filter((r): r is GradedUnitEvaluation => r.incomplete === undefined)
}

describe('properties', () => {
  it('ranks are a dense ranking of composites: 1..k, equal iff composites are equal', () => {
    fc.assert(
      fc.property(policyArb, unitsArb, (policy, units) => {
        const graded = gradedOf(evaluate(policy, units))
        for (const a of graded) {
          for (const b of graded) {
            expect(a.rank === b.rank).toBe(a.composite === b.composite)
            if (a.composite > b.composite) expect(a.rank).toBeLessThan(b.rank)
          }
        }
        const ranks = [...new Set(graded.map((r) => r.rank))].sort((a, b) => a - b)
        expect(ranks).toEqual(ranks.map((_, i) => i + 1))
      }),
    )
  })

  it('never lets more units hold the quota grade than the share allows, and fills it top-down', () => {
    fc.assert(
      fc.property(policyArb, unitsArb, (policy, units) => {
        const { quota, bands } = policy
        if (quota === undefined) return
        const results = evaluate(policy, units)
        const graded = gradedOf(results)
        const allowed = Math.floor((Math.round(quota.maxShare * 100) * graded.length) / 100)
        const holders = graded.filter((r) => r.grade === quota.grade)
        expect(holders.length).toBeLessThanOrEqual(allowed)
        const demoted = graded.filter((r) => r.demoted)
        const quotaIndex = bands.findIndex((band) => band.grade === quota.grade)
        for (const unit of demoted) {
          // Only full quotas demote, one band down, and never above a kept holder.
          expect(holders).toHaveLength(allowed)
          expect(unit.grade).toBe(bands[quotaIndex + 1]?.grade)
          for (const holder of holders)
            expect(holder.composite).toBeGreaterThanOrEqual(unit.composite)
        }
      }),
    )
  })

  it('does not depend on the input order of the units', () => {
    const scenario = fc
      .tuple(policyArb, unitsArb)
      .chain(([policy, units]) =>
        fc.tuple(
          fc.constant(policy),
          fc.constant(units),
          fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }),
        ),
      )
    fc.assert(
      fc.property(scenario, ([policy, units, shuffled]) => {
        const results = evaluate(policy, units)
        const reordered = evaluate(policy, shuffled)
        expect(reordered.map((r) => r.unitId)).toEqual(shuffled.map((u) => u.unitId))
        expect(byId(reordered)).toEqual(byId(results))
      }),
      // Ties straddling the quota limit are what this guards; more runs make them likely.
      { numRuns: 400 },
    )
  })

  it('always gives a graded unit with a vetoing response the lowest grade and stars', () => {
    const scenario = fc.tuple(
      policyArb,
      unitsArb,
      responseArb,
      fc.nat(),
      fc.constantFrom(...SOURCE_KEYS),
    )
    fc.assert(
      fc.property(scenario, ([policy, units, extra, pick, key]) => {
        // Make sure at least one unit is vetoed, through any of the sources.
        const index = pick % units.length
        const target = units[index] as UnitInput
        const vetoing = {
          ...target.sources,
          [key]: [...(target.sources[key] ?? []), { ...extra, veto: true }],
        }
        const withVeto = units.map((u, i) => (i === index ? { ...u, sources: vetoing } : u))
        const lowest = policy.bands[policy.bands.length - 1] as GradeBand
        const results = evaluate(policy, withVeto)
        expect(results[index]?.vetoed).toBe(true)
        withVeto.forEach((unit, i) => {
          const result = results[i] as UnitEvaluation
          const vetoed = Object.values(unit.sources).some((rs) => rs.some((r) => r.veto))
          if (!vetoed || result.incomplete) return
          expect(result.grade).toBe(lowest.grade)
          expect(result.stars).toBe(lowest.stars ?? null)
        })
      }),
    )
  })
})
