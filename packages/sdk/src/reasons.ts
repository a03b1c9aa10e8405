import { isEmpty } from './answer'
import { chosenChoices, compileForm, type PlannedQuestion, type ScoringPlan } from './plan'
import { pointsOf } from './score'
import type { Answers, FormJson, LocalizedText } from './types'
import { visibilityFor } from './visibility'

/** What SurveyJS appends to a question's name to keep its comment, where a reason is stored. */
export const REASON_SUFFIX = '-Comment'

/**
 * The answer key of a question's reason: SurveyJS's own comment value `<name>-Comment`, so the
 * reason travels and is stored with the answers.
 *
 * @example
 * reasonKey('veto') // 'veto-Comment'
 */
export function reasonKey(question: string): string {
  return `${question}${REASON_SUFFIX}`
}

/** One answer that needs a reason: a deduction that deducts, or a veto chosen. */
export interface ReasonedAnswer {
  /** The question's name. */
  question: string
  /** The question's title as the form has it (localised object or text). */
  title: LocalizedText | undefined
  /** Points the answer deducts (a deduction item, `scoreKind: 'deduction'`); 0 otherwise. */
  deducted: number
  /** A chosen choice carries `veto`. */
  veto: boolean
  /** The reason given (`<name>-Comment`, trimmed), or null when there is none. */
  reason: string | null
}

const candidates = new WeakMap<ScoringPlan, PlannedQuestion[]>()

/**
 * Whether some answer to this question can need a reason: a scored deduction item
 * (`scoreKind: 'deduction'`) or a question with a `veto` choice.
 */
export function mayNeedReason(question: PlannedQuestion): boolean {
  if (question.scoreKind === 'deduction' && question.mode !== 'none') return true
  for (const choice of question.choices.values()) if (choice.veto) return true
  return false
}

/** The questions of a plan for which `mayNeedReason` holds, in form order (cached per plan). */
export function reasonCandidates(plan: ScoringPlan): PlannedQuestion[] {
  let list = candidates.get(plan)
  if (!list) {
    list = plan.questions.filter(mayNeedReason)
    candidates.set(plan, list)
  }
  return list
}

/**
 * The names of the questions on which an answer can need a reason — deduction items and
 * questions with a `veto` choice — in form order: where a form shows or exports a reason.
 *
 * @example
 * reasonQuestions(templates.scorecard) // ['deduction', 'veto']
 */
export function reasonQuestions(form: FormJson): string[] {
  return reasonCandidates(compileForm(form)).map((q) => q.name)
}

/**
 * The answers of a plan that need a reason, among the questions `isVisible` keeps: a deduction
 * item whose answer deducts more than 0 points (exactly as `scoreResponse` counts it), and any
 * question whose chosen choice carries `veto`.
 */
export function reasonedIn(
  plan: ScoringPlan,
  answers: Answers,
  isVisible: (question: PlannedQuestion) => boolean,
): ReasonedAnswer[] {
  const found: ReasonedAnswer[] = []
  for (const question of reasonCandidates(plan)) {
    const answer = answers[question.key]
    if (isEmpty(answer) || !isVisible(question)) continue
    const chosen = chosenChoices(question, answer)
    const veto = chosen.some((c) => c.veto)
    const deducts = question.scoreKind === 'deduction' && question.mode !== 'none'
    const deducted = deducts ? Math.max(0, pointsOf(question, answer, chosen)) : 0
    if (deducted === 0 && !veto) continue
    const given = answers[reasonKey(question.name)]
    const reason = typeof given === 'string' && given.trim() !== '' ? given.trim() : null
    found.push({ question: question.name, title: question.title, deducted, veto, reason })
  }
  return found
}

/**
 * Every answer of a response that needs a reason (上级考评: each deduction and each veto), with
 * the points deducted and the reason given, if any. Only questions the respondent saw count
 * (`visibleIf`, `visible: false`); a form personalised for a quiz draw holds only the drawn
 * questions, so pass that form.
 *
 * @param form the form JSON (the published version answered)
 * @param answers the response as SurveyJS `survey.data`, reasons under `<name>-Comment`
 * @example
 * reasonedAnswers(templates.scorecard, { deduction: 2, 'deduction-Comment': '通报批评一次' })
 * // [{ question: 'deduction', deducted: 2, veto: false, reason: '通报批评一次', title: … }]
 */
export function reasonedAnswers(form: FormJson, answers: Answers): ReasonedAnswer[] {
  const plan = compileForm(form)
  return reasonedIn(plan, answers, visibilityFor(plan, answers, undefined))
}

/**
 * The names of the questions whose answer needs a reason: a deduction item
 * (`scoreKind: 'deduction'`) whose answer deducts something, and any question whose chosen
 * choice has `veto`, among the visible questions. An assessor's scorecard (the `superior`
 * source) is refused without a reason for each, stored as SurveyJS's comment `<name>-Comment`.
 *
 * @param form the form JSON (the published version answered)
 * @param answers the response as SurveyJS `survey.data`
 * @example
 * reasonsRequired(templates.scorecard, { deduction: 2, veto: 'yes' }) // ['deduction', 'veto']
 * reasonsRequired(templates.scorecard, { deduction: 0, veto: 'no' }) // []
 */
export function reasonsRequired(form: FormJson, answers: Answers): string[] {
  return reasonedAnswers(form, answers).map((r) => r.question)
}
