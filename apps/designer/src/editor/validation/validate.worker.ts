/// <reference lib="webworker" />
import { toSurveyJson } from '@yardstick/doc'
import { type Locale, validateForm } from '@yardstick/sdk'
import * as Y from 'yjs'
import type { ValidationAnswer, ValidationMessage } from './validation-protocol'

// The worker keeps its own copy of the document, so the page never builds or sends the JSON:
// `toSurveyJson` and `validateForm`'s SurveyJS model (a few hundred milliseconds for a
// 500-question form) both run here, when the page asks (it asks when its editor pauses).
const doc = new Y.Doc()

function validate(locale: Locale): ValidationAnswer {
  try {
    return { validation: validateForm(toSurveyJson(doc), { locale }) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

self.onmessage = ({ data }: MessageEvent<ValidationMessage>) => {
  if (data.type === 'start') {
    Y.applyUpdate(doc, data.state)
    return
  }
  if (data.update) Y.applyUpdate(doc, data.update)
  self.postMessage(validate(data.locale))
}
