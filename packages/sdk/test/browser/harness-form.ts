import { type Question, SurveyModel } from 'survey-core'
import '../../src/extensions'
import type { Answers, FormJson } from '../../src/types'

/** The answer typed into the probe question: it runs script if any HTML sink is unsanitised. */
export const PROBE_PAYLOAD = '<img src=x onerror="window.yardstickXss=(window.yardstickXss||0)+1">'
/** The text question the probe is typed into, added to the first page. */
export const PROBE_QUESTION = 'yardstickProbe'

/**
 * The form with the probe planted wherever SurveyJS turns piped text into HTML: an `html`
 * question on the first page, the first page's title as shown in the table of contents, and
 * `completedHtml`; plus the text question the probe is typed into.
 */
export function withProbe(form: FormJson): FormJson {
  const copy = structuredClone(form)
  const first = copy.pages?.[0]
  if (!first) throw new Error('the harness expects a form with pages')
  first.elements = [
    ...(first.elements ?? []),
    { type: 'text', name: PROBE_QUESTION, title: '探针' },
    { type: 'html', name: `${PROBE_QUESTION}Html`, html: `<p>回显：{${PROBE_QUESTION}}</p>` },
  ]
  first.title = `页：{${PROBE_QUESTION}}`
  copy.showTOC = true
  copy.completedHtml = `<h3>已提交</h3><p>{${PROBE_QUESTION}}</p>`
  return copy
}

/**
 * A valid answer to every question but `skip`: the first choice, the lowest rating, the minimum
 * or 0 for numbers, a word for texts. What it cannot answer stays unanswered, so a required
 * question of an unknown type shows up as a failed completion.
 */
export function sampleAnswers(form: FormJson, skip: ReadonlySet<string>): Answers {
  const model = new SurveyModel(form)
  const answers: Answers = {}
  for (const question of model.getAllQuestions()) {
    if (skip.has(question.name)) continue
    const value = sampleValue(question)
    if (value !== undefined) answers[question.name] = value
  }
  return answers
}

/** A valid value for one question, `undefined` for a type the harness does not know. */
export function sampleValue(question: Question): unknown {
  const q = question as any
  switch (question.getType()) {
    case 'radiogroup':
    case 'dropdown':
    case 'imagepicker':
    case 'buttongroup':
      return q.choices[0]?.value
    case 'checkbox':
    case 'tagbox':
      return [q.choices[0]?.value]
    case 'rating':
      return q.visibleRateValues[0]?.value
    case 'boolean':
      return true
    case 'text':
      return q.inputType === 'number' ? (q.min ?? 0) : '测试'
    case 'comment':
      return '测试'
    case 'multipletext':
      return Object.fromEntries(q.items.map((item: { name: string }) => [item.name, '测试']))
    case 'matrix':
      return Object.fromEntries(
        q.rows.map((row: { value: unknown }) => [row.value, q.columns[0]?.value]),
      )
    default:
      return undefined
  }
}
