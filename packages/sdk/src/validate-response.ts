import { isEmpty } from './answer'
import {
  type Add,
  checkValue,
  chosenEntry,
  failedValidator,
  otherTextMissing,
  outsideLimits,
  outsideNumberLimits,
  repeatedRowValue,
  wrongType,
} from './check-answer'
import { drawnByBank } from './draw'
import { innerIssues } from './inner-checks'
import { isOn } from './json-boolean'
import { RESPONSE_ERROR_CODES, type ResponseErrorCode, responseMessage } from './messages'
import { compileForm, type PlannedQuestion, valueKey } from './plan'
import { mayNeedReason, REASON_SUFFIX, reasonedIn } from './reasons'
import {
  evaluate,
  isQuestionUnanswered,
  isRequiredNow,
  isUnanswered,
  missingEntries,
  visibleRowKeys,
} from './required'
import { compileResponseRules, HAS_ENTRIES, type QuestionRules } from './response-rules'
import type { Locale } from './text'
import type { Answers, FormJson } from './types'
import { visibilityFor } from './visibility'

/** One thing wrong with a response, at a question. */
export interface ResponseIssue {
  question: string
  code: ResponseErrorCode
  message: string
  /**
   * Where inside the question, for a required entry left empty (`missingEntries`): a
   * multiple-text item (`'deadline'`), a matrix row or cell (`'row1'`, `'row1.col'`, `'0.col'`),
   * a dynamic panel's question (`'0.name'`).
   */
  item?: string
  /**
   * The figures `message` was made from (`value`, `min`, `max`, `expected`, …), so a client can
   * word the issue in its reader's language: `responseMessage(code, locale, { name, ...params })`.
   */
  params?: Record<string, string | number>
}

/** What `validateResponse` returns. */
export interface ResponseValidation {
  valid: boolean
  errors: ResponseIssue[]
}

/** Options of `validateResponse`. */
export interface ValidateResponseOptions {
  /** The respondent's draw seed: answers to undrawn bank questions are refused. */
  seed?: string
  /** Language of the messages. Default zh-CN. */
  locale?: Locale
  /**
   * Refuse (`reasonRequired`) each deduction that deducts and each veto chosen without a reason
   * in `<name>-Comment` (see `reasonsRequired`): on for an assessor's scorecard. Default false.
   */
  requireReasons?: boolean
}

/**
 * Checks a response against the exact form version before it is stored: unknown questions,
 * values that are not choices, wrong types, points outside `[0, maxScore]`, required visible
 * questions left empty (text of only spaces is empty, `requiredIf` counts) and the required
 * entries inside them — multiple-text items, matrix rows and columns, dynamic panels' questions,
 * as SurveyJS 3.1.1 checks them, each error naming its `item` —, answers to quiz questions the
 * respondent did not draw, and, with `requireReasons`, deductions and vetoes without a reason. A reason (SurveyJS's comment
 * `<name>-Comment`) is accepted on every question that may need one.
 *
 * @param form the form JSON (the published version answered)
 * @param answers the response as SurveyJS `survey.data`
 * @param options `seed` of the respondent's draw, `locale` of the messages (default zh-CN),
 *   `requireReasons` for deductions and vetoes (default false)
 * @example
 * validateResponse(templates.satisfaction, { study: 'maybe' }).errors[0].code // 'notAChoice'
 */
export function validateResponse(
  form: FormJson,
  answers: unknown,
  options: ValidateResponseOptions = {},
): ResponseValidation {
  const locale = options.locale ?? 'zh-CN'
  const errors: ResponseIssue[] = []
  const add: Add = (question, code, params = {}) =>
    errors.push({
      question,
      code,
      message: responseMessage(code, locale, { name: question, ...params }),
      ...(typeof params.item === 'string' ? { item: params.item } : {}),
      ...(Object.keys(params).length > 0 ? { params } : {}),
    })

  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    add('', RESPONSE_ERROR_CODES.notAnObject)
    return { valid: false, errors }
  }
  const data = answers as Answers
  const plan = compileForm(form)
  const rulesOf = compileResponseRules(form)
  const drawn = options.seed === undefined ? undefined : drawnByBank(form, options.seed)

  for (const [key, value] of Object.entries(data)) {
    // Several questions may store their value under one `valueName`.
    const questions = plan.byKey.get(key)
    if (!questions) {
      if (!isCommentOf(key, plan.byKey)) add(key, RESPONSE_ERROR_CODES.unknownQuestion)
      // A comment (a reason, an "other" text) is text as SurveyJS keeps it.
      else if (!isEmpty(value) && typeof value !== 'string') wrongType(add, key, 'text', '文本')
      continue
    }
    if (isEmpty(value)) continue
    for (const question of questions) {
      if (drawn && question.banks.some((b) => !drawn.get(b.id)?.has(b.item))) {
        add(question.name, RESPONSE_ERROR_CODES.notDrawn)
        continue
      }
      checkValue(question, rulesOf.get(question.element) as QuestionRules, value, add)
    }
  }

  const isVisible = visibilityFor(plan, data, drawn)
  for (const question of plan.questions) {
    const rules = rulesOf.get(question.element) as QuestionRules
    // Visibility runs conditions: only questions with something to check need it.
    if (!mayRefuse(question, rules, data) || !isVisible(question)) continue
    // SurveyJS checks nothing on a read-only question (`enableIf` false makes it read-only).
    if (rules.enableIf.some((condition) => evaluate(condition, data) === false)) continue
    checkVisible(question, rules, data, add)
  }
  if (options.requireReasons) {
    for (const { question, reason } of reasonedIn(plan, data, isVisible)) {
      if (reason === null) add(question, RESPONSE_ERROR_CODES.reasonRequired)
    }
  }
  return { valid: errors.length === 0, errors }
}

