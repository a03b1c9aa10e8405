import * as Y from 'yjs'
import { jsonKey, storedKey } from './layout'
import { fromStored, isLocaleObject, sameJson, toStored, writeLocaleOrder } from './values'

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * Turns a `Y.Text` into `next` with one delete and one insert around the common prefix and
 * suffix (never splitting a surrogate pair), so concurrent typing elsewhere in it survives.
 */
export function diffText(text: Y.Text, next: string): void {
  const prev = text.toString()
  if (prev === next) return
  const max = Math.min(prev.length, next.length)
  let start = 0
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++
  if (start > 0 && isHigh(prev.charCodeAt(start - 1))) start--
  let end = 0
  while (
    end < max - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++
  }
  if (end > 0 && isLow(prev.charCodeAt(prev.length - end))) end--
  const removed = prev.length - start - end
  if (removed > 0) text.delete(start, removed)
  const inserted = next.slice(start, next.length - end)
  if (inserted.length > 0) text.insert(start, inserted)
}

function diffLocaleMap(map: Y.Map<unknown>, next: Readonly<Record<string, string>>): void {
  for (const [stored, text] of [...map.entries()]) {
    const locale = jsonKey(stored)
    if (locale === null) continue
    const value = next[locale]
    if (value === undefined || !Object.hasOwn(next, locale)) map.delete(stored)
    else if (text instanceof Y.Text) diffText(text, value)
    else map.set(stored, new Y.Text(value))
  }
  for (const [locale, value] of Object.entries(next)) {
    if (!map.has(storedKey(locale))) map.set(storedKey(locale), new Y.Text(value))
  }
  writeLocaleOrder(map, Object.keys(next))
}

/**
 * Makes a stored property hold `value` with the smallest change (SPEC [DOC11], [DOC15]):
 * text is diffed in place, locales one by one, an equal plain value is left alone; a change of
 * shape (string ↔ locale object ↔ plain) replaces the stored value.
 */
export function assignValue(map: Y.Map<unknown>, key: string, value: unknown): void {
  const stored = storedKey(key)
  const current = map.get(stored)
  if (current instanceof Y.Text && typeof value === 'string') {
    diffText(current, value)
  } else if (current instanceof Y.Map && isLocaleObject(value)) {
    diffLocaleMap(current, value)
  } else if (current instanceof Y.AbstractType || !map.has(stored)) {
    map.set(stored, toStored(key, value))
  } else {
    const fresh = toStored(key, value)
    if (fresh instanceof Y.AbstractType || !sameJson(fromStored(current), value)) {
      map.set(stored, fresh)
    }
  }
}
