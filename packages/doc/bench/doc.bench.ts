import { bench, describe } from 'vitest'
import * as Y from 'yjs'
import { applySurveyJson } from '../src/apply-json'
import { moveElement } from '../src/edit-elements'
import { editText } from '../src/edit-properties'
import { fromSurveyJson } from '../src/from-json'
import { findElementId } from '../src/queries'
import { toSurveyJson } from '../src/to-json'
import { largeForm } from './forms'

const me = { editor: 'bench' }
// The slow cases run 30 times at least, for a stable mean and p75 on a busy 2-core machine.
const heavy = { iterations: 30, warmupIterations: 3 }
const form = largeForm(500)
const loaded = fromSurveyJson(form)
const state = Y.encodeStateAsUpdate(loaded)
const changed = structuredClone(form) as { pages: { elements: { title: unknown }[] }[] }
const firstQuestion = changed.pages[0]?.elements[0]
if (firstQuestion) firstQuestion.title = 'changed'

describe(`500-question form (JSON ${JSON.stringify(form).length} B, state ${state.length} B)`, () => {
  bench(
    'fromSurveyJson + encodeStateAsUpdate',
    () => {
      Y.encodeStateAsUpdate(fromSurveyJson(form))
    },
    heavy,
  )

  bench(
    'applyUpdate (load the state) + toSurveyJson',
    () => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      toSurveyJson(doc)
    },
    heavy,
  )

  bench('toSurveyJson', () => {
    toSurveyJson(loaded)
  })

  const q250 = findElementId(loaded, 'q250') ?? ''
  const page1 = findElementId(loaded, 'page1', { pages: true }) ?? ''
  bench('moveElement (one question to page 1)', () => {
    moveElement(loaded, q250, { parent: page1, index: 3 }, me)
  })

  bench('editText (one keystroke)', () => {
    editText(loaded, { target: q250, key: 'title', locale: 'en', index: 0, insert: 'x' }, me)
  })

  bench(
    'applySurveyJson (one title changed)',
    () => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      applySurveyJson(doc, changed, me)
    },
    heavy,
  )
})
