import { Helpers, settings } from 'survey-core'
import { isEmpty } from './answer'
import { drawnByBank } from './draw'
import {
  chosenChoices,
  compileForm,
  type Grading,
  type PlannedChoice,
  type PlannedQuestion,
} from './plan'
import { figures } from './satisfaction'
import { localizedText } from './text'
import type { Answers, FormJson, Problem, ScorePart, ScoreResult } from './types'
import { visibilityFor } from './visibility'

/** Options of `scoreResponse`. */
export interface ScoreOptions {
  /** Identifies the respondent for quiz draws; without it every bank question counts. */
  seed?: string
  /** Locale of problem titles (default: the form's default text, zh-CN). */
  locale?: string
}

interface Tally {
  score: number
  maxScore: number
}

/**
 * Scores one response exactly per docs/DESIGN.md §2 "Scoring one response", against a plan compiled
 * once per form (see `compileForm`).
 *
 * @param form the form JSON (a published version)
 * @param answers the response as SurveyJS `survey.data`
 * @param options `seed` for quiz draws, `locale` for problem titles
 * @example
 * const result = scoreResponse(templates.satisfaction, { study: 'satisfied' })
 * result.satisfaction?.rate // 1
 */
export function scoreResponse(
  form: FormJson,
  answers: Answers,
  options: ScoreOptions = {},
): ScoreResult {
  const plan = compileForm(form)
  const drawn = options.seed === undefined ? undefined : drawnByBank(form, options.seed)
  const isVisible = visibilityFor(plan, answers, drawn)

  let normal = 0
  let maximum = 0
  let bonus = 0
  let deduction = 0
  // Bonus and deduction points outside every dimension still move a weighted percent.
  let looseAdjustment = 0
  let bonusLeft = plan.bonusCap ?? Number.POSITIVE_INFINITY
  const dimensions = new Map<string, Tally>()
  const problems: Problem[] = []
  const problemNotes = new Map<string, unknown>()
  const satisfaction = { satisfied: 0, answered: 0, scoreSum: 0 }
  const quiz = { correct: 0, drawn: 0 }
  let veto = false

  for (const question of plan.questions) {
    if (!isVisible(question)) continue
    const answer = answers[question.key]
    const answered = !isEmpty(answer)
    if (question.problemOf !== undefined && answered) problemNotes.set(question.problemOf, answer)
    if (question.mode === 'quiz') {
      quiz.drawn++
      if (answered && isCorrect(answer, question.correctAnswer, question.grading)) quiz.correct++
    }

    const chosen = answered ? chosenChoices(question, answer) : []
    if (chosen.some((c) => c.veto)) veto = true
    if (chosen.some((c) => c.problem)) problems.push(problemOf(question, answer, options.locale))
    if (question.hasSatisfaction && chosen.length > 0) {
      satisfaction.answered++
      if (chosen.some((c) => c.satisfied)) satisfaction.satisfied++
      satisfaction.scoreSum += chosen[0]?.score ?? 0
    }

    if (question.mode === 'none') continue
    let points = answered ? pointsOf(question, answer, chosen) : 0
    const tally = question.dimension === undefined ? undefined : dimensionTally(question.dimension)
    switch (question.scoreKind) {
      case 'bonus':
        points = Math.max(0, Math.min(points, bonusLeft))
        bonusLeft -= points
        bonus += points
        if (tally) tally.score += points
        else looseAdjustment += points
        break
      case 'deduction':
        deduction += points
        if (tally) tally.score -= points
        else looseAdjustment -= points
        break
      case 'normal':
        normal += points
        maximum += question.maximum
        if (tally) {
          tally.score += points
          tally.maxScore += question.maximum
        }
        break
    }
  }

  for (const problem of problems) attachNote(problem, problemNotes.get(problem.question))

  const score = Math.max(0, normal + bonus - deduction)
  const dimensionParts = Object.fromEntries(
    [...dimensions].map(([name, t]) => [name, part(Math.max(0, t.score), t.maxScore)]),
  )
  const result: ScoreResult = {
    score,
    maxScore: maximum,
    percent: plan.weighted
      ? Math.max(0, weightedPercent(dimensionParts) + part(looseAdjustment, maximum).percent)
      : part(score, maximum).percent,
    dimensions: dimensionParts,
    veto,
    problems,
  }
  if (plan.hasSatisfaction) {
    result.satisfaction = figures(
      satisfaction.satisfied,
      satisfaction.answered,
      satisfaction.scoreSum,
    )
  }
  if (plan.hasQuiz) result.quiz = quiz
  return result

  function dimensionTally(name: string): Tally {
    let tally = dimensions.get(name)
    if (!tally) {
      tally = { score: 0, maxScore: 0 }
      dimensions.set(name, tally)
    }
    return tally
  }

  function weightedPercent(parts: Record<string, ScorePart>): number {
    let weighted = 0
    let weights = 0
    for (const dimension of plan.dimensions) {
      const dimensionPart = parts[dimension.name]
      if (!dimensionPart || dimensionPart.maxScore <= 0) continue
      const weight = dimension.weight ?? 1
      weighted += weight * dimensionPart.percent
      weights += weight
    }
    return weights > 0 ? weighted / weights : 0
  }
}

