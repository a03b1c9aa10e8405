import {
  type EvaluationPolicy,
  EvaluationPolicyError,
  type EvaluationPolicyErrorCode,
  type EvaluationSource,
  type GradeBand,
  type GradeQuota,
  SOURCE_MEASURES,
  type SourceSummary,
  type UnitSummaryInput,
} from './evaluate-types'

/** Throws `EvaluationPolicyError` unless the policy can be evaluated. */
export function assertValidPolicy(policy: EvaluationPolicy): void {
  assertValidSources(policy.sources)
  assertValidBands(policy.bands)
  if (policy.quota !== undefined) assertValidQuota(policy.quota, policy.bands)
}

// Why each rule exists, so every error message says what, where and why.
const POLICY_RULES: Record<EvaluationPolicyErrorCode, string> = {
  emptySources: 'a composite needs at least one source',
  duplicateSourceKey: 'each source key may appear once',
  invalidWeight: 'weights must be positive finite numbers, as the composite divides by their sum',
  invalidMinResponses: 'minResponses must be a whole number ≥ 0',
  invalidMeasure: `measure must be one of ${Object.keys(SOURCE_MEASURES).join(', ')}`,
  emptyBands: 'grading needs at least one band',
  invalidBandMin: 'a band min must be a number',
  unorderedBands: 'bands run from the highest min to the lowest, each strictly below the last',
  duplicateGrade: 'each grade may name one band, or the quota would not know which band it caps',
  unknownQuotaGrade: 'the quota grade must be the grade of one of the bands',
  quotaOnLowestBand: 'a quota moves its surplus one band down, so the lowest band cannot have one',
  invalidMaxShare: 'maxShare is a share of graded units, between 0 and 1',
  duplicateUnitId: 'each unit may appear once, or its results would be ambiguous',
  unknownSourceKey: 'every source key in a unit must be listed in policy.sources',
  invalidSummary:
    'a summary is { value: finite number or null, n: whole number ≥ 0 } with a value only when n ≥ 1, and vetoed is a boolean',
}

function fail(code: EvaluationPolicyErrorCode, path: string, value: unknown, about = ''): never {
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value)
  const message = `${path} = ${shown}${about}: ${POLICY_RULES[code]}`
  throw new EvaluationPolicyError(code, message, { path, value })
}

function assertValidSources(sources: readonly EvaluationSource[]): void {
  if (sources.length === 0) fail('emptySources', 'policy.sources', sources)
  const seen = new Set<string>()
  sources.forEach(({ key, weight, minResponses, measure }, i) => {
    const [at, of] = [`policy.sources[${i}]`, ` (source "${key}")`]
    if (seen.has(key)) fail('duplicateSourceKey', `${at}.key`, key)
    seen.add(key)
    if (!(Number.isFinite(weight) && weight > 0)) fail('invalidWeight', `${at}.weight`, weight, of)
    if (minResponses !== undefined && !(Number.isInteger(minResponses) && minResponses >= 0))
      fail('invalidMinResponses', `${at}.minResponses`, minResponses, of)
    if (measure !== undefined && !Object.hasOwn(SOURCE_MEASURES, measure))
      fail('invalidMeasure', `${at}.measure`, measure, of)
  })
}

function assertValidBands(bands: readonly GradeBand[]): void {
  if (bands.length === 0) fail('emptyBands', 'policy.bands', bands)
  const grades = new Set<string>()
  bands.forEach(({ min, grade }, i) => {
    const at = `policy.bands[${i}]`
    if (typeof min !== 'number' || Number.isNaN(min)) fail('invalidBandMin', `${at}.min`, min)
    const above = bands[i - 1]
    if (above !== undefined && !(above.min > min))
      fail('unorderedBands', `${at}.min`, min, ` (not below "${above.grade}" at ${above.min})`)
    if (grades.has(grade)) fail('duplicateGrade', `${at}.grade`, grade)
    grades.add(grade)
  })
}

function assertValidQuota({ grade, maxShare }: GradeQuota, bands: readonly GradeBand[]): void {
  const index = bands.findIndex((band) => band.grade === grade)
  if (index === -1) fail('unknownQuotaGrade', 'policy.quota.grade', grade)
  if (index === bands.length - 1) fail('quotaOnLowestBand', 'policy.quota.grade', grade)
  if (!(Number.isFinite(maxShare) && maxShare >= 0 && maxShare <= 1))
    fail('invalidMaxShare', 'policy.quota.maxShare', maxShare)
}

/** Throws `EvaluationPolicyError` unless every unit is unique and uses only policy sources. */
export function assertValidUnits(
  policy: EvaluationPolicy,
  units: readonly { unitId: string; sources: object }[],
): void {
  const keys = new Set(policy.sources.map((source) => source.key))
  const seen = new Set<string>()
  units.forEach(({ unitId, sources }, i) => {
    if (seen.has(unitId)) fail('duplicateUnitId', `units[${i}].unitId`, unitId)
    seen.add(unitId)
    for (const key of Object.keys(sources)) {
      if (!keys.has(key))
        fail('unknownSourceKey', `units[${i}].sources`, key, ` (unit "${unitId}")`)
    }
  })
}

/** Throws `EvaluationPolicyError` unless every source summary and veto flag is well formed. */
export function assertValidSummaries(units: readonly UnitSummaryInput[]): void {
  units.forEach(({ unitId, sources, vetoed }, i) => {
    const of = ` (unit "${unitId}")`
    if (typeof vetoed !== 'boolean') fail('invalidSummary', `units[${i}].vetoed`, vetoed, of)
    for (const [key, summary] of Object.entries(sources)) {
      if (!isValidSummary(summary))
        fail('invalidSummary', `units[${i}].sources.${key}`, summary, of)
    }
  })
}

function isValidSummary(summary: SourceSummary | undefined): boolean {
  if (summary === null || typeof summary !== 'object') return false
  const { value, n } = summary
  if (!(Number.isInteger(n) && n >= 0)) return false
  if (value === null) return true
  return typeof value === 'number' && Number.isFinite(value) && n >= 1
}
