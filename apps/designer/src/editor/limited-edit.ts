import { FormLimitError, formLimitMessage } from '@yardstick/sdk/limits'
import { useCallback } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { useEditor } from './EditorContext'

/**
 * Runs a document edit; one that would take the form past `FORM_LIMITS` (the doc package
 * throws `FormLimitError` and writes nothing) is shown to the editor in their language, and
 * answers `null`. Any other error is not ours to hide.
 *
 * @example
 * const limited = useLimitedEdit()
 * limited(() => moveElement(session.doc, id, target, session.origin))
 */
export function useLimitedEdit() {
  const { locale } = useI18n()
  const { refused } = useEditor()
  return useCallback(
    <T>(edit: () => T): T | null => {
      try {
        return edit()
      } catch (error) {
        if (!(error instanceof FormLimitError)) throw error
        refused(formLimitMessage(error.issue, locale))
        return null
      }
    },
    [locale, refused],
  )
}
