import type { Locale } from '@yardstick/sdk/link'

const KEY = 'yardstick:respondent:locale'

/** 'en…' is English; anything else (zh, zh-CN, zh-cn) Simplified Chinese. */
export function localeOf(value: string): Locale {
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/**
 * The language the page opens in: `?lang=` when the link says, else the one the respondent
 * chose last time on this device, else Chinese (zh-CN first, whatever the browser says).
 *
 * @example
 * initialLocale(undefined, localStorage) // 'zh-CN' on a first visit
 */
export function initialLocale(asked: string | undefined, storage: Storage | null): Locale {
  if (asked) return localeOf(asked)
  try {
    const saved = storage?.getItem(KEY)
    if (saved) return localeOf(saved)
  } catch {
    // Storage refused (a private mode): Chinese.
  }
  return 'zh-CN'
}

/**
 * Remembers the respondent's choice on this device; storage that refuses leaves the choice to
 * this visit.
 *
 * @example
 * rememberLocale('en', localStorage)
 */
export function rememberLocale(locale: Locale, storage: Storage | null): void {
  try {
    storage?.setItem(KEY, locale)
  } catch {
    // Kept for this visit only.
  }
}

/** The device's `localStorage`, or null where touching it throws (sandboxed frames). */
export function deviceStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
