import type { LocalizedText } from '../types'
import { FORM_BUILD_ERROR_CODES, FormBuildError, type FormBuildErrorCode } from './form-build-error'
import { SURVEY_BUILT_IN_VARIABLES } from './reserved-names'

// Letters of any script, digits, '_' and '-': a name is referenced as `{name}` in expressions
// (visibleIf) and as a data key, so spaces, dots, braces and quotes would break one or the other.
const NAME_PATTERN = /^[\p{L}\p{N}_-]+$/u
// SurveyJS answers its built-in variables ({pageno}, {locale}, …) before any question, and keys
// answers by name in plain objects, so these names would read something else back.
const RESERVED_NAMES = new Set(
  [...SURVEY_BUILT_IN_VARIABLES, ...Object.getOwnPropertyNames(Object.prototype)].map((name) =>
    name.toLowerCase(),
  ),
)

/**
 * A printable form of any input value for error messages.
 *
 * @example
 * show('a') // "'a'"
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'number' || value === undefined) return String(value)
  return JSON.stringify(value) ?? String(value)
}

/**
 * Throws `INVALID_NAME` unless `name` can name a question, page or dimension.
 *
 * @example
 * checkName('q1', 'questions[0].name') // passes
 * checkName('q 1', 'questions[0].name') // throws FormBuildError INVALID_NAME
 */
export function checkName(name: unknown, where: string): asserts name is string {
  const fail = (why: string) => {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_NAME, {
      what: `Invalid name ${show(name)}`,
      where,
      why,
    })
  }
  if (typeof name !== 'string' || name === '') fail('a name must be a non-empty string')
  else if (!NAME_PATTERN.test(name)) {
    fail('use only letters, digits, _ and -, since the name is referenced as {name} in expressions')
  } else if (RESERVED_NAMES.has(name.toLowerCase())) {
    fail('SurveyJS reserves this name (a built-in variable or an Object.prototype member)')
  }
}

/**
 * The element names of one form. SurveyJS looks pages, panels and questions up in one
 * namespace, ignoring case, so every name is claimed here before it is used.
 *
 * @example
 * const names = new NameRegistry()
 * names.claim('q1', 'questions[0].name')
 * names.claim('Q1', 'questions[1].name') // throws FormBuildError DUPLICATE_NAME
 * names.reserve('bank', 'the bank page')
 */
export class NameRegistry {
  readonly #claimed = new Map<string, { where: string; role: string }>()

  /** Checks `name` (see `checkName`) and claims it for `role` ('a question', 'the bank page', …). */
  claim(name: string, where: string, role = 'a question'): void {
    checkName(name, where)
    const key = name.toLowerCase()
    const first = this.#claimed.get(key)
    if (first) {
      throw new FormBuildError(FORM_BUILD_ERROR_CODES.DUPLICATE_NAME, {
        what: `Duplicate name ${show(name)} for ${role}`,
        where,
        why: `${first.role}${first.where ? ` (${first.where})` : ''} already has it, and SurveyJS needs page and question names unique across the form, ignoring case`,
      })
    }
    this.#claimed.set(key, { where, role })
  }

  /** Claims a name the builder itself chooses (a fixed page or question name) for `role`. */
  reserve(name: string, role: string): void {
    this.claim(name, '', role)
  }
}

/**
 * Throws `INVALID_TITLE` unless `text` is a non-empty string or `{ default: '中文', en?: … }`
 * with a non-empty default (zh-CN is the default language).
 *
 * @example
 * checkText({ default: '满意', en: 'Satisfied' }, 'scale[0].text') // passes
 */
export function checkText(
  text: unknown,
  where: string,
  what = 'title',
): asserts text is LocalizedText {
  const valid =
    typeof text === 'string'
      ? text.trim() !== ''
      : typeof text === 'object' &&
        text !== null &&
        !Array.isArray(text) &&
        Object.values(text).every((value) => typeof value === 'string') &&
        typeof (text as { default?: unknown }).default === 'string' &&
        (text as { default: string }).default.trim() !== ''
  if (!valid) {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_TITLE, {
      what: `Invalid ${what} ${show(text)}`,
      where,
      why: "give a non-empty string or { default: '中文', en: 'English' } with a non-empty default",
    })
  }
}

