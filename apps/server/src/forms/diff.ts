import { type ElementJson, type FormJson, localizedText, type PageJson } from '@yardstick/sdk'
import { canonicalJson } from './content-hash'

/**
 * One property that differs: its value before and after (null when absent). A localised text
 * (`title: { default, en }`, or a string on one side and such an object on the other) differs
 * per language: one change per language that changed, with its `locale` (`default` is the
 * form's own language, zh-CN in Yardstick forms) and the two texts.
 */
export interface PropertyChange {
  property: string
  locale?: string
  before: unknown
  after: unknown
}

/** A question (or panel) named in a diff, with its default (zh-CN) title. */
export interface ElementRef {
  name: string
  type: string
  title: string
}

/** What `diffForms` returns: questions added, removed and changed, and survey-level changes. */
export interface FormDiff {
  added: ElementRef[]
  removed: ElementRef[]
  changed: Array<{ name: string; changes: PropertyChange[] }>
  form: PropertyChange[]
}

interface Located {
  element: ElementJson
  page: string
  parent: string | null
}

/**
 * Compares two versions of a form. Questions (and panels) are matched by name wherever they sit,
 * so a moved question is one change of its `page` or `parent` property, not a removal plus an
 * addition. Properties are compared whole by content (key order ignored): `choices` is one
 * property, so a changed choice score shows the whole list before and after; a localised text
 * changes per language (`PropertyChange.locale`). A panel's
 * `elements` are left out: its children report their own changes. Survey-level properties go
 * to `form`, with the page list as `pages` (names in order) and each page's own properties as
 * `pages.<name>.<property>`.
 *
 * @param before the older form JSON
 * @param after the newer form JSON
 * @example
 * diffForms(v1, v2).changed // [{ name: 'q1', changes: [{ property: 'title', before: '旧', after: '新' }] }]
 */
export function diffForms(before: FormJson, after: FormJson): FormDiff {
  const was = locate(before)
  const is = locate(after)
  const added = [...is].filter(([name]) => !was.has(name)).map(([, at]) => ref(at.element))
  const removed = [...was].filter(([name]) => !is.has(name)).map(([, at]) => ref(at.element))
  const changed: FormDiff['changed'] = []
  for (const [name, now] of is) {
    const then = was.get(name)
    if (!then) continue
    const changes = compare(placed(then), placed(now))
    if (changes.length > 0) changed.push({ name, changes })
  }
  return { added, removed, changed, form: formChanges(before, after) }
}

/** An element's properties plus where it sits; a panel's children are compared on their own. */
function placed({ element, page, parent }: Located): Record<string, unknown> {
  const { elements: _children, ...own } = element
  return { ...(element.type === 'panel' ? own : element), page, parent }
}

function formChanges(before: FormJson, after: FormJson): PropertyChange[] {
  const { pages: _p1, elements: _e1, ...beforeOwn } = before
  const { pages: _p2, elements: _e2, ...afterOwn } = after
  const changes = compare(beforeOwn, afterOwn)
  const beforePages = pagesOf(before)
  const afterPages = pagesOf(after)
  const names = (pages: Map<string, PageJson>) => [...pages.keys()]
  if (canonicalJson(names(beforePages)) !== canonicalJson(names(afterPages))) {
    changes.push({ property: 'pages', before: names(beforePages), after: names(afterPages) })
  }
  for (const [name, page] of afterPages) {
    const old = beforePages.get(name)
    if (!old) continue
    const { elements: _old, ...oldOwn } = old
    const { elements: _new, ...newOwn } = page
    for (const change of compare(oldOwn, newOwn)) {
      changes.push({ ...change, property: `pages.${name}.${change.property}` })
    }
  }
  return changes
}

/** Properties whose content differs, in key order; localised texts per language. */
function compare(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  const changes: PropertyChange[] = []
  for (const property of keys) {
    if (canonicalJson(before[property]) === canonicalJson(after[property])) continue
    const texts = localizedPair(before[property], after[property])
    if (texts) changes.push(...textChanges(property, texts))
    else
      changes.push({ property, before: before[property] ?? null, after: after[property] ?? null })
  }
  return changes
}

type Texts = Record<string, string>

// SurveyJS locale keys: `default`, `en`, `zh-cn`, `pt-br`, … (all values strings).
const LOCALE_KEY = /^(default|[a-z]{2}(-[a-z]{2,4})?)$/

/** A value as texts per locale: a string is the default text; absent is none. */
function asTexts(value: unknown): Texts | null {
  if (value === undefined || value === null) return {}
  if (typeof value === 'string') return { default: value }
  if (typeof value !== 'object' || Array.isArray(value)) return null
  const entries = Object.entries(value)
  const texts =
    entries.length > 0 && entries.every(([k, v]) => LOCALE_KEY.test(k) && typeof v === 'string')
  return texts ? (value as Texts) : null
}

// Localised only when one side is a texts object: two plain strings stay one plain change.
function localizedPair(before: unknown, after: unknown): [Texts, Texts] | null {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null
  if (!isObject(before) && !isObject(after)) return null
  const [was, is] = [asTexts(before), asTexts(after)]
  return was && is ? [was, is] : null
}

const LOCALE_ORDER = ['default', 'zh-cn', 'en']

function textChanges(property: string, [was, is]: [Texts, Texts]): PropertyChange[] {
  const rank = (locale: string) => {
    const at = LOCALE_ORDER.indexOf(locale)
    return at === -1 ? LOCALE_ORDER.length : at
  }
  const locales = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  )
  return locales
    .filter((locale) => was[locale] !== is[locale])
    .map((locale) => ({ property, locale, before: was[locale] ?? null, after: is[locale] ?? null }))
}

/** Pages by name; unnamed pages get SurveyJS's own default names (`page1`, `page2`, …). */
function pagesOf(form: FormJson): Map<string, PageJson> {
  const pages = Array.isArray(form.pages)
    ? form.pages
    : Array.isArray(form.elements)
      ? [{ elements: form.elements }]
      : []
  return new Map(
    pages.map((page, i) => [typeof page?.name === 'string' ? page.name : `page${i + 1}`, page]),
  )
}

/** Every named element, with its page and the panel around it; the first of a name wins. */
function locate(form: FormJson): Map<string, Located> {
  const found = new Map<string, Located>()
  const visit = (elements: unknown, page: string, parent: string | null) => {
    if (!Array.isArray(elements)) return
    for (const element of elements as ElementJson[]) {
      if (!element || typeof element !== 'object' || typeof element.name !== 'string') continue
      if (!found.has(element.name)) found.set(element.name, { element, page, parent })
      if (element.type === 'panel') visit(element.elements, page, element.name)
    }
  }
  for (const [name, page] of pagesOf(form)) visit(page?.elements, name, null)
  return found
}

function ref(element: ElementJson): ElementRef {
  return {
    name: element.name,
    type: element.type,
    title: localizedText(element.title, undefined, element.name),
  }
}
