import type { SourceMeasure } from './domain-sets'
import { assertValidPolicy, assertValidSummaries, assertValidUnits } from './evaluate-policy'
import type {
  EvaluationMessage,
  EvaluationPolicy,
  EvaluationSource,
  GradeBand,
  IncompleteInfo,
  IncompleteReason,
  SourceResponse,
  SourceSummary,
  SourceTotals,
  UnitEvaluation,
  UnitInput,
  UnitSummaryInput,
} from './evaluate-types'
import { fromMicros, toMicros } from './micros'
import { sourceLabelOf } from './source-labels'

const INCOMPLETE_MESSAGES: Record<
  IncompleteReason,
  (context: { source: EvaluationSource; n: number; min: number }) => EvaluationMessage
> = {
  // Sources are named as people read them (自评, 党员群众测评, the campaign's own label …), never
  // by their key.
  missingSource: ({ source }) => ({
    'zh-CN': `缺少必需的评价来源“${sourceLabelOf(source, 'zh-CN')}”的可计分答卷`,
    en: `Required source "${sourceLabelOf(source, 'en')}" has no scorable responses`,
  }),
  belowMinResponses: ({ source, n, min }) => ({
    'zh-CN': `评价来源“${sourceLabelOf(source, 'zh-CN')}”只有 ${n} 份答卷，少于最低要求的 ${min} 份`,
    en: `Source "${sourceLabelOf(source, 'en')}" has ${n} responses, fewer than the required ${min}`,
  }),
  noSources: () => ({
    'zh-CN': '没有任何评价来源的可计分答卷',
    en: 'No source has a scorable response',
  }),
}

/**
 * Computes the composite evaluation (综合评定) of units under a policy (docs/DESIGN.md §2): source
 * values, weighted composite, grade and stars by band, veto, quota and dense rank. Results come
 * back in the order of `units` and do not otherwise depend on it: quota ties are broken by
 * `unitId` in code-unit order (the smaller `unitId` keeps the higher grade).
 *
 * @param policy sources, bands (high to low) and an optional quota
 * @param units the units with their scored responses per source key
 * @throws {EvaluationPolicyError} when the policy or the unit list is invalid
 * @example
 * evaluate(
 *   { sources: [{ key: 'self', weight: 1 }], bands: [{ min: 90, grade: 'advanced' }, { min: 0, grade: 'lagging' }] },
 *   [{ unitId: 'b-1', sources: { self: [{ percent: 95, veto: false }] } }],
 * )
 * // [{ unitId: 'b-1', composite: 95, grade: 'advanced', stars: null, rank: 1, … }]
 */
export function evaluate(policy: EvaluationPolicy, units: readonly UnitInput[]): UnitEvaluation[] {
  assertValidPolicy(policy)
  assertValidUnits(policy, units)
  return evaluateSummaries(
    policy,
    units.map((unit) => summariseUnit(policy.sources, unit)),
  )
}

/**
 * Grades units whose sources are already summarised (value and n per source, and whether any
 * response vetoes): the one grading code path, which `evaluate` calls after summarising responses
 * and the server calls on SQL aggregates. Composite, incomplete reasons, bands, veto, quota and
 * dense rank are exactly `evaluate`'s; results come back in the order of `units`.
 *
 * @param policy sources, bands (high to low) and an optional quota
 * @param units each unit's source summaries (a missing key is `{ value: null, n: 0 }`) and veto
 * @throws {EvaluationPolicyError} when the policy, a unit id, a source key or a summary is invalid
 * @example
 * evaluateSummaries(
 *   { sources: [{ key: 'members', weight: 1, minResponses: 5 }], bands: [{ min: 0, grade: 'standard' }] },
 *   [{ unitId: '17', sources: { members: { value: 92.5, n: 30 } }, vetoed: false }],
 * )
 * // [{ unitId: '17', composite: 92.5, grade: 'standard', rank: 1, … }]
 */
