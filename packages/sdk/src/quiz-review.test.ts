import { describe, expect, it } from 'vitest'
import { drawQuestions } from './draw'
import { compileForm } from './plan'
import { quizReview } from './quiz-review'
import { scoreResponse } from './score'
import { templates } from './templates/index'

describe('quizReview', () => {
  const seed = 'member-7'
  const drawn = drawQuestions(templates.quiz, seed)
  const plan = compileForm(templates.quiz)

  it('lists the drawn questions only, with their correct answers, in form order', () => {
    const review = quizReview(templates.quiz, {}, { seed })
    expect(review.map((item) => item.question)).toEqual(drawn)
    for (const item of review) {
      expect(item.correctAnswer).toBe(plan.byName.get(item.question)?.correctAnswer)
      expect(item).toMatchObject({ correct: false, points: 0 })
    }
  })

  it('marks each answer exactly as scoreResponse counts it', () => {
    const answers: Record<string, unknown> = {}
    drawn.forEach((name, i) => {
      const correct = plan.byName.get(name)?.correctAnswer
      answers[name] = i % 3 === 0 ? 'Z' : correct
    })
    const review = quizReview(templates.quiz, answers, { seed })
    const score = scoreResponse(templates.quiz, answers, { seed })
    expect(review.filter((item) => item.correct)).toHaveLength(score.quiz?.correct ?? -1)
    expect(review.reduce((sum, item) => sum + item.points, 0)).toBe(score.score)
    expect(review[0]).toMatchObject({ question: drawn[0], correct: false, points: 0 })
    expect(review[1]).toMatchObject({ question: drawn[1], correct: true, points: 1 })
  })

  it('is empty for a form without quiz questions', () => {
    expect(quizReview(templates.satisfaction, {})).toEqual([])
  })
})
