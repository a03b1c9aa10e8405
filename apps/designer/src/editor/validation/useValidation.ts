import { type FormJson, type FormValidation, validateForm } from '@yardstick/sdk'
import { useMemo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useDebounced } from '../useDebounced'

/** `validateForm` of the form as edited, a moment after the edits settle (it builds a Model). */
export function useValidation(json: FormJson): FormValidation {
  const { locale } = useI18n()
  const settled = useDebounced(json, 250)
  return useMemo(() => validateForm(settled, { locale }), [settled, locale])
}
