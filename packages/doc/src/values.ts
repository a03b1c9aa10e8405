import * as Y from 'yjs'
import { compareStrings, FIELD, jsonKey, keyHint, orderKeys, storedKey } from './layout'

/**
 * Properties whose string or locale-object values are text people type, stored as `Y.Text`
 * (SPEC [DOC5]). The same set applies on the survey, pages, elements and items.
 */
export const TEXT_KEYS: ReadonlySet<string> = new Set([
  // everywhere
  'title',
  'description',
  'text',
  'placeholder',
  'requiredErrorText',
  // survey
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'startSurveyText',
  'pagePrevText',
  'pageNextText',
  'completeText',
  'previewText',
  'editText',
  // page
  'navigationTitle',
  'navigationDescription',
  // questions
  'html',
  'commentText',
  'commentPlaceholder',
  'otherText',
  'otherPlaceholder',
  'otherErrorText',
  'noneText',
  'refuseText',
  'dontKnowText',
  'selectAllText',
  'labelTrue',
  'labelFalse',
  'minRateDescription',
  'maxRateDescription',
  'minErrorText',
  'maxErrorText',
  'templateTitle',
  'templateDescription',
  'panelAddText',
  'panelRemoveText',
  'noEntriesText',
  'addRowText',
  'removeRowText',
  'emptyRowsText',
])

/** A plain, non-array object (as JSON.parse makes them). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A SurveyJS localised string: an object whose every value is a string. */
export function isLocaleObject(value: unknown): value is Record<string, string> {
  return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')
}

/** Whether two JSON values are the same, key order included. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

const isSorted = (keys: readonly string[]) =>
  keys.every((key, i) => i === 0 || compareStrings(keys[i - 1] ?? '', key) < 0)

/**
 * A Y.Map of one `Y.Text` per locale. Its locale order is stored (`$keys`) only when it is not
 * the sorted order, which `default`, `en`, `zh-cn` already are (SPEC [DOC8]).
 */
export function createLocaleMap(value: Readonly<Record<string, string>>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  const order = Object.keys(value)
  if (!isSorted(order)) map.set(FIELD.keys, order)
  for (const [locale, text] of Object.entries(value)) map.set(storedKey(locale), new Y.Text(text))
  return map
}

/** The locales of a locale map, in their JSON order. */
export function localeOrder(map: Y.Map<unknown>): string[] {
  const present = new Set<string>()
  for (const [stored, text] of map.entries()) {
    const locale = jsonKey(stored)
    if (locale !== null && text instanceof Y.Text) present.add(locale)
  }
  return orderKeys(keyHint(map), present)
}

/** Stores a locale map's order: removes `$keys` when the order is the sorted one. */
export function writeLocaleOrder(map: Y.Map<unknown>, order: readonly string[]): void {
  if (isSorted(order)) {
    if (map.has(FIELD.keys)) map.delete(FIELD.keys)
  } else if (!sameJson(keyHint(map), order)) {
    map.set(FIELD.keys, [...order])
  }
}

/**
 * The value to store for a JSON property (SPEC [DOC5], [DOC6]): text keys holding a string or
 * a locale object become `Y.Text` / a locale map; everything else is a private copy of the
 * plain value (the caller keeps its own object).
 */
export function toStored(key: string, value: unknown): unknown {
  if (TEXT_KEYS.has(key)) {
    if (typeof value === 'string') return new Y.Text(value)
    if (isLocaleObject(value)) return createLocaleMap(value)
  }
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

/** The JSON value of a stored property: text as strings, plain values copied. */
export function fromStored(stored: unknown): unknown {
  if (stored instanceof Y.Text) return stored.toString()
  if (stored instanceof Y.Map) return readLocaleMap(stored)
  return typeof stored === 'object' && stored !== null ? structuredClone(stored) : stored
}

function readLocaleMap(map: Y.Map<unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const locale of localeOrder(map)) {
    const text = map.get(storedKey(locale))
    out[locale] = text instanceof Y.Text ? text.toString() : ''
  }
  return out
}
