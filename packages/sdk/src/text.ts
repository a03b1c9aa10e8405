import type { LocalizedText } from './types'

/** The locales Yardstick's own messages come in: Chinese first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * The plain text of a SurveyJS localisable string for a locale: the locale's own text,
 * else the default text (zh-CN in Yardstick forms), else the fallback.
 *
 * @example
 * localizedText({ default: '满意', en: 'Satisfied' }, 'en') // 'Satisfied'
 */
export function localizedText(
  text: LocalizedText | undefined,
  locale: string | undefined,
  fallback = '',
): string {
  if (typeof text === 'string') return text
  if (!text || typeof text !== 'object') return fallback
  const key = locale?.toLowerCase()
  const own = key ? (text[key] ?? text[locale ?? '']) : undefined
  return own ?? text.default ?? fallback
}
