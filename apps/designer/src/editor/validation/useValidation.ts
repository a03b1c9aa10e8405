import type { FormValidation, Locale } from '@yardstick/sdk'
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import type { FormSession } from '../../collab/form-session'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { watchSettled } from '../watch-settled'
import {
  VALIDATION_SETTLE_MS,
  type ValidationAnswer,
  type ValidationMessage,
} from './validation-protocol'

const NOTHING_YET: FormValidation = { valid: true, errors: [], warnings: [] }

/**
 * `validateForm` of the form as edited, a moment after the edits (anyone's) pause. It builds a
 * SurveyJS model (hundreds of milliseconds for a 500-question form), so it runs in a worker that
 * keeps its own copy of the document, fed with the document's updates; where there is no worker
 * (tests in Node) it runs here. Until the first answer the list is empty.
 */
export function useValidation(): FormValidation {
  const { session } = useEditor()
  const { locale } = useI18n()
  const [validation, setValidation] = useState<FormValidation>(NOTHING_YET)

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      // No worker: here, with survey-core loaded on first use (it stays out of the editor's
      // own script either way).
      return watchSettled(session.view, VALIDATION_SETTLE_MS, (view) => {
        void import('./validate-here').then(({ validateForm }) =>
          setValidation(validateForm(view.json, { locale })),
        )
      })
    }
    return validateInWorker(session, locale, setValidation)
  }, [session, locale])

  return validation
}

/** Starts the worker on the document; returns what stops it. */
function validateInWorker(
  session: FormSession,
  locale: Locale,
  answered: (validation: FormValidation) => void,
): () => void {
  const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' })
  const post = (message: ValidationMessage) => worker.postMessage(message)
  worker.onmessage = ({ data }: MessageEvent<ValidationAnswer>) =>
    answered(
      'error' in data
        ? {
            valid: false,
            errors: [{ path: '', code: 'validationFailed', message: data.error }],
            warnings: [],
          }
        : data.validation,
    )
  post({ type: 'start', state: Y.encodeStateAsUpdate(session.doc), locale })
  const onUpdate = (update: Uint8Array) => post({ type: 'update', update })
  session.doc.on('update', onUpdate)
  return () => {
    session.doc.off('update', onUpdate)
    worker.terminate()
  }
}
