import type { SourceMeasure } from './domain-sets'
import type { SourceLabelText } from './source-labels'
import type { Locale } from './text'
import type { ScoreResult } from './types'

/**
 * Why a unit was left ungraded (`UnitEvaluation.incomplete.reason`).
 *
 * @example
 * if (unit.incomplete?.reason === INCOMPLETE_REASONS.belowMinResponses) remind(unit.unitId)
 */
export const INCOMPLETE_REASONS = {
  missingSource: 'missingSource',
  belowMinResponses: 'belowMinResponses',
  noSources: 'noSources',
} as const
export type IncompleteReason = keyof typeof INCOMPLETE_REASONS

/**
 * What is wrong with a policy or the units passed to `evaluate` (`EvaluationPolicyError.code`).
 *
 * @example
 * if (error.code === EVALUATION_POLICY_ERROR_CODES.unorderedBands) fixBands()
 */
export const EVALUATION_POLICY_ERROR_CODES = {
  emptySources: 'emptySources',
  duplicateSourceKey: 'duplicateSourceKey',
  invalidWeight: 'invalidWeight',
  invalidMinResponses: 'invalidMinResponses',
  invalidMeasure: 'invalidMeasure',
  emptyBands: 'emptyBands',
  invalidBandMin: 'invalidBandMin',
  unorderedBands: 'unorderedBands',
  duplicateGrade: 'duplicateGrade',
  unknownQuotaGrade: 'unknownQuotaGrade',
  quotaOnLowestBand: 'quotaOnLowestBand',
  invalidMaxShare: 'invalidMaxShare',
  duplicateUnitId: 'duplicateUnitId',
  unknownSourceKey: 'unknownSourceKey',
  invalidSummary: 'invalidSummary',
} as const
export type EvaluationPolicyErrorCode = keyof typeof EVALUATION_POLICY_ERROR_CODES

/**
 * A user-facing message in every locale, Chinese first: `{ 'zh-CN': '…', en: '…' }`.
 *
 * @example
 * const text = unit.incomplete?.message[locale === 'en' ? 'en' : 'zh-CN']
 */
export type EvaluationMessage = Readonly<Record<Locale, string>>

/**
 * One evaluation source (自评 `self`, 党员群众测评 `members`, 上级考评 `superior`, …).
 * `minResponses` ≥ 1 makes the source effectively required: zero responses are below it.
 *
 * @example
 * const members: EvaluationSource = { key: 'members', weight: 3, minResponses: 5, measure: 'satisfactionRate' }
 */
export interface EvaluationSource {
  key: string
  /** The campaign's own name for the source (zh-CN/en); absent: the key's usual name. */
  label?: SourceLabelText | null
  weight: number
  required?: boolean
  minResponses?: number
  measure?: SourceMeasure
}

/**
 * A grade band: composites from `min` up (until the band above) get `grade` and `stars`.
 *
 * @example
 * const advanced: GradeBand = { min: 90, grade: 'advanced', stars: 5 }
 */
export interface GradeBand {
  min: number
  grade: string
  stars?: number
}

/**
 * At most `floor(maxShare × graded units)` units may hold `grade`; the surplus moves one band down.
 *
 * @example
 * const quota: GradeQuota = { grade: 'advanced', maxShare: 0.2 }
 */
export interface GradeQuota {
  grade: string
  maxShare: number
}

/**
 * The rules of a composite evaluation (综合评定). `bands` run from the highest `min` to the lowest.
 *
 * @example
 * const policy: EvaluationPolicy = {
 *   sources: [{ key: 'self', weight: 2, required: true }, { key: 'superior', weight: 8 }],
 *   bands: [{ min: 90, grade: 'advanced' }, { min: 60, grade: 'standard' }, { min: 0, grade: 'lagging' }],
 *   quota: { grade: 'advanced', maxShare: 0.2 },
 * }
 */
export interface EvaluationPolicy {
  sources: readonly EvaluationSource[]
  bands: readonly GradeBand[]
  quota?: GradeQuota
}

/**
 * The part of a `ScoreResult` that evaluation reads, so stored rows can be passed without the rest.
 *
 * @example
 * const response: SourceResponse = { percent: 85, veto: false }
 */
