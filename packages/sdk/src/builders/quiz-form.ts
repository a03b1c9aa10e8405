import type { ElementJson, FormJson, LocalizedText } from '../types'
import { FORM_BUILD_ERROR_CODES, FormBuildError } from './form-build-error'
import { copyText, titled } from './shared'
import {
  checkChoiceValues,
  checkNonEmpty,
  checkOptionalText,
  checkPositive,
  checkText,
  NameRegistry,
  sameChoiceValue,
  show,
} from './validate'

/**
 * One choice of a quiz question.
 *
 * @example
 * const choice: QuizChoice = { value: 'a', text: { default: '民主集中制', en: 'Democratic centralism' } }
 */
export interface QuizChoice {
  value: string | number
  text: LocalizedText
}

interface QuizQuestionBase {
  name: string
  title: LocalizedText
  choices: QuizChoice[]
  /** Points for a correct answer; default 1. */
  points?: number
}

/**
 * A quiz question with one correct choice (a radiogroup).
 *
 * @example
 * const question: SingleChoiceQuizQuestion = { name: 'q1', title: '党的组织原则', choices, correctAnswer: 'a' }
 */
export interface SingleChoiceQuizQuestion extends QuizQuestionBase {
  multiple?: false
  correctAnswer: string | number
}

/**
 * A quiz question with several correct choices (a checkbox): all and only these are correct.
 *
 * @example
 * const question: MultipleChoiceQuizQuestion = { name: 'q2', title: '哪些正确', choices, correctAnswer: ['a', 'c'], multiple: true, points: 2 }
 */
export interface MultipleChoiceQuizQuestion extends QuizQuestionBase {
  multiple: true
  correctAnswer: Array<string | number>
}

/**
 * A question of the quiz bank.
 *
 * @example
 * const bank: QuizQuestion[] = [singleChoiceQuestion, multipleChoiceQuestion]
 */
export type QuizQuestion = SingleChoiceQuizQuestion | MultipleChoiceQuizQuestion

/**
 * Input of `quizForm`.
 *
 * @example
 * const options: QuizFormOptions = { title: '党章知识答卷', drawCount: 30, questions: bank }
 */
export interface QuizFormOptions {
  title: LocalizedText
  description?: LocalizedText
  /** How many questions each respondent draws from the bank; default all of them. */
  drawCount?: number
  questions: QuizQuestion[]
}

/**
 * Builds a knowledge quiz (知识答卷): one page 'bank' holding every question, with `drawCount`
 * when each respondent answers only that many, drawn at random. A question is a radiogroup, or a
 * checkbox when `multiple`, with its `correctAnswer` and `points` (default 1). Throws
 * `FormBuildError` on bad input, e.g. `DRAW_COUNT_EXCEEDS_BANK` when `drawCount` is larger
 * than the bank.
 *
 * @example
 * const form = quizForm({
 *   title: { default: '党章知识答卷', en: 'Party constitution quiz' },
 *   drawCount: 1,
 *   questions: [
 *     {
 *       name: 'q1',
 *       title: '党的最高理想和最终目标是什么？',
 *       choices: [
 *         { value: 'a', text: '实现共产主义' },
 *         { value: 'b', text: '全面建成小康社会' },
 *       ],
 *       correctAnswer: 'a',
 *     },
 *     {
 *       name: 'q2',
 *       title: '党的组织原则是什么？',
 *       choices: [
 *         { value: 'a', text: '民主集中制' },
 *         { value: 'b', text: '集体领导' },
 *       ],
 *       correctAnswer: 'a',
 *       points: 2,
 *     },
 *   ],
 * })
 */
export function quizForm({ title, description, drawCount, questions }: QuizFormOptions): FormJson {
  checkText(title, 'title')
  checkOptionalText(description, 'description', 'description')
  checkNonEmpty(
    questions,
    'questions',
    FORM_BUILD_ERROR_CODES.EMPTY_FORM,
    'a quiz needs at least one question',
  )
  if (drawCount !== undefined) checkDrawCount(drawCount, questions.length)
  const names = new NameRegistry()
  names.reserve('bank', 'the bank page')
  const elements = questions.map((question, q) => quizQuestion(question, `questions[${q}]`, names))
  return {
    ...titled(title, description),
    kind: 'quiz',
    pages: [{ name: 'bank', ...(drawCount === undefined ? {} : { drawCount }), elements }],
  }
}

function quizQuestion(question: QuizQuestion, at: string, names: NameRegistry): ElementJson {
  const { name, title, choices, points = 1 } = question
  names.claim(name, `${at}.name`)
  checkText(title, `${at}.title`)
  checkChoiceValues(choices, `${at}.choices`)
  choices.forEach(({ text }, c) => {
    checkText(text, `${at}.choices[${c}].text`, 'text')
  })
  checkPositive(points, `${at}.points`, FORM_BUILD_ERROR_CODES.INVALID_POINTS, 'points')
  checkCorrectAnswer(question, `${at}.correctAnswer`)
  return {
    type: question.multiple === true ? 'checkbox' : 'radiogroup',
    name,
    title: copyText(title),
    choices: choices.map(({ value, text }) => ({ value, text: copyText(text) })),
    correctAnswer: Array.isArray(question.correctAnswer)
      ? [...question.correctAnswer]
      : question.correctAnswer,
    points,
  }
}

function checkCorrectAnswer(
  { multiple, correctAnswer, choices }: QuizQuestion,
  where: string,
): void {
  const fail = (why: string) => {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_CORRECT_ANSWER, {
      what: `Invalid correct answer ${show(correctAnswer)}`,
      where,
      why,
    })
  }
  const isChoice = (answer: unknown) =>
    (typeof answer === 'string' || typeof answer === 'number') &&
    choices.some(({ value }) => sameChoiceValue(value, answer))
  if (multiple !== true) {
    if (!isChoice(correctAnswer))
      fail('a single-choice answer must be the value of one of its choices')
    return
  }
  if (!Array.isArray(correctAnswer) || correctAnswer.length === 0) {
    fail('a multiple-choice answer must be a non-empty array of choice values')
  } else if (!correctAnswer.every(isChoice)) {
    fail('every value of a multiple-choice answer must be the value of one of its choices')
  } else if (
    correctAnswer.some((a, i) => correctAnswer.findIndex((b) => sameChoiceValue(a, b)) !== i)
  ) {
    fail('a multiple-choice answer lists each choice once')
  }
}

function checkDrawCount(drawCount: number, bankSize: number): void {
  if (!Number.isInteger(drawCount) || drawCount < 1) {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.INVALID_DRAW_COUNT, {
      what: `Invalid draw count ${show(drawCount)}`,
      where: 'drawCount',
      why: 'each respondent draws a whole number of questions, at least 1',
    })
  }
  if (drawCount > bankSize) {
    throw new FormBuildError(FORM_BUILD_ERROR_CODES.DRAW_COUNT_EXCEEDS_BANK, {
      what: `Draw count ${drawCount}`,
      where: 'drawCount',
      why: `the bank holds only ${bankSize} question${bankSize === 1 ? '' : 's'}, so ${drawCount} cannot be drawn`,
    })
  }
}
