import { drawnByBank } from './draw'
import { compileForm } from './plan'
import type { Answers, FormJson } from './types'
import { visibilityFor } from './visibility'

/** Options of `visibleAnswers`. */
export interface VisibleAnswersOptions {
  /** The respondent's draw seed: undrawn bank questions count as hidden. */
  seed?: string
}

const COMMENT = '-Comment'

/**
 * The answers SurveyJS 3.1.1 keeps when the survey completes: values of questions hidden by
 * `visibleIf` (or not drawn) are dropped, judged once on the answers as submitted (SurveyJS
 * clears in one pass: dropping one value does not hide a further question), except where the
 * form's `clearInvisibleValues` or the question's `clearIfInvisible` is `none`; a value stored
 * under a `valueName` stays while any question sharing it is visible. Every other key is kept as
 * sent (see the README, "Where Yardstick differs from SurveyJS"). The server stores, validates
 * and scores these, so stored answers, stored score and every later count agree.
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
  const isVisible = visibilityFor(plan, answers, drawn)
  const kept: Answers = {}
  for (const [key, value] of Object.entries(answers)) {
    const name = key.endsWith(COMMENT) ? key.slice(0, -COMMENT.length) : key
    const questions = plan.byKey.get(name)
    // Keys that name no question (calculated values, unknown) are the validator's business.
    if (!questions || questions.some(isVisible) || questions.every((q) => !q.clearedWhenHidden)) {
      kept[key] = value
    }
  }
  return kept
}
