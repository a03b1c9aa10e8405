import { isEmpty } from './answer'
import { drawnByBank } from './draw'
import { RESPONSE_ERROR_CODES, type ResponseErrorCode, responseMessage } from './messages'
import { compileForm, type PlannedQuestion, valueKey } from './plan'
import { mayNeedReason, REASON_SUFFIX, reasonedIn } from './reasons'
import { isRequiredNow, isUnanswered, missingEntries } from './required'
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

type Add = (
  question: string,
  code: ResponseErrorCode,
  params?: Record<string, string | number>,
) => void

const SINGLE_TYPES = new Set(['radiogroup', 'dropdown', 'imagepicker', 'buttongroup'])
const MULTIPLE_TYPES = new Set(['checkbox', 'tagbox'])
/** Questions with required entries inside them (`missingEntries`). */
const HAS_ENTRIES = new Set([
  'multipletext',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'paneldynamic',
])
/** Values SurveyJS adds to choice lists itself when a question turns them on. */
const SPECIAL_VALUES = {
  showOtherItem: 'other',
  showNoneItem: 'none',
  showRefuseItem: 'refused',
  showDontKnowItem: 'dontknow',
} as const

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
  const drawn = options.seed === undefined ? undefined : drawnByBank(form, options.seed)

  for (const [name, value] of Object.entries(data)) {
    const question = plan.byName.get(name)
    if (!question) {
      if (!isCommentOf(name, plan.byName)) add(name, RESPONSE_ERROR_CODES.unknownQuestion)
      // A comment (a reason, an "other" text) is text as SurveyJS keeps it.
      else if (!isEmpty(value) && typeof value !== 'string') wrongType(add, name, 'text', '文本')
      continue
    }
    if (isEmpty(value)) continue
    if (drawn && question.banks.some((b) => !drawn.get(b.id)?.has(b.item))) {
      add(name, RESPONSE_ERROR_CODES.notDrawn)
      continue
    }
    checkValue(question, value, add)
  }

  const isVisible = visibilityFor(plan, data, drawn)
  for (const question of plan.questions) {
    const { element, name } = question
    const required = isRequiredNow(element, data)
    const hasEntries = HAS_ENTRIES.has(element.type)
    if (!required && !hasEntries) continue
    // Visibility runs conditions: an answered question without entries inside needs none of it.
    if (!hasEntries && !isUnanswered(data[name])) continue
    if (!isVisible(question)) continue
    // Each missing entry is named (an empty problem entry: its four items); a required question
    // with no required entries inside is one error.
    const missing = missingEntries(element, data[name], data)
    for (const item of missing) add(name, RESPONSE_ERROR_CODES.required, { item })
    if (missing.length === 0 && required && isUnanswered(data[name])) {
      add(name, RESPONSE_ERROR_CODES.required)
    }
  }
  if (options.requireReasons) {
    for (const { question, reason } of reasonedIn(plan, data, isVisible)) {
      if (reason === null) add(question, RESPONSE_ERROR_CODES.reasonRequired)
    }
  }
  return { valid: errors.length === 0, errors }
}

// Each check returns `undefined` once it has reported, so a branch can end with `return report(…)`.
function checkValue(question: PlannedQuestion, value: unknown, add: Add): undefined {
  const { type, name } = question
  if (SINGLE_TYPES.has(type) || (type === 'rating' && question.choices.size > 0)) {
    if (!isPrimitive(value)) return wrongType(add, name, 'one choice value', '一个选项值')
    return checkChoice(question, value, add)
  }
  if (MULTIPLE_TYPES.has(type)) {
    if (!Array.isArray(value) || !value.every(isPrimitive)) {
      return wrongType(add, name, 'a list of choice values', '选项值列表')
    }
    for (const item of value) checkChoice(question, item, add)
    return
  }
  if (type === 'rating') return checkNumber(question, value, add, ratingRange(question))
  if (type === 'boolean') {
    const { valueTrue, valueFalse } = question.element
    const allowed = [true, false, valueTrue, valueFalse].filter((v) => v !== undefined)
    if (!allowed.some((v) => v === value)) return wrongType(add, name, 'yes or no', '是或否')
    return
  }
  if (
    type === 'text' &&
    (question.element.inputType === 'number' || question.maxScore !== undefined)
  ) {
    const range = question.maxScore === undefined ? numberRange(question) : [0, question.maxScore]
    return checkNumber(question, value, add, range as [number, number])
  }
  if (type === 'text' || type === 'comment') {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return wrongType(add, name, 'text', '文本')
    }
    return
  }
  if (type === 'multipletext') {
    const isRecord = value && typeof value === 'object' && !Array.isArray(value)
    if (!isRecord || !Object.values(value).every(isPrimitive)) {
      return wrongType(add, name, 'an object of text entries', '各分项文本组成的对象')
    }
  }
}

function checkChoice(question: PlannedQuestion, value: unknown, add: Add): undefined {
  // Choices loaded at run time (choicesByUrl, choicesFromQuestion) cannot be checked here.
  if (question.choices.size === 0) return
  if (question.choices.has(valueKey(value))) return
  const { element } = question
  for (const [flag, special] of Object.entries(SPECIAL_VALUES)) {
    if (element[flag] === true && value === special) return
  }
  if (element.hasOther === true && value === 'other') return
  add(question.name, RESPONSE_ERROR_CODES.notAChoice, { value: String(value) })
}

function checkNumber(
  question: PlannedQuestion,
  value: unknown,
  add: Add,
  [min, max]: [number, number],
): undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return wrongType(add, question.name, 'a number', '数字')
  }
  if (value < min || value > max) {
    add(question.name, RESPONSE_ERROR_CODES.outOfRange, { value, min, max })
  }
}

function ratingRange(question: PlannedQuestion): [number, number] {
  const { rateMin, rateMax } = question.element
  return [typeof rateMin === 'number' ? rateMin : 1, typeof rateMax === 'number' ? rateMax : 5]
}

function numberRange(question: PlannedQuestion): [number, number] {
  const { min, max } = question.element
  return [
    typeof min === 'number' ? min : Number.NEGATIVE_INFINITY,
    typeof max === 'number' ? max : Number.POSITIVE_INFINITY,
  ]
}

function wrongType(add: Add, name: string, expected: string, expectedZh: string): undefined {
  add(name, RESPONSE_ERROR_CODES.wrongType, { expected, expectedZh })
}

/**
 * SurveyJS stores a question's comment or "other" text as `<name>-Comment`; a question that may
 * need a reason (a deduction or veto item) takes one whether or not its form shows the area.
 */
function isCommentOf(key: string, questions: Map<string, PlannedQuestion>): boolean {
  if (!key.endsWith(REASON_SUFFIX)) return false
  const question = questions.get(key.slice(0, -REASON_SUFFIX.length))
  if (!question) return false
  const { element } = question
  return (
    mayNeedReason(question) ||
    element.showCommentArea === true ||
    element.hasComment === true ||
    element.showOtherItem === true ||
    element.hasOther === true
  )
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}
