import type { Question, SurveyModel, ValidateQuestionEvent } from 'survey-core'
import { compileForm } from '../plan'
import { type ReasonedAnswer, reasonCandidates, reasonedIn } from '../reasons'
import type { FormJson } from '../types'

/** The reason area's words, zh-CN as SurveyJS's default text and English as its translation. */
export const REASON_TEXT = {
  deduction: { default: '扣分理由（必填）', en: 'Reason for the deduction (required)' },
  veto: { default: '否决理由（必填）', en: 'Reason for the veto (required)' },
  deductionIfAny: {
    default: '扣分理由（扣分时必填）',
    en: 'Reason for the deduction (required when points are taken off)',
  },
  vetoIfAny: {
    default: '否决理由（选择否决时必填）',
    en: 'Reason for the veto (required when vetoing)',
  },
  placeholder: {
    default: '写明依据，如通报文件、检查记录',
    en: 'State the grounds, e.g. a notice or an inspection record',
  },
  missing: { default: '请填写理由：扣分或一票否决须写明理由', en: 'Give the reason for this' },
} as const

/**
 * Asks for a reason under each deduction that deducts and each veto chosen (the rule of
 * `reasonsRequired`, on what the respondent sees): SurveyJS's own comment area under every
 * deduction and veto item, so the reason is the answer `<name>-Comment`. It is labelled
 * 扣分理由（必填） or 否决理由（必填） and required exactly when the rule says — checked before the
 * survey completes (`onValidateQuestion`) — and says when it will be (扣分时必填) otherwise. The
 * area is always there rather than appearing with a deduction, so nothing moves under the
 * pointer the moment a number is entered.
 *
 * @param model the survey being answered
 * @param form the form it was made from (the link's, already personalised)
 * @returns a function that stops asking
 * @example
 * const stop = askReasons(model, view.form) // on an assessor's scorecard
 */
export function askReasons(model: SurveyModel, form: FormJson): () => void {
  const plan = compileForm(form)
  const candidates = reasonCandidates(plan)
  if (candidates.length === 0) return () => {}
  const questionOf = (name: string): Question | null => model.getQuestionByName(name)
  const needed = (): Map<string, ReasonedAnswer> =>
    new Map(
      reasonedIn(plan, model.data, (q) => questionOf(q.name)?.isVisible === true).map((r) => [
        r.question,
        r,
      ]),
    )
  const showArea = (shown: boolean) => {
    for (const candidate of candidates) {
      // survey-core refuses `showCommentArea` on questions whose class hides the property (text
      // and number entry, where deductions are entered); the property itself, which the generic
      // question renderer reads, works on every question.
      questionOf(candidate.name)?.setPropertyValue('showCommentArea', shown)
    }
  }

  const update = () => {
    const now = needed()
    for (const candidate of candidates) {
      const question = questionOf(candidate.name)
      if (!question) continue
      const item = now.get(candidate.name)
      const label = item
        ? item.veto
          ? REASON_TEXT.veto
          : REASON_TEXT.deduction
        : candidate.scoreKind === 'deduction'
          ? REASON_TEXT.deductionIfAny
          : REASON_TEXT.vetoIfAny
      question.locCommentText.setJson({ ...label })
      question.locCommentPlaceholder.setJson({ ...REASON_TEXT.placeholder })
      // A reason just written (or a deduction taken back) clears the refusal under the question.
      if (question.errors.length > 0 && (!item || hasText(question.comment))) {
        question.validate(true)
      }
    }
  }
  const validate = (_: SurveyModel, options: ValidateQuestionEvent) => {
    const item = needed().get(options.name)
    if (!item || hasText(options.question.comment)) return
    options.error = model.locale === 'en' ? REASON_TEXT.missing.en : REASON_TEXT.missing.default
  }

  showArea(true)
  update()
  model.onValueChanged.add(update)
  model.onValidateQuestion.add(validate)
  return () => {
    model.onValueChanged.remove(update)
    model.onValidateQuestion.remove(validate)
    showArea(false)
  }
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}
