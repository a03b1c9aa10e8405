import { SOURCE_KEYS } from '@yardstick/sdk/domain'
import type { Locale, Translate } from '../i18n/translate'

/** A source as a page has it: its key alone, or the campaign's source with its own label. */
export type NamedSource = string | { key: string; label?: Partial<Record<Locale, string>> | null }

/**
 * The one way the designer names a source: the campaign's own label (in the reader's language,
 * else the other one), else the usual name of a default source (`source.self`, …), else its key.
 *
 * @param locale the reader's language, for a source with a label of its own
 * @example
 * sourceName(t, 'members') // '党员群众测评'
 * sourceName(t, { key: 'debriefing', label: { 'zh-CN': '述职评议' } }, 'en') // '述职评议'
 */
export function sourceName(t: Translate, source: NamedSource, locale: Locale = 'zh-CN'): string {
  const { key, label } = typeof source === 'string' ? { key: source, label: null } : source
  const own = [label?.[locale], label?.['zh-CN'], label?.en].find((text) => text?.trim())
  if (own) return own.trim()
  return isDefaultSource(key) ? t(`source.${key}`) : key
}

function isDefaultSource(key: string): key is (typeof SOURCE_KEYS)[number] {
  return (SOURCE_KEYS as readonly string[]).includes(key)
}
