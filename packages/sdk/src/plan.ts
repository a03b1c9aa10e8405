import { ConditionRunner } from 'survey-core'
import './extensions'
import type { ScoreKind } from './kinds'
import type { ChoiceJson, DimensionJson, ElementJson, FormJson, LocalizedText } from './types'
import { type Container, formPages, isPanel, walkElements } from './walk'

/** A choice's scoring flags, keyed in the plan by the choice value as text. */
export interface PlannedChoice {
  value: unknown
  score: number | undefined
  satisfied: boolean
  problem: boolean
  veto: boolean
}

/** How a question is scored. */
export const SCORING_MODES = ['single', 'multiple', 'number', 'quiz', 'none'] as const
export type ScoringMode = (typeof SCORING_MODES)[number]

/** One question of the scoring plan: everything scoring needs, read once from the form. */
export interface PlannedQuestion {
  name: string
  type: string
  title: LocalizedText | undefined
  path: string
  mode: ScoringMode
  choices: Map<string, PlannedChoice>
  /** Largest choice score (single), positive-score sum or `maxScore` (multiple), `maxScore` (number), points (quiz). */
  maximum: number
  maxScore: number | undefined
  scoreKind: ScoreKind
  dimension: string | undefined
  points: number
  correctAnswer: unknown
  isRequired: boolean
  problemOf: string | undefined
  hasSatisfaction: boolean
  /** Indexes into `ScoringPlan.conditions`: the question's own `visibleIf` and its containers'. */
  conditions: number[]
  /** Hidden for good by `visible: false` (with no `visibleIf`) on it or a container. */
  alwaysHidden: boolean
  /** Every bank (drawCount container) around it, with the bank item (direct child) it sits in. */
  banks: Array<{ id: string; item: string }>
  element: ElementJson
}

/** A page or panel with `drawCount`: each respondent sees `drawCount` of its direct children. */
export interface PlannedBank {
  id: string
  path: string
  drawCount: number
  items: string[]
}

/** A form compiled once for scoring many responses (docs/DESIGN.md §5). */
export interface ScoringPlan {
  questions: PlannedQuestion[]
  byName: Map<string, PlannedQuestion>
  conditions: ConditionRunner[]
  banks: PlannedBank[]
  dimensions: DimensionJson[]
  weighted: boolean
  bonusCap: number | undefined
  hasSatisfaction: boolean
  hasQuiz: boolean
}

const SINGLE_CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'imagepicker',
  'rating',
  'buttongroup',
])
const MULTIPLE_CHOICE_TYPES = new Set(['checkbox', 'tagbox'])

const plans = new WeakMap<FormJson, ScoringPlan>()

/**
 * Compiles a form into a scoring plan: questions, choices and scores, and each `visibleIf`
 * compiled once by survey-core's `ConditionRunner`. Plans are cached per form object, so a
 * form must not be mutated after it was first scored (clone it to change it).
 *
 * @example
 * const plan = compileForm(templates.satisfaction)
 * plan.questions.length // 9
 */
export function compileForm(form: FormJson): ScoringPlan {
  const cached = plans.get(form)
  if (cached) return cached
  const plan = buildPlan(form)
  plans.set(form, plan)
  return plan
}

function buildPlan(form: FormJson): ScoringPlan {
  const conditions: ConditionRunner[] = []
  const conditionIndex = new Map<string, number>()
  const conditionOf = (expression: unknown): number[] => {
    if (typeof expression !== 'string' || expression.trim() === '') return []
    let index = conditionIndex.get(expression)
    if (index === undefined) {
      index = conditions.push(new ConditionRunner(expression)) - 1
      conditionIndex.set(expression, index)
    }
    return [index]
  }

  const banks = findBanks(form)
  const bankOf = new Map<Container, PlannedBank>()
  for (const [container, bank] of banks) bankOf.set(container, bank)

  const questions: PlannedQuestion[] = []
  for (const { element, path, ancestors } of walkElements(form)) {
    if (isPanel(element) || typeof element.name !== 'string') continue
    const chain = [...ancestors, element]
    const choices = plannedChoices(element)
    const mode = scoringMode(element, choices)
    questions.push({
      name: element.name,
      type: element.type,
      title: element.title,
      path,
      mode,
      choices,
      maximum: maximumOf(mode, element, choices),
      maxScore: finite(element.maxScore),
      scoreKind: element.scoreKind ?? 'normal',
      dimension: typeof element.dimension === 'string' ? element.dimension : undefined,
      points: finite(element.points) ?? 1,
      correctAnswer: element.correctAnswer,
      isRequired: element.isRequired === true,
      problemOf: typeof element.problemOf === 'string' ? element.problemOf : undefined,
      hasSatisfaction: [...choices.values()].some((c) => c.satisfied),
      conditions: chain.flatMap((c) => conditionOf(c.visibleIf)),
      // SurveyJS lets a `visibleIf` decide `visible`, so `visible: false` alone hides for good.
      alwaysHidden: chain.some((c) => c.visible === false && !c.visibleIf),
      banks: bankItemsOf(chain, bankOf),
      element,
    })
  }

  const dimensions = Array.isArray(form.dimensions) ? form.dimensions : []
  return {
    questions,
    byName: new Map(questions.map((q) => [q.name, q])),
    conditions,
    banks: [...banks.values()],
    dimensions,
    weighted: dimensions.some((d) => d && d.weight !== undefined),
    bonusCap: finite(form.bonusCap),
    hasSatisfaction: questions.some((q) => q.hasSatisfaction),
    hasQuiz: questions.some((q) => q.mode === 'quiz'),
  }
}

