import { Model } from 'survey-core'
import { describe, expect, test } from 'vitest'
import '../extensions'
import type { FormBuildErrorCode } from './form-build-error'
import { type QuizFormOptions, type QuizQuestion, quizForm } from './quiz-form'

const choices = [
  { value: 'a', text: { default: '实现共产主义', en: 'Communism' } },
  { value: 'b', text: '全面建成小康社会' },
  { value: 'c', text: '民主集中制' },
]
const single: QuizQuestion = { name: 'q1', title: '党的最高理想', choices, correctAnswer: 'a' }
const multiple: QuizQuestion = {
  name: 'q2',
  title: '以下哪些正确',
  choices,
  correctAnswer: ['a', 'c'],
  multiple: true,
  points: 2,
}
const input: QuizFormOptions = {
  title: { default: '党章知识答卷', en: 'Party constitution quiz' },
  drawCount: 1,
  questions: [single, multiple],
}

describe('quizForm', () => {
  test('makes a quiz with every question on one page named bank', () => {
    const form = quizForm(input)
    expect(form.kind).toBe('quiz')
    expect(form.pages).toHaveLength(1)
    expect(form.pages?.[0]).toMatchObject({ name: 'bank', drawCount: 1 })
    expect(form.pages?.[0]?.elements?.map(({ name }) => name)).toEqual(['q1', 'q2'])
  })

  test('gives no draw count when every question is asked', () => {
    const { drawCount: _, ...everything } = input
    expect(quizForm(everything).pages?.[0]).not.toHaveProperty('drawCount')
  })

  test('asks a single-answer question as a radiogroup worth 1 point by default', () => {
    expect(quizForm(input).pages?.[0]?.elements?.[0]).toEqual({
      type: 'radiogroup',
      name: 'q1',
      title: '党的最高理想',
      choices,
      correctAnswer: 'a',
      points: 1,
    })
  })

  test('asks a multiple-answer question as a checkbox with its points', () => {
    expect(quizForm(input).pages?.[0]?.elements?.[1]).toMatchObject({
      type: 'checkbox',
      correctAnswer: ['a', 'c'],
      points: 2,
    })
  })

  test('lets SurveyJS grade the answers against the correct answers', () => {
    const model = new Model(quizForm(input))
    model.data = { q1: 'a', q2: ['c', 'a'] }
    expect(model.getCorrectAnswerCount()).toBe(2)
    model.data = { q1: 'b', q2: ['a'] }
    expect(model.getCorrectAnswerCount()).toBe(0)
  })

  test('keeps the draw count and points when SurveyJS loads the form', () => {
    const model = new Model(quizForm(input))
    expect(model.pages[0]?.getPropertyValue('drawCount')).toBe(1)
    expect(model.getQuestionByName('q2').getPropertyValue('points')).toBe(2)
  })

  test('draws as many questions as the bank holds', () => {
    expect(quizForm({ ...input, drawCount: 2 }).pages?.[0]?.drawCount).toBe(2)
  })

  test('says how large the bank is when asked to draw more', () => {
    expect(() => quizForm({ ...input, drawCount: 30 })).toThrow(
      'Draw count 30 at drawCount: the bank holds only 2 questions, so 30 cannot be drawn',
    )
  })

  const withQuestion = (question: Partial<QuizQuestion>): Partial<QuizFormOptions> => ({
    questions: [single, { ...single, name: 'q9', ...question } as QuizQuestion],
  })
  const refused: Array<[string, Partial<QuizFormOptions>, FormBuildErrorCode, string]> = [
    ['no question', { questions: [] }, 'EMPTY_FORM', 'questions'],
    ['a draw count above the bank size', { drawCount: 3 }, 'DRAW_COUNT_EXCEEDS_BANK', 'drawCount'],
    ...[0, -1, 1.5, Number.NaN].map(
      (drawCount): [string, Partial<QuizFormOptions>, FormBuildErrorCode, string] => [
        `a draw count of ${drawCount}`,
        { drawCount },
        'INVALID_DRAW_COUNT',
        'drawCount',
      ],
    ),
    [
      'two questions named alike',
      withQuestion({ name: 'Q1' }),
      'DUPLICATE_NAME',
      'questions[1].name',
    ],
    [
      'a question named bank',
      withQuestion({ name: 'bank' }),
      'DUPLICATE_NAME',
      'questions[1].name',
    ],
    ['a reserved name', withQuestion({ name: 'toString' }), 'INVALID_NAME', 'questions[1].name'],
    [
      'a question with one choice',
      withQuestion({ choices: [{ value: 'a', text: 'A' }] }),
      'TOO_FEW_CHOICES',
      'questions[1].choices',
    ],
    [
      'a repeated choice value',
      withQuestion({ choices: [...choices, { value: 'b', text: 'B' }] }),
      'DUPLICATE_VALUE',
      'questions[1].choices[3].value',
    ],
    [
      'a choice without text',
      withQuestion({ choices: [...choices, { value: 'd', text: '' }] }),
      'INVALID_TITLE',
      'questions[1].choices[3].text',
    ],
    ['0 points', withQuestion({ points: 0 }), 'INVALID_POINTS', 'questions[1].points'],
    ['negative points', withQuestion({ points: -1 }), 'INVALID_POINTS', 'questions[1].points'],
    [
      'a correct answer that is not a choice',
      withQuestion({ correctAnswer: 'z' }),
      'INVALID_CORRECT_ANSWER',
      'questions[1].correctAnswer',
    ],
    [
      'a list as the answer to a single-answer question',
      withQuestion({ correctAnswer: ['a'] } as Partial<QuizQuestion>),
      'INVALID_CORRECT_ANSWER',
      'questions[1].correctAnswer',
    ],
    ...[[], ['a', 'z'], ['a', 'a'], 'a'].map(
      (correctAnswer): [string, Partial<QuizFormOptions>, FormBuildErrorCode, string] => [
        `the multiple-choice answer ${JSON.stringify(correctAnswer)}`,
        withQuestion({ multiple: true, correctAnswer } as Partial<QuizQuestion>),
        'INVALID_CORRECT_ANSWER',
        'questions[1].correctAnswer',
      ],
    ),
  ]

  test.each(refused)('refuses %s', (_, options, code, path) => {
    expect(() => quizForm({ ...input, ...options })).toThrow(
      expect.objectContaining({ name: 'FormBuildError', code, path }),
    )
  })
})
