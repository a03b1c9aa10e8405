import type { FormView } from '@yardstick/doc'
import type { FormValidation, Locale } from '@yardstick/sdk'
import { useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import type { FormSession } from '../../collab/form-session'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useWhenPaused } from '../useWhenPaused'
import type { ValidationAnswer, ValidationMessage } from './validation-protocol'

const NOTHING_YET: FormValidation = { valid: true, errors: [], warnings: [] }

/** What the panel shows when no validation could be made. */
const failed = (message: string): FormValidation => ({
  valid: false,
  errors: [{ path: '', code: 'validationFailed', message }],
  warnings: [],
})

/** Validates the form as it is now, in the locale given; answers through the callback. */
interface Validator {
  validate: (view: FormView, locale: Locale) => void
  stop: () => void
}

/**
 * `validateForm` of the form as edited, once this editor pauses after anyone's edits
 * (`useWhenPaused`, as the preview), and again when the language changes. It builds a SurveyJS
 * model (hundreds of milliseconds for a 500-question form), so it runs in a worker that keeps its
 * own copy of the document; where there is no worker (tests in Node) it runs here. Until the
 * first answer the list is empty.
 */
export function useValidation(): FormValidation {
  const { session } = useEditor()
  const { locale } = useI18n()
  const [validation, setValidation] = useState<FormValidation>(NOTHING_YET)
  const validator = useRef<Validator | null>(null)
  const localeNow = useRef(locale)
  localeNow.current = locale

  const finished = useWhenPaused((view) => validator.current?.validate(view, localeNow.current))

  useEffect(() => {
    const answered = (next: FormValidation) => {
      setValidation(next)
      finished()
    }
    const current =
      typeof Worker === 'undefined' ? validateHere(answered) : validateInWorker(session, answered)
    validator.current = current
    return () => {
      current.stop()
      validator.current = null
    }
  }, [session, finished])

  // Messages are in the editor's language: a change of it validates again at once.
  const shownLocale = useRef(locale)
  useEffect(() => {
    if (shownLocale.current === locale) return
    shownLocale.current = locale
    validator.current?.validate(session.view.get(), locale)
  }, [session, locale])

  return validation
}

/** No worker: here, with survey-core loaded on first use (it stays out of the editor's script). */
function validateHere(answered: (validation: FormValidation) => void): Validator {
  let stopped = false
  return {
    validate: (view, locale) => {
      import('./validate-here')
        .then(({ validateForm }) => validateForm(view.json, { locale }))
        .catch((error: Error) => failed(error.message))
        .then((validation) => {
          if (!stopped) answered(validation)
        })
    },
    stop: () => {
      stopped = true
    },
  }
}

/**
 * Starts the worker on the document. The document's updates wait here until a validation is
 * asked for, then go merged into one message: nothing is posted between keystrokes.
 */
function validateInWorker(
  session: FormSession,
  answered: (validation: FormValidation) => void,
): Validator {
  const worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' })
  const post = (message: ValidationMessage) => worker.postMessage(message)
  worker.onmessage = ({ data }: MessageEvent<ValidationAnswer>) =>
    answered('error' in data ? failed(data.error) : data.validation)
  // A worker that fails to load or throws outside `validateForm` still answers, so the next
  // validation is asked for.
  worker.onerror = (event) => answered(failed(event.message || 'validation worker failed'))
  post({ type: 'start', state: Y.encodeStateAsUpdate(session.doc) })
  let pending: Uint8Array[] = []
  const onUpdate = (update: Uint8Array) => pending.push(update)
  session.doc.on('update', onUpdate)
  return {
    validate: (_view, locale) => {
      const update = pending.length === 0 ? null : Y.mergeUpdates(pending)
      pending = []
      post({ type: 'validate', update, locale })
    },
    stop: () => {
      session.doc.off('update', onUpdate)
      worker.terminate()
    },
  }
}
