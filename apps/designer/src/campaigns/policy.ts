import {
  type EvaluationPolicy,
  evaluate,
  type PolicyIssue,
  type SourceKey,
  type SourceMeasure,
  type SourceRespondent,
  type UnitEvaluation,
  type UnitInput,
  validatePolicy,
} from '@yardstick/sdk'
import type { TypeFormsDraft } from './type-forms'

/** The form kind a source is usually answered with, by who answers it (the picker lists these first). */
export const SOURCE_FORM_KIND = {
  selfCheck: 'selfCheck',
  members: 'satisfaction',
  assessors: 'scorecard',
  panel: 'generic',
} as const satisfies Record<SourceRespondent, string>

/** One source as the creation page edits it (numbers as typed, so a half-typed field is kept). */
export interface SourceDraft extends TypeFormsDraft {
  key: SourceKey
  /** Who answers it (a default source's as usual; the office chooses for its own sources). */
  answeredBy: SourceRespondent
  /** The source's own name, as typed ('' = the usual name, or the key). */
  labelZh: string
  labelEn: string
  /** A panel source's people (user ids). */
  panel: number[]
  /** Added by the office (a key, name and who answers of its own), so it can be removed. */
  own: boolean
  enabled: boolean
  formId: number | null
  formVersion: number | null
  weight: string
  required: boolean
  minResponses: string
  measure: SourceMeasure
  anonymous: boolean
}

/** One grade band as edited: from `min` up, `grade`, and stars (empty = none). */
export interface BandDraft {
  min: string
  grade: string
  stars: string
}

/** The rules of a campaign as edited. `quotaShare` is a percentage ('' = no quota). */
export interface PolicyDraft {
  sources: SourceDraft[]
  bands: BandDraft[]
  quotaGrade: string
  quotaShare: string
}

/** A sample branch for the preview: a value (0–100) and a response count per source, and veto. */
export interface SampleUnit {
  name: string
  /** Per source key; a source the sample leaves out takes the mean of the sample's values. */
  values: Partial<Record<SourceKey, string>>
  counts: Partial<Record<SourceKey, string>>
  vetoed: boolean
}

// An empty field is NaN, not 0, so the SDK refuses it and says where instead of grading with 0.
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/**
 * The SDK policy a draft stands for (what `POST /api/campaigns` receives as sources, bands and
 * quota, and what the preview evaluates).
 *
 * @example
 * toPolicy(draft).bands // [{ min: 90, grade: '先进', stars: 5 }, …]
 */
export function toPolicy(draft: PolicyDraft): EvaluationPolicy {
  const sources = draft.sources
    .filter((s) => s.enabled)
    .map((s) => ({
      key: s.key,
      weight: num(s.weight),
      required: s.required,
      ...(s.minResponses.trim() === '' ? {} : { minResponses: num(s.minResponses) }),
      measure: s.measure,
    }))
  const bands = draft.bands.map((b) => ({
    min: num(b.min),
    grade: b.grade.trim(),
    ...(b.stars.trim() === '' ? {} : { stars: num(b.stars) }),
  }))
  const quota =
    draft.quotaGrade && draft.quotaShare.trim() !== ''
      ? { grade: draft.quotaGrade, maxShare: num(draft.quotaShare) / 100 }
      : undefined
  return { sources, bands, ...(quota ? { quota } : {}) }
}

/**
 * What the preview shows: each sample graded, or the first problem with the rules — the SDK's
 * `PolicyIssue`, at a field path as the server names it (`sources.1.weight`), worded by
 * `policyIssueText` (its `message` is the SDK's English, for logs).
 */
export type PreviewResult =
  | { ok: true; units: UnitEvaluation[] }
  | { ok: false; issue: PolicyIssue }

/**
 * Grades the sample branches with the SDK's own `evaluate` under the draft's rules: each sample
 * source becomes `count` responses whose percent (or satisfaction) equals the sample value, so
 * the preview shows exactly what results would. A source the samples leave out (one the office
 * added) takes each sample's mean value, answered as often as its minimum asks (at least once). A policy the SDK refuses (`validatePolicy`, the
 * check the server runs on `POST /api/campaigns`) comes back as its first issue.
 *
 * @example
 * const preview = previewPolicy(toPolicy(draft), samples)
 * if (preview.ok) preview.units[0]?.grade // '先进'
 */
export function previewPolicy(policy: EvaluationPolicy, samples: SampleUnit[]): PreviewResult {
  const [issue] = validatePolicy(policy).errors
  if (issue !== undefined) return { ok: false, issue }
  const units: UnitInput[] = samples.map((sample, i) => ({
    unitId: String(i + 1).padStart(3, '0'),
    sources: Object.fromEntries(
      policy.sources.map(({ key, minResponses }) => {
        const given = sample.values[key]
        const value = given === undefined ? meanOf(sample) : num(given)
        const counted = sample.counts[key] ?? String(Math.max(1, minResponses ?? 1))
        const count = Math.max(0, Math.floor(num(counted) || 0))
        if (!Number.isFinite(value)) return [key, []]
        const response = {
          percent: value,
          veto: sample.vetoed,
          satisfaction: { satisfied: value, answered: 100, rate: value / 100, index: value / 100 },
        }
        return [key, Array.from({ length: count }, () => response)]
      }),
    ),
  }))
  // The samples use only the policy's sources and distinct ids, so a valid policy evaluates.
  return { ok: true, units: evaluate(policy, units) }
}

function meanOf(sample: SampleUnit): number {
  const values = Object.values(sample.values)
    .map((text) => num(text ?? ''))
    .filter(Number.isFinite)
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length
}

/**
 * Names the source in a rules path by its key instead of its place among the enabled sources
 * (`sources.1.weight` → `sources.members.weight`), so the issue lands on the right field
 * whichever sources are switched on.
 *
 * @example
 * keyedPath('sources.1.weight', ['self', 'superior']) // 'sources.superior.weight'
 */
export function keyedPath(path: string, enabled: readonly SourceKey[]): string {
  return path.replace(/^sources\.(\d+)/, (whole, index: string) => {
    const key = enabled[Number(index)]
    return key ? `sources.${key}` : whole
  })
}