export function evaluateSummaries(
  policy: EvaluationPolicy,
  units: readonly UnitSummaryInput[],
): UnitEvaluation[] {
  assertValidPolicy(policy)
  assertValidUnits(policy, units)
  assertValidSummaries(units)
  const drafts = units.map((unit) => draftUnit(policy.sources, unit))
  const graded = drafts.filter((draft): draft is GradedDraft => draft.incomplete === undefined)
  const placements = placeInBands(policy, graded)
  const ranks = denseRanks(graded.map((draft) => draft.composite))
  return drafts.map((draft) => finishUnit(draft, policy.bands, placements, ranks))
}

/**
 * A source's summary from its totals: the mean percent (`percentSum / n`), or the pooled
 * satisfaction rate × 100 (`satisfied × 100 / answered`); null without responses, or for a
 * satisfaction source with nothing answered. `evaluate` summarises responses through it, so the
 * database's running totals give bit-identical values.
 *
 * @param totals n, percentSum, satisfied and answered of one unit's source
 * @param measure how the value is taken, default `percent`
 * @example
 * summarizeSourceTotals({ n: 3, percentSum: 0, satisfied: 9, answered: 15 }, 'satisfactionRate')
 * // { value: 60, n: 3 }
 */
export function summarizeSourceTotals(
  totals: SourceTotals,
  measure: SourceMeasure = 'percent',
): SourceSummary {
  const { n, percentSum, satisfied, answered } = totals
  if (n === 0) return { value: null, n }
  switch (measure) {
    case 'percent':
      return { value: percentSum / n, n }
    case 'satisfactionRate':
      // × 100 before dividing keeps exact ratios exact (9 of 15 → 60, not 60.00000000000001).
      return { value: answered === 0 ? null : (satisfied * 100) / answered, n }
  }
}

/**
 * Rounds a composite or source value for display only (half away from zero, in decimal, so
 * `1.005` → `1.01`); `evaluate` itself never rounds.
 *
 * @param value the number to show, or null
 * @param digits decimal places, default 2
 * @example
 * roundForDisplay(92.345) // 92.35
 * roundForDisplay(77.777, 1) // 77.8
 */
export function roundForDisplay(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return value
  const rounded = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), digits)), -digits)
  return value < 0 ? -rounded : rounded
}

// Moves the decimal point through the string form, so the digits people see are the ones rounded.
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e')
  return Number(`${mantissa}e${Number(exponent) + places}`)
}

interface DraftBase {
  unitId: string
  vetoed: boolean
  sources: Record<string, SourceSummary>
}
type GradedDraft = DraftBase & { composite: number; incomplete?: undefined }
type UnitDraft = GradedDraft | (DraftBase & { composite: null; incomplete: IncompleteInfo })

function summariseUnit(sources: readonly EvaluationSource[], unit: UnitInput): UnitSummaryInput {
  const summaries: Record<string, SourceSummary> = {}
  let vetoed = false
  for (const source of sources) {
    const responses = unit.sources[source.key] ?? []
    summaries[source.key] = summarizeSourceTotals(totalsOf(responses), source.measure)
    vetoed ||= responses.some((response) => response.veto === true)
  }
  return { unitId: unit.unitId, sources: summaries, vetoed }
}

// Percents in millionths, so the sum is the running aggregate's, whatever the order.
function totalsOf(responses: readonly SourceResponse[]): SourceTotals {
  let percentMicros = 0
  let satisfied = 0
  let answered = 0
  for (const response of responses) {
    percentMicros += toMicros(response.percent)
    satisfied += response.satisfaction?.satisfied ?? 0
    answered += response.satisfaction?.answered ?? 0
  }
  return { n: responses.length, percentSum: fromMicros(percentMicros), satisfied, answered }
}

function draftUnit(sources: readonly EvaluationSource[], unit: UnitSummaryInput): UnitDraft {
  const summaries: Record<string, SourceSummary> = {}
  for (const { key } of sources) {
    const { value, n } = unit.sources[key] ?? { value: null, n: 0 }
    summaries[key] = { value, n }
  }
  const base = { unitId: unit.unitId, vetoed: unit.vetoed, sources: summaries }
  const incomplete = findIncomplete(sources, summaries)
  if (incomplete) return { ...base, composite: null, incomplete }
  return { ...base, composite: weightedComposite(sources, summaries) }
}

