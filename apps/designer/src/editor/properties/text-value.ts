/** The locales a text is edited in: `default` holds Chinese (the SDK's default locale), then English. */
export const TEXT_LOCALES = ['default', 'en'] as const
export type TextLocale = (typeof TEXT_LOCALES)[number]

/**
 * One locale of a SurveyJS text as stored (a plain string is the `default` text).
 *
 * @example
 * textIn({ default: '满意', en: 'Satisfied' }, 'en') // 'Satisfied'
 * textIn('满意', 'en') // ''
 */
export function textIn(value: unknown, locale: TextLocale): string {
  if (typeof value === 'string') return locale === 'default' ? value : ''
  if (value && typeof value === 'object') {
    const own = (value as Record<string, unknown>)[locale]
    return typeof own === 'string' ? own : ''
  }
  return ''
}
