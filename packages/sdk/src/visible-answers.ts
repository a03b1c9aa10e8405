import { drawnByBank } from './draw'
import { compileForm } from './plan'
import type { Answers, FormJson } from './types'
import { visibilityFor } from './visibility'

/** Options of `visibleAnswers`. */
export interface VisibleAnswersOptions {
  /** The respondent's draw seed: undrawn bank questions count as hidden. */
  seed?: string
}

/**
 * The answers the respondent could see: values of questions hidden by `visibleIf` (or not drawn)
 * are dropped — repeatedly, because dropping one value can hide another question whose
 * condition read it — exactly as SurveyJS clears invisible values when a survey completes. The
 * server stores, validates and scores these, so stored answers, stored score and every later
 * count (per-question results in SQL) agree.
 *
 * @example
 * visibleAnswers(form, { gate: 'no', detail: 'stale' }) // { gate: 'no' } when detail shows only on 'yes'
 */
export function visibleAnswers(
  form: FormJson,
  answers: Answers,
  options: VisibleAnswersOptions = {},
): Answers {
  const plan = compileForm(form)
  const drawn = options.seed === undefined ? undefined : drawnByBank(form, options.seed)
  let current = answers
  for (;;) {
    const isVisible = visibilityFor(plan, current, drawn)
    const kept: Answers = {}
    for (const [key, value] of Object.entries(current)) {
      const name = key.endsWith('-Comment') ? key.slice(0, -'-Comment'.length) : key
      const question = plan.byName.get(name)
      // Keys that name no question (calculated values, unknown) are the validator's business.
      if (!question || isVisible(question)) kept[key] = value
    }
    if (Object.keys(kept).length === Object.keys(current).length) return kept
    current = kept
  }
}