/**
 * `checkText` for an optional text (a description, a scoring standard): absent is fine.
 *
 * @example
 * checkOptionalText(undefined, 'description', 'description') // passes
 */
export function checkOptionalText(text: unknown, where: string, what: string): void {
  if (text !== undefined) checkText(text, where, what)
}

/**
 * Throws `code` unless `value` is a finite number greater than 0.
 *
 * @example
 * checkPositive(10, 'indicators[0].points', FORM_BUILD_ERROR_CODES.INVALID_POINTS, 'points')
 */
export function checkPositive(
  value: unknown,
  where: string,
  code: FormBuildErrorCode,
  what: string,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new FormBuildError(code, {
      what: `Invalid ${what} ${show(value)}`,
      where,
      why: `${what} must be a finite number greater than 0`,
    })
  }
}

/**
 * Throws `INVALID_WEIGHT` unless a dimension's optional weight is absent or greater than 0.
 *
 * @example
 * checkWeight(undefined, 'dimensions[0].weight') // passes: the builder picks a default
 */
export function checkWeight(weight: unknown, where: string): void {
  if (weight !== undefined) {
    checkPositive(weight, where, FORM_BUILD_ERROR_CODES.INVALID_WEIGHT, 'weight')
  }
}

/**
 * Throws `code` unless `list` is an array with at least one entry.
 *
 * @example
 * checkNonEmpty(dimension.items, 'dimensions[0].items', FORM_BUILD_ERROR_CODES.EMPTY_DIMENSION, 'the dimension has no items')
 */
export function checkNonEmpty<T>(
  list: readonly T[] | undefined,
  where: string,
  code: FormBuildErrorCode,
  why: string,
): asserts list is readonly T[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new FormBuildError(code, { what: `Empty list ${show(list)}`, where, why })
  }
}

/**
 * Throws unless there are at least two choices, each value a non-empty string or a finite
 * number, no two equal. SurveyJS matches the answer 1 to the choice '1.0', so values are compared
 * as numbers when both read as numbers.
 *
 * @example
 * checkChoiceValues([{ value: 'a' }, { value: 'b' }], 'questions[0].choices')
 */
export function checkChoiceValues(choices: readonly { value: unknown }[], where: string): void {
  if (!Array.isArray(choices) || choices.length < 2) {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.TOO_FEW_CHOICES, {
      what: `${Array.isArray(choices) ? choices.length : 'No'} choices`,
      where,
      why: 'a question to choose from needs at least two choices',
    })
  }
  const seen = new Map<string, number>()
  choices.forEach(({ value }, index) => {
    const at = `${where}[${index}].value`
    const valid =
      (typeof value === 'string' && value !== '') ||
      (typeof value === 'number' && Number.isFinite(value))
    if (!valid) {
      throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_VALUE, {
        what: `Invalid choice value ${show(value)}`,
        where: at,
        why: 'a choice value must be a non-empty string or a finite number',
      })
    }
    const key = choiceKey(value)
    const first = seen.get(key)
    if (first !== undefined) {
      throw new FormBuildError(FORM_BUILD_ERROR_CODES.DUPLICATE_VALUE, {
        what: `Duplicate choice value ${show(value)}`,
        where: at,
        why: `already the value of ${where}[${first}]; an answer must say which choice it is`,
      })
    }
    seen.set(key, index)
  })
}

function choiceKey(value: string | number): string {
  const number =
    typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value)
  return Number.isFinite(number) ? `number:${number}` : `string:${value}`
}

/**
 * Whether an answer selects a choice, as SurveyJS matches them: two strings must be equal, a
 * number matches a string that reads as the same number (the answer 1 is the choice '1.0').
 *
 * @example
 * sameChoiceValue(1, '1.0') // true
 * sameChoiceValue('1', '1.0') // false
 */
export function sameChoiceValue(a: string | number, b: string | number): boolean {
  return a === b || (typeof a !== typeof b && choiceKey(a) === choiceKey(b))
}
