/**
 * Why a form builder refused its input: the closed set of `FormBuildError` codes.
 *
 * @example
 * if (error instanceof FormBuildError && error.code === FORM_BUILD_ERROR_CODES.DUPLICATE_NAME) {
 *   // rename the question
 * }
 */
export const FORM_BUILD_ERROR_CODES = {
  /** The form has no dimensions, aspects or questions. */
  EMPTY_FORM: 'EMPTY_FORM',
  /** A dimension has no items or indicators. */
  EMPTY_DIMENSION: 'EMPTY_DIMENSION',
  /** A name is empty, has characters expressions cannot reference, or is reserved. */
  INVALID_NAME: 'INVALID_NAME',
  /** Two questions, pages or dimensions share a name (SurveyJS ignores case). */
  DUPLICATE_NAME: 'DUPLICATE_NAME',
  /** A title, description or choice text is neither a non-empty string nor `{ default: '中文', … }`. */
  INVALID_TITLE: 'INVALID_TITLE',
  /** A question has fewer than two choices. */
  TOO_FEW_CHOICES: 'TOO_FEW_CHOICES',
  /** A choice value is not a non-empty string or a finite number. */
  INVALID_VALUE: 'INVALID_VALUE',
  /** Two choices of one question share a value. */
  DUPLICATE_VALUE: 'DUPLICATE_VALUE',
  /** Points are not a finite number greater than 0. */
  INVALID_POINTS: 'INVALID_POINTS',
  /** A dimension weight is not a finite number greater than 0. */
  INVALID_WEIGHT: 'INVALID_WEIGHT',
  /** A choice score is not a finite number. */
  INVALID_SCORE: 'INVALID_SCORE',
  /** The bonus cap is not a finite number greater than 0. */
  INVALID_BONUS_CAP: 'INVALID_BONUS_CAP',
  /** A satisfaction scale has no choice that counts as satisfied. */
  NO_SATISFIED_CHOICE: 'NO_SATISFIED_CHOICE',
  /** A quiz question's correct answer is not among its choices. */
  INVALID_CORRECT_ANSWER: 'INVALID_CORRECT_ANSWER',
  /** The draw count is not a whole number of at least 1. */
  INVALID_DRAW_COUNT: 'INVALID_DRAW_COUNT',
  /** The draw count asks for more questions than the bank holds. */
  DRAW_COUNT_EXCEEDS_BANK: 'DRAW_COUNT_EXCEEDS_BANK',
} as const

/**
 * One of `FORM_BUILD_ERROR_CODES`.
 *
 * @example
 * const code: FormBuildErrorCode = 'EMPTY_DIMENSION'
 */
export type FormBuildErrorCode =
  (typeof FORM_BUILD_ERROR_CODES)[keyof typeof FORM_BUILD_ERROR_CODES]

/**
 * What went wrong, where in the builder input (a path such as `dimensions[1].items[0].name`), why.
 *
 * @example
 * new FormBuildError('INVALID_POINTS', { what: 'Invalid points 0', where: 'dimensions[0].indicators[2].points', why: 'points must be greater than 0' })
 */
export interface FormBuildProblem {
  what: string
  where: string
  why: string
}

/**
 * Thrown by the form builders (`selfCheckForm`, `quizForm`, …) when their input cannot make a
 * valid form. A builder's input is code a developer writes, so a bad one is a programming
 * error, thrown at once, rather than a result value. The message reads "what at where: why".
 *
 * @example
 * try {
 *   quizForm({ title: '党章知识答卷', drawCount: 30, questions })
 * } catch (error) {
 *   if (error instanceof FormBuildError) console.error(error.code, error.path, error.message)
 * }
 */
export class FormBuildError extends Error {
  override readonly name = 'FormBuildError'
  /** Why the input was refused, from `FORM_BUILD_ERROR_CODES`. */
  readonly code: FormBuildErrorCode
  /** Where in the builder input, e.g. `dimensions[1].items[0].name`. */
  readonly path: string

  constructor(code: FormBuildErrorCode, { what, where, why }: FormBuildProblem) {
    super(`${what} at ${where}: ${why}`)
    this.code = code
    this.path = where
  }
}
