import { SOURCE_MEASURES } from './domain-sets'
import {
  type EvaluationPolicy,
  EvaluationPolicyError,
  type EvaluationPolicyErrorCode,
  type EvaluationSource,
  type GradeBand,
  type GradeQuota,
  type SourceSummary,
  type UnitSummaryInput,
} from './evaluate-types'

/**
 * One problem with an evaluation policy: where (`sources.1.weight`, the field path the server's
 * request issues and the designer's fields use), which rule (`EvaluationPolicyError`'s code) and
 * the SDK's English message for logs (apps word the code in their reader's language).
 */
export interface PolicyIssue {
  path: string
  code: EvaluationPolicyErrorCode
  message: string
}

/** What `validatePolicy` returns: valid when there is no error. */
export interface PolicyValidation {
  valid: boolean
  errors: PolicyIssue[]
}

/**
 * Checks a policy with the very checks `evaluate` runs, without evaluating anything: every
 * problem, in the order `evaluate` meets them (sources, bands, quota), so `errors[0]` is the one
 * `evaluate` would throw. The server refuses such a policy before storing it; the designer shows
 * the problem at its field.
 *
 * @example
 * validatePolicy({ sources: [{ key: 'self', weight: 0 }], bands: [{ min: 0, grade: 'pass' }] })
 * // { valid: false, errors: [{ path: 'sources.0.weight', code: 'invalidWeight', message: '…' }] }
 */
export function validatePolicy(policy: EvaluationPolicy): PolicyValidation {
  const errors = policyFaults(policy).map((fault) => {
    const path = fault.path.join('.')
    return { path, code: fault.code, message: faultMessage(fault, path) }
  })
  return { valid: errors.length === 0, errors }
}

/** Throws `EvaluationPolicyError` unless the policy can be evaluated (its first problem). */
export function assertValidPolicy(policy: EvaluationPolicy): void {
  const [fault] = policyFaults(policy)
  if (fault === undefined) return
  // The error names the place in `evaluate`'s arguments: `policy.sources[1].weight`.
  const at = fault.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
  const path = `policy${at.join('')}`
  throw new EvaluationPolicyError(fault.code, faultMessage(fault, path), {
    path,
    value: fault.value,
  })
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

/** A broken rule at a path inside the policy (`['sources', 1, 'weight']`), with what was there. */
interface Fault {
  code: EvaluationPolicyErrorCode
  path: ReadonlyArray<string | number>
  value: unknown
  about?: string
}

// What, where and why: `sources.0.weight = 0 (source "self"): weights must be positive …`.
function faultMessage({ code, value, about = '' }: Omit<Fault, 'path'>, path: string): string {
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value)
  return `${path} = ${shown}${about}: ${POLICY_RULES[code]}`
}

function fail(code: EvaluationPolicyErrorCode, path: string, value: unknown, about = ''): never {
  throw new EvaluationPolicyError(code, faultMessage({ code, value, about }, path), { path, value })
}

// Each check of the policy lives once, here; `validatePolicy` lists what they find and
// `evaluate` (through `assertValidPolicy`) throws the first.
function policyFaults(policy: EvaluationPolicy): Fault[] {
  const faults = [...sourceFaults(policy.sources), ...bandFaults(policy.bands)]
  if (policy.quota !== undefined) faults.push(...quotaFaults(policy.quota, policy.bands))
  return faults
}

function sourceFaults(sources: readonly EvaluationSource[]): Fault[] {
  if (sources.length === 0) return [{ code: 'emptySources', path: ['sources'], value: sources }]
  const faults: Fault[] = []
  const seen = new Set<string>()
  sources.forEach(({ key, weight, minResponses, measure }, i) => {
    const about = ` (source "${key}")`
    const at = (field: string, code: EvaluationPolicyErrorCode, value: unknown, of = about) =>
      faults.push({ code, path: ['sources', i, field], value, about: of })
    if (seen.has(key)) at('key', 'duplicateSourceKey', key, '')
    seen.add(key)
    if (!(Number.isFinite(weight) && weight > 0)) at('weight', 'invalidWeight', weight)
    if (minResponses !== undefined && !(Number.isInteger(minResponses) && minResponses >= 0))
      at('minResponses', 'invalidMinResponses', minResponses)
    if (measure !== undefined && !Object.hasOwn(SOURCE_MEASURES, measure))
      at('measure', 'invalidMeasure', measure)
  })
  return faults
}

function bandFaults(bands: readonly GradeBand[]): Fault[] {
  if (bands.length === 0) return [{ code: 'emptyBands', path: ['bands'], value: bands }]
  const faults: Fault[] = []
  const grades = new Set<string>()
  const isMin = (min: unknown) => typeof min === 'number' && !Number.isNaN(min)
  bands.forEach(({ min, grade }, i) => {
    const above = bands[i - 1]
    if (!isMin(min)) faults.push({ code: 'invalidBandMin', path: ['bands', i, 'min'], value: min })
    // A min that is not a number is reported once, not again as out of order.
    else if (above !== undefined && isMin(above.min) && !(above.min > min)) {
      const about = ` (not below "${above.grade}" at ${above.min})`
      faults.push({ code: 'unorderedBands', path: ['bands', i, 'min'], value: min, about })
    }
    if (grades.has(grade))
      faults.push({ code: 'duplicateGrade', path: ['bands', i, 'grade'], value: grade })
    grades.add(grade)
  })
  return faults
}

function quotaFaults({ grade, maxShare }: GradeQuota, bands: readonly GradeBand[]): Fault[] {
  const faults: Fault[] = []
  const index = bands.findIndex((band) => band.grade === grade)
  if (index === -1)
    faults.push({ code: 'unknownQuotaGrade', path: ['quota', 'grade'], value: grade })
  else if (index === bands.length - 1)
    faults.push({ code: 'quotaOnLowestBand', path: ['quota', 'grade'], value: grade })
  if (!(Number.isFinite(maxShare) && maxShare >= 0 && maxShare <= 1))
    faults.push({ code: 'invalidMaxShare', path: ['quota', 'maxShare'], value: maxShare })
  return faults
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
