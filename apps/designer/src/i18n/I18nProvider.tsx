import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { en } from './en'
import { LOCALES, type Locale, type Translate, translator } from './translate'

interface I18n {
  locale: Locale
  t: Translate
  setLocale: (locale: Locale) => void
}

const I18nContext = createContext<I18n | null>(null)
const STORAGE_KEY = 'yardstick.locale'

/** Provides the interface language (zh-CN unless the user chose English; kept in localStorage). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    return LOCALES.find((l) => l === stored) ?? 'zh-CN'
  })
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next)
    document.documentElement.lang = next
    setState(next)
  }, [])
  const value = useMemo(
    () => ({ locale, setLocale, t: translator(locale === 'en' ? en : undefined) }),
    [locale, setLocale],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language and its `t`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
