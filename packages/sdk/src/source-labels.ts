import type { DefaultSourceKey, SourceMeasure } from './domain-sets'
import type { Locale } from './text'

/**
 * The names people read for the evaluation sources of the four-step procedure (docs/DESIGN.md §2):
 * 自评 → 党员群众测评 → 上级考评, in every locale. The one home of these labels: the designer's
 * tables, the server's exports and `evaluate`'s notes all read them from here.
 *
 * @example
 * SOURCE_LABELS.members['zh-CN'] // '党员群众测评'
 */
export const SOURCE_LABELS = {
  self: { 'zh-CN': '自评', en: 'Self-evaluation' },
  members: { 'zh-CN': '党员群众测评', en: 'Member and public survey' },
  superior: { 'zh-CN': '上级考评', en: 'Superior’s evaluation' },
} as const satisfies Record<DefaultSourceKey, Record<Locale, string>>

/** A source key that has a label of its own: every member of `SOURCE_KEYS`. */
export type LabelledSourceKey = keyof typeof SOURCE_LABELS

/**
 * The names of the ways a source's responses become its value (`SourceMeasure`).
 *
 * @example
 * MEASURE_LABELS.satisfactionRate.en // 'Satisfaction rate'
 */
export const MEASURE_LABELS = {
  percent: { 'zh-CN': '得分率', en: 'Score percent' },
  satisfactionRate: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
} as const satisfies Record<SourceMeasure, Record<Locale, string>>

/**
 * The label of a source key in a locale; a key with no label (a campaign's own extra source) is
 * shown as it is, since it is then the only name the source has.
 *
 * @param key the source key (`self`, `members`, `superior`, …)
 * @param locale the reader's language (default zh-CN)
 * @example
 * sourceLabel('members') // '党员群众测评'
 * sourceLabel('superior', 'en') // 'Superior’s evaluation'
 * sourceLabel('panel') // 'panel'
 */
export function sourceLabel(key: string, locale: Locale = 'zh-CN'): string {
  return Object.hasOwn(SOURCE_LABELS, key) ? SOURCE_LABELS[key as LabelledSourceKey][locale] : key
}

/**
 * The label of a measure in a locale (an unknown measure is shown as it is).
 *
 * @param measure `percent` or `satisfactionRate`
 * @param locale the reader's language (default zh-CN)
 * @example
 * measureLabel('satisfactionRate') // '满意率'
 */
export function measureLabel(measure: string, locale: Locale = 'zh-CN'): string {
  return Object.hasOwn(MEASURE_LABELS, measure)
    ? MEASURE_LABELS[measure as SourceMeasure][locale]
    : measure
}

/** A source's own name in each locale, as a campaign may give it (`{ 'zh-CN': '述职评议', en: … }`). */
export type SourceLabelText = Partial<Record<Locale, string>>

/**
 * The name of a campaign's source in a locale: its own label where the campaign gave one (the
 * other locale's when only that one is given), else the default's (`sourceLabel`), else the key.
 *
 * @example
 * sourceLabelOf({ key: 'debriefing', label: { 'zh-CN': '述职评议', en: 'Debriefing review' } }, 'en') // 'Debriefing review'
 * sourceLabelOf({ key: 'members', label: null }) // '党员群众测评'
 */
export function sourceLabelOf(
  source: { key: string; label?: SourceLabelText | null },
  locale: Locale = 'zh-CN',
): string {
  const own =
    source.label?.[locale]?.trim() || Object.values(source.label ?? {}).find((v) => v?.trim())
  return own || sourceLabel(source.key, locale)
}