function scoringMode(element: ElementJson, choices: Map<string, PlannedChoice>): ScoringMode {
  if (element.correctAnswer !== undefined) return 'quiz'
  // A choice question counts only when some choice carries a score.
  const scored = [...choices.values()].some((c) => c.score !== undefined)
  if (SINGLE_CHOICE_TYPES.has(element.type)) return scored ? 'single' : 'none'
  if (MULTIPLE_CHOICE_TYPES.has(element.type)) return scored ? 'multiple' : 'none'
  if (element.type === 'text' && finite(element.maxScore) !== undefined) return 'number'
  return 'none'
}

/** Choices of a question as SurveyJS reads them: `choices`, or `rateValues` for ratings. */
export function choiceList(element: ElementJson): ChoiceJson[] {
  const raw = element.type === 'rating' ? element.rateValues : element.choices
  if (!Array.isArray(raw)) return []
  return raw.map((c) => (c !== null && typeof c === 'object' ? c : { value: c }))
}

/** The key a value is matched by: SurveyJS compares choice values loosely, `1` equals `'1'`. */
export function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The choices an answer picks; unknown values pick nothing. */
export function chosenChoices(question: PlannedQuestion, answer: unknown): PlannedChoice[] {
  if (question.choices.size === 0) return []
  const values = Array.isArray(answer) ? answer : [answer]
  const chosen: PlannedChoice[] = []
  for (const value of values) {
    const choice = question.choices.get(valueKey(value))
    if (choice) chosen.push(choice)
  }
  return chosen
}

function plannedChoices(element: ElementJson): Map<string, PlannedChoice> {
  const choices = new Map<string, PlannedChoice>()
  for (const choice of choiceList(element)) {
    choices.set(valueKey(choice.value), {
      value: choice.value,
      score: finite(choice.score),
      satisfied: choice.satisfied === true,
      problem: choice.problem === true,
      veto: choice.veto === true,
    })
  }
  return choices
}

function maximumOf(
  mode: ScoringMode,
  element: ElementJson,
  choices: Map<string, PlannedChoice>,
): number {
  const scores = [...choices.values()].flatMap((c) => (c.score === undefined ? [] : [c.score]))
  switch (mode) {
    case 'single':
      return scores.length ? Math.max(0, ...scores) : 0
    case 'multiple':
      return finite(element.maxScore) ?? scores.filter((s) => s > 0).reduce((a, b) => a + b, 0)
    case 'number':
      return finite(element.maxScore) ?? 0
    case 'quiz':
      return finite(element.points) ?? 1
    case 'none':
      return 0
  }
}

function findBanks(form: FormJson): Map<Container, PlannedBank> {
  const banks = new Map<Container, PlannedBank>()
  const add = (container: Container, id: string, path: string): void => {
    const drawCount = finite(container.drawCount)
    if (drawCount === undefined) return
    const items = (container.elements ?? []).map((e) => e?.name).filter(isString)
    banks.set(container, { id, path, drawCount, items })
  }
  for (const { page, path } of formPages(form)) add(page, page.name ?? path, path)
  for (const { element, path } of walkElements(form)) {
    if (isPanel(element)) add(element, element.name, path)
  }
  return banks
}

function bankItemsOf(
  chain: Container[],
  bankOf: Map<Container, PlannedBank>,
): PlannedQuestion['banks'] {
  const items: PlannedQuestion['banks'] = []
  chain.forEach((container, i) => {
    const bank = bankOf.get(container)
    const item = chain[i + 1]?.name
    if (bank && typeof item === 'string') items.push({ id: bank.id, item })
  })
  return items
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}