// The first failing source in policy order wins. A required source with responses but no value
// (satisfaction with nothing answered) counts as missing: the composite must not silently skip it.
function findIncomplete(
  sources: readonly EvaluationSource[],
  summaries: Record<string, SourceSummary>,
): IncompleteInfo | undefined {
  for (const source of sources) {
    const { value, n } = summaries[source.key] as SourceSummary
    const min = source.minResponses ?? 0
    if (source.required && value === null) return incompleteInfo('missingSource', source, n, min)
    if (n < min) return incompleteInfo('belowMinResponses', source, n, min)
  }
  const anyValue = Object.values(summaries).some((summary) => summary.value !== null)
  return anyValue ? undefined : incompleteInfo('noSources', null, 0, 0)
}

function incompleteInfo(
  reason: IncompleteReason,
  source: EvaluationSource | null,
  n: number,
  min: number,
) {
  const message = INCOMPLETE_MESSAGES[reason]({ source: source ?? { key: '', weight: 0 }, n, min })
  return { reason, source: source?.key ?? null, message }
}

function weightedComposite(
  sources: readonly EvaluationSource[],
  summaries: Record<string, SourceSummary>,
): number {
  let weighted = 0
  let weights = 0
  for (const source of sources) {
    const value = summaries[source.key]?.value ?? null
    if (value === null) continue
    weighted += source.weight * value
    weights += source.weight
  }
  return weighted / weights
}

interface Placement {
  band: number
  demoted: boolean
}

// Band index per graded unit: by composite, veto → lowest, then the quota's surplus one band down.
function placeInBands(policy: EvaluationPolicy, graded: readonly GradedDraft[]) {
  const { bands, quota } = policy
  const placements = new Map<string, Placement>()
  for (const { unitId, composite, vetoed } of graded) {
    const band = vetoed ? bands.length - 1 : bandIndexOf(bands, composite)
    placements.set(unitId, { band, demoted: false })
  }
  if (quota === undefined) return placements
  const quotaBand = bands.findIndex((band) => band.grade === quota.grade)
  const holders = graded.filter((draft) => placements.get(draft.unitId)?.band === quotaBand)
  holders.sort(byCompositeThenUnitId)
  const limit = quotaLimit(quota.maxShare, graded.length)
  for (const { unitId } of holders.slice(limit)) {
    placements.set(unitId, { band: quotaBand + 1, demoted: true })
  }
  return placements
}

// The first band the composite reaches; below every band still lands in the lowest one.
function bandIndexOf(bands: readonly GradeBand[], composite: number): number {
  const index = bands.findIndex((band) => band.min <= composite)
  return index === -1 ? bands.length - 1 : index
}

function byCompositeThenUnitId(a: GradedDraft, b: GradedDraft): number {
  const byComposite = b.composite - a.composite
  if (byComposite !== 0) return byComposite
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0
}

// maxShare is a decimal people wrote (0.29), but 0.29 × 100 is 28.999999999999996 in binary:
// a relative nudge far below one unit restores the intended floor (29) without changing others.
function quotaLimit(maxShare: number, gradedCount: number): number {
  const share = maxShare * gradedCount
  return Math.floor(share + share * 1e-12)
}

function denseRanks(composites: readonly number[]): Map<number, number> {
  const distinct = [...new Set(composites)].sort((a, b) => b - a)
  return new Map(distinct.map((composite, index) => [composite, index + 1]))
}

function finishUnit(
  draft: UnitDraft,
  bands: readonly GradeBand[],
  placements: Map<string, Placement>,
  ranks: Map<number, number>,
): UnitEvaluation {
  const { unitId, vetoed, sources } = draft
  if (draft.incomplete !== undefined) {
    const empty = { composite: null, grade: null, stars: null, rank: null, demoted: false } as const
    return { unitId, ...empty, vetoed, incomplete: draft.incomplete, sources }
  }
  const { composite } = draft
  const { band, demoted } = placements.get(unitId) as Placement
  const { grade, stars = null } = bands[band] as GradeBand
  const rank = ranks.get(composite) as number
  return { unitId, composite, grade, stars, rank, vetoed, demoted, sources }
}
