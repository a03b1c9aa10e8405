import { compileForm, type FormJson, localizedText, type ScoringPlan } from '@yardstick/sdk'
import type { AnswerGroup } from './question-sql'

type PlannedQuestion = ScoringPlan['questions'][number]

/** Elements that have a name but never an answer. */
const DISPLAY_ONLY_TYPES = new Set(['html', 'image'])

/** One question's figures over the responses in scope. */
export interface QuestionStats {
  name: string
  /** The title in Chinese (the form's default text), else the name. */
  title: string
  type: string
  /** Responses with a non-empty answer. */
  answered: number
  /** Per choice value (every choice, in form order, then any other value seen): responses choosing it. */
  counts: Record<string, number>
  /** `counts / answered` (a checkbox's shares add up to more than 1). */
  shares: Record<string, number>
  /** Mean choice score (scored single choice) or mean value (numbers, ratings); else null. */
  mean: number | null
  /** Satisfied votes / answered, for questions with `satisfied` choices; else null. */
  satisfactionRate: number | null
  /** Per choice value, its text in Chinese and English (the value itself when it has none). */
  choiceTexts: Record<string, { 'zh-CN': string; en: string }>
}

/** Satisfaction pooled over every satisfaction question, as `summarizeSatisfaction().overall`. */
export interface OverallSatisfaction {
  satisfied: number
  answered: number
  rate: number
  index: number
}

/**
 * The questions of a form that are counted, and which of them are grouped by value.
 *
 * @example
 * countedQuestions(templates.satisfaction).categorical.length // 10
 */
export function countedQuestions(form: FormJson): {
  questions: PlannedQuestion[]
  categorical: string[]
} {
  const questions = compileForm(form).questions.filter((q) => !DISPLAY_ONLY_TYPES.has(q.type))
  return { questions, categorical: questions.filter(isCategorical).map((q) => q.name) }
}

function isCategorical(question: PlannedQuestion): boolean {
  return question.choices.size > 0 || question.type === 'boolean' || question.type === 'rating'
}

// SurveyJS matches choice values loosely (`1` equals `'1'`), as the SDK's plan keys them.
function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

interface Tally {
  answered: number
  counts: Record<string, number>
  known: number
  satisfied: number
  scoreSum: number
  numberSum: number
  numberCount: number
}

/**
 * Turns SQL answer groups into per-question figures with the SDK's rules: a single answer counts
 * its first known choice, as `summarizeSatisfaction` does, so satisfaction rates and means (its
 * `index`) are equal to the SDK's on the same answers.
 *
 * @example
 * const { questions, overall } = questionStats(form, await loadAnswerGroups(db, query))
 */
export function questionStats(form: FormJson, groups: readonly AnswerGroup[]) {
  const { questions } = countedQuestions(form)
  const tallies = new Map(questions.map((q) => [q.name, emptyTally(q)]))
  const byName = new Map(questions.map((q) => [q.name, q]))
  for (const group of groups) {
    const question = byName.get(group.name)
    const tally = tallies.get(group.name)
    if (!question || !tally) continue
    tally.answered += group.n
    tally.numberSum += group.numberSum ?? 0
    tally.numberCount += group.numberCount
    if (isCategorical(question)) countValues(question, tally, group)
  }
  const overall = { satisfied: 0, answered: 0, scoreSum: 0 }
  const stats = questions.map((question) => {
    const tally = tallies.get(question.name) as Tally
    if (question.hasSatisfaction) {
      overall.satisfied += tally.satisfied
      overall.answered += tally.known
      overall.scoreSum += tally.scoreSum
    }
    return statsOf(question, tally)
  })
  const anySatisfaction = questions.some((q) => q.hasSatisfaction)
  return { questions: stats, overall: anySatisfaction ? overallOf(overall) : null }
}

function emptyTally(question: PlannedQuestion): Tally {
  const counts: Record<string, number> = {}
  for (const key of question.choices.keys()) counts[key] = 0
  if (question.type === 'boolean' && question.choices.size === 0) {
    counts.true = 0
    counts.false = 0
  }
  return { answered: 0, counts, known: 0, satisfied: 0, scoreSum: 0, numberSum: 0, numberCount: 0 }
}

function countValues(question: PlannedQuestion, tally: Tally, group: AnswerGroup): void {
  const values = Array.isArray(group.value) ? group.value : [group.value]
  for (const key of new Set(values.map(valueKey))) {
    tally.counts[key] = (tally.counts[key] ?? 0) + group.n
  }
  const first = values.map((value) => question.choices.get(valueKey(value))).find(Boolean)
  if (!first) return
  tally.known += group.n
  if (first.satisfied) tally.satisfied += group.n
  tally.scoreSum += (first.score ?? 0) * group.n
}

function statsOf(question: PlannedQuestion, tally: Tally): QuestionStats {
  const shares: Record<string, number> = {}
  for (const [key, count] of Object.entries(tally.counts)) {
    shares[key] = tally.answered === 0 ? 0 : count / tally.answered
  }
  return {
    name: question.name,
    title: localizedText(question.title, 'zh-CN', question.name),
    type: question.type,
    answered: tally.answered,
    counts: tally.counts,
    shares,
    mean: meanOf(question, tally),
    satisfactionRate:
      question.hasSatisfaction && tally.known > 0 ? tally.satisfied / tally.known : null,
    choiceTexts: choiceTexts(question),
  }
}

// Choices as SurveyJS reads them (`choices`, or `rateValues` for ratings), so charts can name them.
function choiceTexts(question: PlannedQuestion): QuestionStats['choiceTexts'] {
  const { element } = question
  const raw: unknown = element.type === 'rating' ? element.rateValues : element.choices
  const texts: QuestionStats['choiceTexts'] = {}
  if (!Array.isArray(raw)) return texts
  for (const item of raw) {
    const choice = item !== null && typeof item === 'object' ? item : { value: item }
    const key = valueKey(choice.value)
    const text = choice.text ?? (typeof choice.value === 'string' ? choice.value : key)
    texts[key] = { 'zh-CN': localizedText(text, 'zh-CN', key), en: localizedText(text, 'en', key) }
  }
  return texts
}

function meanOf(question: PlannedQuestion, tally: Tally): number | null {
  if (question.mode === 'single') return tally.known > 0 ? tally.scoreSum / tally.known : null
  const numeric =
    question.mode === 'number' ||
    (question.type === 'rating' && question.choices.size === 0) ||
    (question.type === 'text' && question.element.inputType === 'number')
  if (!numeric || tally.numberCount === 0) return null
  return tally.numberSum / tally.numberCount
}

function overallOf({
  satisfied,
  answered,
  scoreSum,
}: {
  satisfied: number
  answered: number
  scoreSum: number
}) {
  return {
    satisfied,
    answered,
    rate: answered === 0 ? 0 : satisfied / answered,
    index: answered === 0 ? 0 : scoreSum / answered,
  }
}
