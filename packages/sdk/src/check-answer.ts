import type { QuestionTextModel } from 'survey-core'
import { RESPONSE_ERROR_CODES, type ResponseErrorCode } from './messages'
import { type PlannedQuestion, valueKey } from './plan'
import type { CompiledValidator, NumberLimits, QuestionRules } from './response-rules'

/** Reports one issue at a question; `params.item` names where inside it. */
export type Add = (
  question: string,
  code: ResponseErrorCode,
  params?: Record<string, string | number>,
) => void

const SINGLE_TYPES = new Set(['radiogroup', 'dropdown', 'imagepicker', 'buttongroup', 'rating'])

/**
 * Checks the shape of one non-empty answer: a choice SurveyJS offers (a list of distinct ones
 * for multiple choice), a number in range, yes or no, text, an object of texts.
 *
 * @example
 * checkValue(question, rules, ['a', 'a'], add) // reports duplicateValue
 */
export function checkValue(
  question: PlannedQuestion,
  rules: QuestionRules,
  value: unknown,
  add: Add,
): undefined {
  const { type, name } = question
  if (rules.multiple) {
    if (!Array.isArray(value)) return wrongType(add, name, 'a list of choice values', '选项值列表')
    const values =
      rules.valueProperty === undefined
        ? value.map((entry) => chosenEntry(entry).value)
        : value.map(propertyOf(rules))
    if (!values.every(isPrimitive)) {
      return wrongType(add, name, 'a list of choice values', '选项值列表')
    }
    // Yardstick refuses what SurveyJS keeps: each copy of a choice would count again.
    const seen = new Set<string>()
    for (const item of values) {
      const key = valueKey(item)
      if (seen.has(key)) add(name, RESPONSE_ERROR_CODES.duplicateValue, { value: String(item) })
      seen.add(key)
      checkChoice(question, rules, item, add)
    }
    return
  }
  if (SINGLE_TYPES.has(type)) {
    const chosen = chosenEntry(value).value
    if (!isPrimitive(chosen)) return wrongType(add, name, 'one choice value', '一个选项值')
    return checkChoice(question, rules, chosen, add)
  }
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
    // `min` and `max` are SurveyJS's, checked on a visible question (`outsideLimits`).
    const range: [number, number] =
      question.maxScore === undefined ? [-Infinity, Infinity] : [0, question.maxScore]
    return checkNumber(question, value, add, range)
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

function checkChoice(
  question: PlannedQuestion,
  rules: QuestionRules,
  value: string | number | boolean,
  add: Add,
): undefined {
  // Choices loaded at run time (choicesByUrl, choicesFromQuestion) cannot be checked here.
  if (rules.allowed === undefined) return
  if (rules.allowed.has(valueKey(value))) return
  // With `storeOthersAsComment: false` SurveyJS stores the "other" text as the value.
  if (rules.otherInValue && typeof value === 'string') return
  const [min, max] = rules.scale ?? []
  if (min !== undefined && max !== undefined && typeof value === 'number') {
    if (value < min || value > max) {
      return void add(question.name, RESPONSE_ERROR_CODES.outOfRange, { value, min, max })
    }
  }
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

/**
 * The first validator that refuses a value, as SurveyJS runs them (on an empty value too: an
 * `expression` validator may refuse it).
 *
 * @param values what an `expression` validator reads: the answers
 */
export function failedValidator(
  validators: CompiledValidator[],
  value: unknown,
  name: string,
  values: Record<string, unknown>,
): CompiledValidator | undefined {
  return validators.find(({ validator, expression }) => {
    if (expression !== undefined) return expression.runValues(values) !== true
    return validator?.validate(value, name, {})?.error != null
  })
}

/** Whether SurveyJS would see its "other" item chosen and its text missing. */
export function otherTextMissing(rules: QuestionRules, value: unknown, comment: unknown): boolean {
  if (!rules.hasOther && rules.commentRequired.size === 0) return false
  const entries = (Array.isArray(value) ? value : [value]).map(chosenEntry)
  return entries.some((entry) =>
    rules.hasOther && entry.value === 'other'
      ? isBlank(comment)
      : rules.commentRequired.has(valueKey(entry.value)) && isBlank(entry.comment),
  )
}

/**
 * A chosen value and the comment SurveyJS keeps with it: a choice with `showCommentArea` is
 * stored as `{ value, comment }` (SurveyJS reads `{ value }` alone as the value).
 *
 * @example
 * chosenEntry({ value: 1, comment: '因为' }) // { value: 1, comment: '因为' }
 * chosenEntry('a') // { value: 'a', comment: undefined }
 */
export function chosenEntry(entry: unknown): { value: unknown; comment: unknown } {
  if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && 'value' in entry) {
    const { value, comment } = entry as { value: unknown; comment?: unknown }
    return { value, comment }
  }
  return { value: entry, comment: undefined }
}

function isBlank(text: unknown): boolean {
  return text === undefined || text === null || text === ''
}

/** The first column value two visible rows of an `eachRowUnique` matrix share. */
export function repeatedRowValue(value: unknown, rows: string[]): string | undefined {
  if (!value || typeof value !== 'object') return undefined
  const seen = new Set<string>()
  for (const row of rows) {
    const cell = (value as Record<string, unknown>)[row]
    if (cell === undefined || cell === null || cell === '') continue
    const key = valueKey(cell)
    if (seen.has(key)) return key
    seen.add(key)
  }
  return undefined
}

function propertyOf(rules: QuestionRules) {
  return (entry: unknown): unknown =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? (entry as Record<string, unknown>)[rules.valueProperty as string]
      : undefined
}

export function wrongType(add: Add, name: string, expected: string, expectedZh: string): undefined {
  add(name, RESPONSE_ERROR_CODES.wrongType, { expected, expectedZh })
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/**
 * What SurveyJS says of a text answer against the question's `min`, `max` (dates, numbers, or
 * their expressions run on the answers) and `step`: `'min'`, `'max'`, `'step'` or nothing. The
 * question object is the plan's, set and cleared within the call.
 */
export function outsideLimits(
  limits: QuestionTextModel,
  value: unknown,
  values: Record<string, unknown>,
): 'min' | 'max' | 'step' | undefined {
  // A copy: survey-core writes into the values it runs on (a `question` entry), and these are
  // the caller's answers.
  limits.runCondition({ ...values })
  limits.value = value
  // survey-core 3.1.1 keeps these checks private; they are exactly what its `onCheckForErrors` asks.
  const checks = limits as unknown as LimitChecks
  try {
    if (checks.isValueLessMin) return 'min'
    if (checks.isValueGreaterMax) return 'max'
    if (checks.isStepNumberIncorrect) return 'step'
    return undefined
  } finally {
    limits.value = undefined
  }
}

/**
 * `outsideLimits` for a number answer against a number question's literal limits: the same
 * comparisons and step rule as survey-core 3.1.1's `isValueLessMin`, `isValueGreaterMax` and
 * `isStepNumberIncorrect` (the differential corpus holds them to it), without a question object.
 *
 * @example
 * outsideNumberLimits({ min: 0, max: 6, step: undefined }, 7) // 'max'
 */
export function outsideNumberLimits(
  { min, max, step }: NumberLimits,
  value: number,
): 'min' | 'max' | 'step' | undefined {
  if (min !== undefined && value < min) return 'min'
  if (max !== undefined && value > max) return 'max'
  if (step === undefined) return undefined
  let pw = 1
  while (
    (Math.round(step * pw) / pw !== step || Math.round(value * pw) / pw !== value) &&
    pw < 1_000_000
  ) {
    pw *= 10
  }
  const scaledStep = Math.round(step * pw)
  return scaledStep > 0 && Math.round(value * pw) % scaledStep !== 0 ? 'step' : undefined
}

interface LimitChecks {
  isValueLessMin: boolean
  isValueGreaterMax: boolean
  isStepNumberIncorrect: boolean
}
