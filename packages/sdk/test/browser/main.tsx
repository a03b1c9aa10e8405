import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { YardstickSurvey } from '../../src/react'
import { type TemplateId, templates } from '../../src/templates'
import type { Answers } from '../../src/types'
import { PROBE_QUESTION, sampleAnswers, sampleValue, withProbe } from './harness-form'

/** What the harness tells the test, on `window.yardstick`. */
export interface HarnessState {
  /** The answers `onComplete` received, once the respondent completed. */
  completed?: Answers
  /** The question the test answers through the page (probe runs only), and a valid value. */
  answerInPage?: { name: string; type: string; value: unknown }
}

declare global {
  interface Window {
    yardstick: HarnessState
    yardstickXss?: number
  }
}

// ?template=<id>[&seed=<seed>][&probe=1][&raw=1][&locale=en]
const params = new URLSearchParams(location.search)
const id = params.get('template') as TemplateId
const template = templates[id]
if (!template) throw new Error(`unknown template ${id}`)
const seed = params.get('seed') ?? undefined
const probe = params.get('probe') === '1'
const form = probe ? withProbe(template) : template
window.yardstick = {}

let answers: Answers | undefined
if (probe) {
  // The test answers the first question and the probe in the page; the rest is pre-filled.
  const first = new Model(form).pages[0]?.questions[0]
  if (!first) throw new Error(`template ${id} has no question on its first page`)
  answers = sampleAnswers(form, new Set([first.name, PROBE_QUESTION]))
  const value = sampleValue(first)
  window.yardstick.answerInPage = { name: first.name, type: first.getType(), value }
}

const onComplete = (completed: Answers) => {
  window.yardstick.completed = completed
}

// raw=1: survey-react-ui on a plain survey-core Model, the control that shows the probe would fire.
const root = document.getElementById('root') as HTMLElement
createRoot(root).render(
  <StrictMode>
    {params.get('raw') === '1' ? (
      <Survey model={rawModel()} onComplete={(m: Model) => onComplete(m.data)} />
    ) : (
      <YardstickSurvey
        form={form}
        answers={answers}
        locale={params.get('locale') ?? 'zh-cn'}
        seed={seed}
        onComplete={onComplete}
      />
    )}
  </StrictMode>,
)

function rawModel(): Model {
  const model = new Model(form)
  if (answers) model.mergeData(answers)
  return model
}
