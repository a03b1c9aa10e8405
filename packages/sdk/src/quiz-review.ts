import { isEmpty } from './answer'
import { drawnByBank } from './draw'
import { compileForm } from './plan'
import { isCorrect } from './score'
import type { Answers, FormJson } from './types'
import { visibilityFor } from './visibility'

/** One quiz question after submitting: its correct answer and whether the respondent had it. */
export interface QuizReviewItem {
  /** The question's name. */
  question: string
  /** What `correctAnswer` says (a choice value, or a list for a multiple answer). */
  correctAnswer: unknown
  /** Whether the answer given equals it (an unanswered question is not correct). */
  correct: boolean
  /** Points earned: the question's `points` when correct, else 0. */
  points: number
}

/** Options of `quizReview`. */
export interface QuizReviewOptions {
  /** The respondent's draw seed: only the questions drawn for them are listed. */
  seed?: string
}

/**
 * The correct answers of the quiz questions a respondent was shown (their draw, the questions
 * visible for their answers), in form order, each marked correct or not exactly as
 * `scoreResponse` counts it. What a page shows after submitting where the campaign shows
 * respondents their score; never before (the link view carries no `correctAnswer`).
 *
 * @param form the form JSON (the published version answered, not a personalised copy)
 * @param answers the response as SurveyJS `survey.data`
 * @param options `seed` of the respondent's draw
 * @example
 * quizReview(templates.quiz, { charter01: 'A' }, { seed: token })
 * // [{ question: 'charter01', correctAnswer: 'A', correct: true, points: 1 }, …29 more]
 */
export function quizReview(
  form: FormJson,
  answers: Answers,
  { seed }: QuizReviewOptions = {},
): QuizReviewItem[] {
  const plan = compileForm(form)
  if (!plan.hasQuiz) return []
  const drawn = seed === undefined ? undefined : drawnByBank(form, seed)
  const isVisible = visibilityFor(plan, answers, drawn)
  const items: QuizReviewItem[] = []
  for (const question of plan.questions) {
    if (question.mode !== 'quiz' || !isVisible(question)) continue
    const answer = answers[question.key]
    const correct = !isEmpty(answer) && isCorrect(answer, question.correctAnswer, question.grading)
    items.push({
      question: question.name,
      correctAnswer: question.correctAnswer,
      correct,
      points: correct ? question.points : 0,
    })
  }
  return items
}
