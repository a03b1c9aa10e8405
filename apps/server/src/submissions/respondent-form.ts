import type { FormJson } from '@yardstick/sdk'

/**
 * What only scoring reads and a respondent must not be handed: a quiz's answer key
 * (`correctAnswer`) and points, which choices count as satisfied, the dimensions and their
 * weights, the bonus cap. What the page needs to behave stays: `visibleIf`, `isRequired`,
 * `maxScore`, and what an assessor's scorecard shows and checks on the page (`scoreKind`, a
 * choice's `score` and `veto`: each deduction and veto asks for its reason there).
 */
export const SCORING_ONLY_PROPERTIES = {
  form: ['dimensions', 'bonusCap'],
  element: ['correctAnswer', 'points', 'dimension'],
  choice: ['satisfied'],
} as const

/** Where SurveyJS JSON nests elements and choice lists. */
const CHILDREN = [
  'pages',
  'elements',
  'templateElements',
  'detailElements',
  'columns',
  'rows',
  'choices',
  'rateValues',
  'items',
] as const

const ELEMENT_OR_CHOICE = [...SCORING_ONLY_PROPERTIES.element, ...SCORING_ONLY_PROPERTIES.choice]

function strip(node: Record<string, unknown>): void {
  for (const key of ELEMENT_OR_CHOICE) delete node[key]
  for (const key of CHILDREN) {
    const children = node[key]
    if (!Array.isArray(children)) continue
    for (const child of children) {
      if (child && typeof child === 'object') strip(child as Record<string, unknown>)
    }
  }
}

/**
 * A form as a respondent may see it: `form` without `SCORING_ONLY_PROPERTIES`, changed in
 * place. Pass a copy the caller owns (`personalize` returns one; see `respondentForm`).
 *
 * @example
 * stripScoringOnly(personalize(form, seed))
 */
export function stripScoringOnly(form: FormJson): FormJson {
  for (const key of SCORING_ONLY_PROPERTIES.form) delete form[key]
  strip(form)
  return form
}

const shared = new WeakMap<FormJson, FormJson>()

/**
 * `stripScoringOnly` of a form the caller does not own (a cached form version): one stripped
 * copy per form object, kept as long as the form is.
 *
 * @example
 * const shown = respondentForm(context.form)
 */
export function respondentForm(form: FormJson): FormJson {
  let copy = shared.get(form)
  if (!copy) {
    copy = stripScoringOnly(structuredClone(form))
    shared.set(form, copy)
  }
  return copy
}

/**
 * A timed quiz before its respondent started it: the title and description for the start
 * screen, no questions (nothing to read before the countdown runs).
 *
 * @example
 * withoutQuestions(respondentForm(context.form)).pages // []
 */
export function withoutQuestions(form: FormJson): FormJson {
  const { pages: _pages, elements: _elements, ...rest } = form
  return { ...rest, pages: [] }
}

/**
 * How many quiz questions (those with a `correctAnswer`) a form holds: pass the respondent's
 * personalised form for their draw.
 *
 * @example
 * quizQuestionCount(personalize(templates.quiz, token)) // 30
 */
export function quizQuestionCount(form: FormJson): number {
  let count = 0
  const visit = (node: Record<string, unknown>): void => {
    if (node.correctAnswer !== undefined) count++
    for (const key of ['pages', 'elements', 'templateElements'] as const) {
      const children = node[key]
      if (!Array.isArray(children)) continue
      for (const child of children) {
        if (child && typeof child === 'object') visit(child as Record<string, unknown>)
      }
    }
  }
  visit(form)
  return count
}
