import { useCallback } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { type ErrorTextOptions, errorText } from './error-text'

/**
 * `errorText` in the current language: what every screen shows for an error it caught or a
 * resource failed with (never `error.message`, the server's English prose).
 *
 * @example
 * const errorText = useErrorText()
 * return <p role="alert" className="error">{errorText(campaigns.error)}</p>
 */
export function useErrorText(): (error: unknown, options?: ErrorTextOptions) => string {
  const { t, locale } = useI18n()
  return useCallback(
    (error: unknown, options?: ErrorTextOptions) => errorText(error, t, locale, options),
    [t, locale],
  )
}