function part(score: number, maxScore: number): ScorePart {
  return { score, maxScore, percent: maxScore > 0 ? (score / maxScore) * 100 : 0 }
}

/** The points an answer earns on a scored question (before bonus caps and signs of its kind). */
export function pointsOf(
  question: PlannedQuestion,
  answer: unknown,
  chosen: PlannedChoice[],
): number {
  switch (question.mode) {
    case 'single':
      return chosen[0]?.score ?? 0
    case 'multiple': {
      const sum = chosen.reduce((total, c) => total + (c.score ?? 0), 0)
      return question.maxScore === undefined ? sum : Math.min(sum, question.maxScore)
    }
    case 'number':
      return typeof answer === 'number' && Number.isFinite(answer) ? answer : 0
    case 'quiz':
      return isCorrect(answer, question.correctAnswer, question.grading) ? question.points : 0
    case 'none':
      return 0
  }
}

/**
 * Whether an answer equals `correctAnswer` as SurveyJS 3.1.1's `isAnswerCorrect` decides it, by
 * survey-core's own comparison: text ignoring case and outer spaces, `1` equal to `'1'`, objects
 * (matrix, multiple text) whatever their key order; a `set` (checkbox, tagbox) in any order, a
 * `sequence` (ranking) in the same order. One deliberate difference: a value repeated in a `set`
 * counts once, so `['a', 'a']` is not `['a', 'b']` (SurveyJS calls it correct).
 */
export function isCorrect(answer: unknown, correct: unknown, grading: Grading = 'value'): boolean {
  if (answer === undefined) return false
  switch (grading) {
    case 'set': {
      if (!Array.isArray(answer) || !Array.isArray(correct)) return false
      return Helpers.isArrayContainsEqual(distinct(answer), correct)
    }
    case 'sequence':
      return Helpers.isArraysEqual(answer, correct, false)
    case 'value':
      return Helpers.isTwoValueEquals(
        answer,
        correct,
        false,
        settings.comparator.caseSensitive,
        true,
      )
  }
}

/** The values of a list, each once (equal as SurveyJS compares them). */
function distinct(values: unknown[]): unknown[] {
  return values.filter((v, i) => values.findIndex((w) => Helpers.isTwoValueEquals(v, w)) === i)
}

function problemOf(question: PlannedQuestion, answer: unknown, locale?: string): Problem {
  return {
    question: question.name,
    title: localizedText(question.title, locale, question.name),
    answer,
  }
}

function attachNote(problem: Problem, entry: unknown): void {
  if (entry === undefined) return
  if (typeof entry === 'string') {
    problem.note = entry
    return
  }
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const details = entry as Record<string, unknown>
    problem.details = details
    const description = details.description ?? Object.values(details).find(isText)
    if (isText(description)) problem.note = description
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}