export type SourceResponse = Pick<ScoreResult, 'percent'> &
  Partial<Pick<ScoreResult, 'veto' | 'satisfaction'>>

/**
 * One unit (branch) to evaluate: its scored responses, grouped by source key.
 *
 * @example
 * const unit: UnitInput = { unitId: 'b-001', sources: { self: [scoreResponse(form, answers)] } }
 */
export interface UnitInput {
  unitId: string
  sources: Readonly<Record<string, readonly SourceResponse[]>>
}

/**
 * A source's value for one unit (null when it has none) and its number of responses.
 *
 * @example
 * const members: SourceSummary = { value: 92.5, n: 40 }
 */
export interface SourceSummary {
  value: number | null
  n: number
}

/**
 * What a source's responses add up to, the way the database keeps them (`count`, the sum of each
 * percent in millionths, `sum(satisfied)`, `sum(answered)`). `percentSum` is
 * `fromMicros(Σ toMicros(percent))`: exact, whatever order the responses are added in.
 *
 * @example
 * const totals: SourceTotals = { n: 2, percentSum: 170, satisfied: 15, answered: 20 }
 */
export interface SourceTotals {
  n: number
  percentSum: number
  satisfied: number
  answered: number
}

/**
 * One unit already summarised per source (value and n), with whether any of its responses
 * vetoes: what `evaluateSummaries` grades. A source key left out counts as `{ value: null, n: 0 }`.
 *
 * @example
 * const unit: UnitSummaryInput = {
 *   unitId: '17',
 *   sources: { self: { value: 95, n: 1 }, members: { value: 88.5, n: 30 } },
 *   vetoed: false,
 * }
 */
export interface UnitSummaryInput {
  unitId: string
  sources: Readonly<Record<string, SourceSummary>>
  vetoed: boolean
}

/**
 * Why a unit is not graded; `source` is the policy source at fault (null for `noSources`).
 *
 * @example
 * const info: IncompleteInfo = { reason: 'noSources', source: null, message: { 'zh-CN': '…', en: '…' } }
 */
export interface IncompleteInfo {
  reason: IncompleteReason
  source: string | null
  message: EvaluationMessage
}

interface UnitEvaluationBase {
  unitId: string
  /** Whether any response of any source has `veto: true` (graded units then get the lowest band). */
  vetoed: boolean
  sources: Record<string, SourceSummary>
}

/**
 * A graded unit. `composite` is exact (unrounded); `rank` is the dense rank, 1 = highest.
 *
 * @example
 * if (unit.incomplete === undefined) console.log(unit.grade, unit.rank)
 */
export interface GradedUnitEvaluation extends UnitEvaluationBase {
  composite: number
  grade: string
  stars: number | null
  rank: number
  /** True when the quota moved this unit one band below the band its composite reached. */
  demoted: boolean
  incomplete?: undefined
}

/**
 * An ungraded unit: every figure is null and `incomplete` says why.
 *
 * @example
 * if (unit.incomplete) console.log(unit.incomplete.message['zh-CN'])
 */
export interface IncompleteUnitEvaluation extends UnitEvaluationBase {
  composite: null
  grade: null
  stars: null
  rank: null
  demoted: false
  incomplete: IncompleteInfo
}

/**
 * One unit's evaluation: graded, or incomplete with the reason.
 *
 * @example
 * const graded = results.filter((unit) => unit.incomplete === undefined)
 */
export type UnitEvaluation = GradedUnitEvaluation | IncompleteUnitEvaluation

/**
 * A policy or unit list that `evaluate` cannot work with: a programmer error, not an outcome.
 * `details.path` says where (e.g. `policy.sources[1].weight`).
 *
 * @example
 * try { evaluate(policy, units) } catch (error) {
 *   if (error instanceof EvaluationPolicyError) console.error(error.code, error.details.path)
 * }
 */
export class EvaluationPolicyError extends Error {
  override readonly name = 'EvaluationPolicyError'
  readonly code: EvaluationPolicyErrorCode
  readonly details: Readonly<{ path: string; value?: unknown }>

  constructor(
    code: EvaluationPolicyErrorCode,
    message: string,
    details: { path: string; value?: unknown },
  ) {
    super(message)
    this.code = code
    this.details = details
  }
}
