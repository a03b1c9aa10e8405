import { Helpers, type ItemValue, Model, type Question } from 'survey-core'
import '../src/extensions'
import { personalize } from '../src/draw'
import type { Answers, FormJson, ScorePart, ScoreResult } from '../src/types'

/**
 * The slow oracle: scores a response through a full SurveyJS `Model` (its own visibility,
 * its own choice objects, its own `isAnswerCorrect`), applying docs/DESIGN.md §2 to what the
 * Model says. The scoring plan must give exactly this.
 */
export function scoreWithModel(form: FormJson, answers: Answers, seed?: string): ScoreResult {
  return scoreWithModelInstance(
    new Model(seed === undefined ? form : personalize(form, seed)),
    form,
    answers,
  )
}

/** The same oracle on a Model the caller keeps (a reused Model, as a baseline for speed). */
export function scoreWithModelInstance(
  model: Model,
  form: FormJson,
  answers: Answers,
): ScoreResult {
  model.data = answers
  let normal = 0
  let maximum = 0
  let bonus = 0
  let deduction = 0
  let loose = 0
  let bonusLeft = typeof form.bonusCap === 'number' ? form.bonusCap : Number.POSITIVE_INFINITY
  const dims = new Map<string, { score: number; maxScore: number }>()
  const problems: Array<{ name: string; key: string }> = []
  let veto = false
  let satisfied = 0
  let answered = 0
  let scoreSum = 0
  let hasSatisfaction = false
  let quiz: { correct: number; drawn: number } | undefined
  // Questions inside dynamic panels and matrices are not scored (the SDK reads top-level answers).
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    // A dynamic panel is not scored as one question either (the SDK does not grade it).
    if (question.getType() === 'paneldynamic') continue
    const items = itemsOf(question)
    const itemHasSatisfied = items.some((i) => i.getPropertyValue('satisfied') === true)
    hasSatisfaction ||= itemHasSatisfied
    // SurveyJS's own test: a correct answer left after dropping values that are no choice.
    const isQuiz = (
      question as unknown as { hasCorrectAnswerValue(): boolean }
    ).hasCorrectAnswerValue()
    if (isQuiz) quiz ??= { correct: 0, drawn: 0 }
    if (!question.isVisibleInSurvey) continue
    const selected = selectedItems(question, items)
    if (selected.some((i) => i.getPropertyValue('veto') === true)) veto = true
    if (selected.some((i) => i.getPropertyValue('problem') === true))
      problems.push({ name: question.name, key: question.getValueName() })
    if (itemHasSatisfied && selected.length) {
      answered++
      if (selected.some((i) => i.getPropertyValue('satisfied') === true)) satisfied++
      scoreSum += score(selected[0])
    }
    let points = 0
    let max = 0
    const maxScore = question.getPropertyValue('maxScore') as number | undefined
    if (isQuiz) {
      if (quiz) quiz.drawn++
      const correct = !question.isEmpty() && question.isAnswerCorrect()
      if (correct && quiz) quiz.correct++
      points = correct ? (question.getPropertyValue('points') ?? 1) : 0
      max = question.getPropertyValue('points') ?? 1
    } else if (isMultiSelect(question)) {
      if (!items.some((i) => typeof i.getPropertyValue('score') === 'number')) continue
      const sum = selected.reduce((t, i) => t + score(i), 0)
      points = maxScore === undefined ? sum : Math.min(sum, maxScore)
      max = maxScore ?? items.reduce((t, i) => t + Math.max(0, score(i)), 0)
    } else if (items.length) {
      const scores = items
        .map((i) => i.getPropertyValue('score'))
        .filter((s) => typeof s === 'number')
      if (!scores.length) continue
      points = selected[0] ? score(selected[0]) : 0
      max = Math.max(0, ...scores)
    } else if (question.getType() === 'text' && maxScore !== undefined) {
      points = typeof question.value === 'number' ? question.value : 0
      max = maxScore
    } else continue
    const dimension = question.getPropertyValue('dimension') as string | undefined
    const tally = dimension ? (dims.get(dimension) ?? { score: 0, maxScore: 0 }) : undefined
    if (dimension && tally) dims.set(dimension, tally)
    const kind = question.getPropertyValue('scoreKind') ?? 'normal'
    if (kind === 'bonus') {
      points = Math.max(0, Math.min(points, bonusLeft))
      bonusLeft -= points
      bonus += points
      if (tally) tally.score += points
      else loose += points
    } else if (kind === 'deduction') {
      deduction += points
      if (tally) tally.score -= points
      else loose -= points
    } else {
      normal += points
      maximum += max
      if (tally) {
        tally.score += points
        tally.maxScore += max
      }
    }
  }
  const part = (s: number, m: number): ScorePart => ({
    score: s,
    maxScore: m,
    percent: m > 0 ? (s / m) * 100 : 0,
  })
  const dimensions = Object.fromEntries(
    [...dims].map(([n, t]) => [n, part(Math.max(0, t.score), t.maxScore)]),
  )
  const total = Math.max(0, normal + bonus - deduction)
  const declared = form.dimensions ?? []
  let percent = part(total, maximum).percent
  if (declared.some((d) => d.weight !== undefined)) {
    let weighted = 0
    let weights = 0
    for (const d of declared) {
      const p = dimensions[d.name]
      if (!p || p.maxScore <= 0) continue
      weighted += (d.weight ?? 1) * p.percent
      weights += d.weight ?? 1
    }
    const adjustment = maximum > 0 ? (loose / maximum) * 100 : 0
    percent = Math.max(0, (weights > 0 ? weighted / weights : 0) + adjustment)
  }
  const result: ScoreResult = {
    score: total,
    maxScore: maximum,
    percent,
    dimensions,
    veto,
    problems: problems.map(({ name, key }) => ({
      question: name,
      title: '',
      answer: answers[key],
    })),
  }
  if (hasSatisfaction) {
    result.satisfaction = {
      satisfied,
      answered,
      rate: answered ? satisfied / answered : 0,
      index: answered ? scoreSum / answered : 0,
    }
  }
  if (quiz) result.quiz = quiz
  return result
}

/** Checkbox and tagbox (and a multi-select image picker) hold lists: scored as a sum. */
function isMultiSelect(question: Question): boolean {
  const type = question.getType()
  if (type === 'checkbox' || type === 'tagbox') return true
  return type === 'imagepicker' && (question as unknown as { multiSelect: boolean }).multiSelect
}

function itemsOf(question: Question): ItemValue[] {
  const q = question as unknown as { choices?: ItemValue[]; rateValues?: ItemValue[] }
  if (question.getType() === 'rating') return q.rateValues ?? []
  return q.choices ?? []
}

/** The items SurveyJS itself shows selected (`isItemSelected`: its own equality per type). */
function selectedItems(question: Question, items: ItemValue[]): ItemValue[] {
  if (question.isEmpty()) return []
  const q = question as unknown as { isItemSelected?: (item: ItemValue) => boolean }
  // An image picker also asks whether the image loaded (rendering, not the answer).
  if (question.getType() === 'imagepicker') {
    const values: unknown[] = Array.isArray(question.value) ? question.value : [question.value]
    return items.filter((item) => values.some((v) => Helpers.isTwoValueEquals(v, item.value)))
  }
  return items.filter((item) => q.isItemSelected?.(item) ?? false)
}

function score(item: ItemValue | undefined): number {
  const s = item?.getPropertyValue('score')
  return typeof s === 'number' ? s : 0
}