/** Whether a visible question could be refused here: required, validated, with entries… */
function mayRefuse(question: PlannedQuestion, rules: QuestionRules, data: Answers): boolean {
  if (rules.readOnly || rules.noInput) return false
  const { element, key } = question
  const value = data[key]
  if (rules.onlyNumberLimits && rules.numberLimits && typeof value === 'number') {
    // A finite number was type-checked already; within its limits nothing else can refuse it.
    return !Number.isFinite(value) || outsideNumberLimits(rules.numberLimits, value) !== undefined
  }
  if (rules.alwaysChecked) return true
  if (rules.hasComments && otherTextMissing(rules, value, data[key + REASON_SUFFIX])) return true
  return (
    !rules.neverRequired && isQuestionUnanswered(element, value) && isRequiredNow(element, data)
  )
}

/** The checks SurveyJS runs on a visible, editable question, in its order. */
function checkVisible(
  question: PlannedQuestion,
  rules: QuestionRules,
  data: Answers,
  add: Add,
): void {
  const { element, name, key } = question
  // An expression question holds what its expression computes, whatever was sent.
  const value = element.type === 'expression' ? evaluate(element.expression, data) : data[key]
  const required = !rules.neverRequired && isRequiredNow(element, data)
  // Each missing entry is named (an empty problem entry: its four items); a required question
  // with no required entries inside is one error.
  const missing = HAS_ENTRIES.has(element.type) ? missingEntries(element, value, data) : []
  for (const item of missing) add(name, RESPONSE_ERROR_CODES.required, { item })
  if (missing.length === 0 && required && isQuestionUnanswered(element, value)) {
    add(name, RESPONSE_ERROR_CODES.required)
    return
  }
  if (rules.hasComments && otherTextMissing(rules, value, data[key + REASON_SUFFIX])) {
    add(name, RESPONSE_ERROR_CODES.otherCommentRequired)
  }
  const chosen = Array.isArray(value) ? value.length : 0
  if (rules.minChoices !== undefined && chosen < rules.minChoices) {
    add(name, RESPONSE_ERROR_CODES.tooFewChoices, { min: rules.minChoices })
  }
  if (rules.eachRowUnique) {
    const repeated = repeatedRowValue(value, visibleRowKeys(element, data))
    if (repeated !== undefined) add(name, RESPONSE_ERROR_CODES.rowsNotUnique, { value: repeated })
  }
  if (rules.limits && !isUnanswered(value)) {
    const outside =
      rules.numberLimits && typeof value === 'number' && Number.isFinite(value)
        ? outsideNumberLimits(rules.numberLimits, value)
        : outsideLimits(rules.limits, value, data)
    if (outside === 'step') add(name, RESPONSE_ERROR_CODES.invalidAnswer, { rule: 'step' })
    else if (outside) {
      const { renderedMin, renderedMax } = rules.limits
      add(name, RESPONSE_ERROR_CODES.outOfRange, {
        value: String(value),
        min: renderedMin === undefined ? '' : String(renderedMin),
        max: renderedMax === undefined ? '' : String(renderedMax),
      })
    }
  }
  if (rules.innerChecks) {
    for (const { item, code, params } of innerIssues(element, value, data)) {
      add(name, code, { ...params, item })
    }
  }
  // SurveyJS runs validators only on a question without another error.
  if (missing.length > 0) return
  const scope = element.type === 'expression' ? { ...data, [key]: value } : data
  const failed = failedValidator(rules.validators, offered(rules, value), name, scope)
  if (failed) add(name, RESPONSE_ERROR_CODES.invalidAnswer, { rule: failed.rule })
  for (const [item, validators] of rules.itemValidators) {
    const entry = value && typeof value === 'object' ? (value as Answers)[item] : undefined
    const refused = failedValidator(validators, entry, item, data)
    if (refused) add(name, RESPONSE_ERROR_CODES.invalidAnswer, { rule: refused.rule, item })
  }
}

/**
 * The value SurveyJS's validators see: a multiple choice keeps only the values it offers (a list
 * of none is no answer).
 */
function offered(rules: QuestionRules, value: unknown): unknown {
  const { allowed } = rules
  if (!rules.multiple || !allowed || !Array.isArray(value)) return value
  const kept = value.filter((v) => allowed.has(valueKey(chosenEntry(v).value)))
  return kept.length > 0 ? kept : undefined
}

/**
 * SurveyJS stores a question's comment or "other" text as `<name>-Comment`; a question that may
 * need a reason (a deduction or veto item) takes one whether or not its form shows the area.
 */
function isCommentOf(key: string, questions: Map<string, PlannedQuestion[]>): boolean {
  if (!key.endsWith(REASON_SUFFIX)) return false
  return (questions.get(key.slice(0, -REASON_SUFFIX.length)) ?? []).some(
    (question) =>
      mayNeedReason(question) ||
      isOn(question.element.showCommentArea) ||
      isOn(question.element.hasComment) ||
      isOn(question.element.showOtherItem) ||
      isOn(question.element.hasOther),
  )
}
