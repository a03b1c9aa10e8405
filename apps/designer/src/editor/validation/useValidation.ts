import { type FormJson, type FormValidation, validateForm } from '@yardstick/sdk'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useDebounced } from '../useDebounced'
import type { ValidateRequest } from './validate.worker'

type Answer = { id: number; validation: FormValidation } | { id: number; error: string }

const NOTHING_YET: FormValidation = { valid: true, errors: [], warnings: [] }

/**
 * `validateForm` of the form as edited, a moment after the edits settle. It builds a SurveyJS
 * model (hundreds of milliseconds for a 500-question form), so it runs in a worker; where there
 * is no worker (tests in Node) it runs here. Until the first answer the list is empty.
 */
export function useValidation(json: FormJson): FormValidation {
  const { locale } = useI18n()
  const settled = useDebounced(json, 250)
  const [validation, setValidation] = useState<FormValidation>(NOTHING_YET)
  const worker = useRef<Worker | null>(null)
  const latest = useRef(0)

  useEffect(() => {
    if (typeof Worker === 'undefined') return
    const opened = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' })
    opened.onmessage = ({ data }: MessageEvent<Answer>) => {
      if (data.id !== latest.current) return
      if ('error' in data) {
        setValidation({
          valid: false,
          errors: [{ path: '', code: 'validationFailed', message: data.error }],
          warnings: [],
        })
      } else setValidation(data.validation)
    }
    worker.current = opened
    return () => {
      opened.terminate()
      worker.current = null
    }
  }, [])

  useEffect(() => {
    const id = ++latest.current
    if (worker.current) {
      worker.current.postMessage({ id, json: settled, locale } satisfies ValidateRequest)
    } else setValidation(validateForm(settled, { locale }))
  }, [settled, locale])

  return validation
}
