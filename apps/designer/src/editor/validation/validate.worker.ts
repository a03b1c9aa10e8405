/// <reference lib="webworker" />
import { toSurveyJson } from '@yardstick/doc'
import { type Locale, validateForm } from '@yardstick/sdk'
import * as Y from 'yjs'
import {
  VALIDATION_SETTLE_MS,
  type ValidationAnswer,
  type ValidationMessage,
} from './validation-protocol'

// The worker keeps its own copy of the document, so the page never builds or sends the JSON:
// `toSurveyJson` and `validateForm`'s SurveyJS model (a few hundred milliseconds for a
// 500-question form) both run here.
const doc = new Y.Doc()
let locale: Locale = 'zh-CN'
let timer: ReturnType<typeof setTimeout> | undefined

function validate(): void {
  let answer: ValidationAnswer
  try {
    answer = { validation: validateForm(toSurveyJson(doc), { locale }) }
  } catch (error) {
    answer = { error: (error as Error).message }
  }
  self.postMessage(answer)
}

self.onmessage = ({ data }: MessageEvent<ValidationMessage>) => {
  if (data.type === 'start') {
    locale = data.locale
    Y.applyUpdate(doc, data.state)
  } else Y.applyUpdate(doc, data.update)
  clearTimeout(timer)
  timer = setTimeout(validate, data.type === 'start' ? 0 : VALIDATION_SETTLE_MS)
}
