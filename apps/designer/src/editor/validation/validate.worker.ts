/// <reference lib="webworker" />
import { type FormJson, type Locale, validateForm } from '@yardstick/sdk'

/** A request to the validation worker, and its answer (matched by `id`). */
export interface ValidateRequest {
  id: number
  json: FormJson
  locale: Locale
}

// `validateForm` builds a SurveyJS model: a few hundred milliseconds for a 500-question form,
// which here never holds up typing.
self.onmessage = ({ data }: MessageEvent<ValidateRequest>) => {
  try {
    self.postMessage({ id: data.id, validation: validateForm(data.json, { locale: data.locale }) })
  } catch (error) {
    self.postMessage({ id: data.id, error: (error as Error).message })
  }
}
