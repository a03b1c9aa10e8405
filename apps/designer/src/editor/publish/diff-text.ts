import { localizedText } from '@yardstick/sdk'
import type { Locale, Translate } from '../../i18n/translate'
import type { MessageKey } from '../../i18n/zh-CN'

/** One changed property of a version diff (`GET /api/forms/:id/versions/:a/diff/:b`). */
export interface DiffChange {
  property: string
  /** For a localised text, which language changed (`default` is the form's own: zh-CN). */
  locale?: string
  before: unknown
  after: unknown
}

// Property names as the properties panel labels them; others are shown as SurveyJS names them.
const PROPERTY_LABELS: Record<string, MessageKey> = {
  title: 'props.title',
  description: 'props.description',
  name: 'props.name',
  isRequired: 'props.required',
  visibleIf: 'props.visibleIf',
  choices: 'props.choices',
  rateValues: 'props.rateValues',
  validators: 'props.validators',
  dimension: 'props.dimension',
  dimensions: 'props.dimensions',
  scoreKind: 'props.scoreKind',
  maxScore: 'props.maxScore',
  points: 'props.points',
  correctAnswer: 'props.correctAnswer',
  drawCount: 'props.drawCount',
  problemOf: 'props.problemOf',
  kind: 'props.kind',
  bonusCap: 'props.bonusCap',
  rows: 'props.items.rows',
  columns: 'props.items.columns',
  items: 'props.items.items',
  type: 'versions.prop.type',
  page: 'versions.prop.page',
  parent: 'versions.prop.parent',
  pages: 'versions.prop.pages',
  completedHtml: 'versions.prop.completedHtml',
  placeholder: 'versions.prop.placeholder',
}

/**
 * What a diff line is about, in the reader's language: the property as the properties panel
 * names it, a page's property with the page, and for a localised text the language
 * (`标题（中文）`, `Title (English)`).
 *
 * @example
 * changeLabel({ property: 'title', locale: 'en', before: null, after: 'A' }, t) // '标题（English）'
 * changeLabel({ property: 'pages.p1.title', before: 'A', after: 'B' }, t) // '页面“p1”的标题'
 */
export function changeLabel(change: Pick<DiffChange, 'property' | 'locale'>, t: Translate): string {
  const page = /^pages\.(.+)\.([^.]+)$/.exec(change.property)
  const own = page ? (page[2] as string) : change.property
  const label = Object.hasOwn(PROPERTY_LABELS, own) ? t(PROPERTY_LABELS[own] as MessageKey) : own
  const property = page
    ? t('versions.pageProperty', { page: page[1] ?? '', property: label })
    : label
  return change.locale === undefined
    ? property
    : t('versions.inLocale', { property, locale: localeLabel(change.locale, t) })
}

/**
 * A SurveyJS locale key as people read it: the form's own (`default`) is Chinese.
 *
 * @example
 * localeLabel('default', t) // '中文'
 * localeLabel('fr', t) // 'fr'
 */
export function localeLabel(locale: string, t: Translate): string {
  if (locale === 'default') return t('props.zh')
  if (locale === 'en') return t('props.en')
  if (locale === 'zh-cn') return t('versions.locale.zhCn')
  return locale
}

/**
 * One side of a change as text, never JSON for what people wrote: a text as itself (a localised
 * one in the reader's language), yes/no for a flag, a list of choices by their texts, a list of
 * names joined; anything else (an expression's object, a validator) as compact JSON.
 *
 * @example
 * valueText({ default: '满意', en: 'Satisfied' }, t, 'en') // 'Satisfied'
 * valueText([{ value: 'yes', text: '是', score: 1 }], t, 'zh-CN') // '是（yes，1 分）'
 */
export function valueText(value: unknown, t: Translate, locale: Locale): string {
  if (value === undefined || value === null || value === '') return t('versions.none')
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? t('versions.true') : t('versions.false')
  if (isTexts(value)) return localizedText(value, locale === 'en' ? 'en' : undefined)
  if (Array.isArray(value)) {
    const items = value.map((item) => itemText(item, locale))
    if (items.every((item) => item !== null)) return items.join(locale === 'en' ? ', ' : '、')
  }
  return JSON.stringify(value)
}

// A choice (`{ value, text, score }`) or a plain value, as one item of a list; null otherwise.
function itemText(item: unknown, locale: Locale): string | null {
  if (typeof item === 'string' || typeof item === 'number') return String(item)
  if (!item || typeof item !== 'object' || !('value' in item)) return null
  const { value, text, score } = item as { value: unknown; text?: unknown; score?: unknown }
  const shown =
    isTexts(text) || typeof text === 'string' ? localizedText(text, localeKey(locale)) : ''
  const notes = [
    shown ? String(value) : null,
    typeof score === 'number' ? points(score, locale) : null,
  ]
    .filter((note) => note !== null)
    .join(locale === 'en' ? ', ' : '，')
  const label = shown || String(value)
  if (!notes) return label
  return locale === 'en' ? `${label} (${notes})` : `${label}（${notes}）`
}

const localeKey = (locale: Locale) => (locale === 'en' ? 'en' : undefined)
const points = (score: number, locale: Locale) => (locale === 'en' ? `${score} pt` : `${score} 分`)

function isTexts(value: unknown): value is Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const entries = Object.entries(value)
  return (
    entries.length > 0 &&
    entries.every(
      ([key, text]) => /^(default|[a-z]{2}(-[a-z]{2,4})?)$/.test(key) && typeof text === 'string',
    )
  )
}
