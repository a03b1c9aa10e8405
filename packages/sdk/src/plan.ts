import { ConditionRunner, ExpressionRunner } from 'survey-core'
import './extensions'
import { isEmpty } from './answer'
import { isOff, isOn } from './json-boolean'
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
  /** Where SurveyJS stores the question's value in `survey.data`: its `valueName`, else its name. */
  key: string
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
  /** How an answer is compared with `correctAnswer`, as SurveyJS's `isAnswerCorrect` does per type. */
  grading: Grading
  isRequired: boolean
  problemOf: string | undefined
  hasSatisfaction: boolean
  /** Indexes into `ScoringPlan.conditions`: the question's own `visibleIf` and its containers'. */
  conditions: number[]
  /** Hidden for good by `visible: false` (with no `visibleIf`) on it or a container. */
  alwaysHidden: boolean
  /** Whether completing clears its value when it is hidden (`clearIfInvisible`, else the form's `clearInvisibleValues`). */
  clearedWhenHidden: boolean
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
  /** Questions by the key their value is stored under (several may share one `valueName`). */
  byKey: Map<string, PlannedQuestion[]>
  conditions: ConditionRunner[]
  /** The form's `calculatedValues`, in order: conditions may read them like answers. */
  calculated: Array<{ name: string; runner: ExpressionRunner }>
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

/**
 * How SurveyJS 3.1.1 grades a question's answer (`isAnswerCorrect`): `set` — checkbox, tagbox,
 * multi-select image picker: the same values in any order; `sequence` — ranking: the same order;
 * `value` — everything else: equal values (text ignoring case and outer spaces, objects whatever
 * their key order).
 */
export type Grading = 'value' | 'set' | 'sequence'

/** Whether a question holds a list of chosen values (checkbox, tagbox, multi-select image picker). */
export function isMultiSelect(element: ElementJson): boolean {
  return (
    MULTIPLE_CHOICE_TYPES.has(element.type) ||
    (element.type === 'imagepicker' && isOn(element.multiSelect))
  )
}

function gradingOf(element: ElementJson): Grading {
  if (element.type === 'ranking') return 'sequence'
  return isMultiSelect(element) ? 'set' : 'value'
}

/** The JSON key of a question's value: SurveyJS stores it under `valueName` when one is set. */
export function valueKeyOf(element: ElementJson): string {
  return typeof element.valueName === 'string' && element.valueName !== ''
    ? element.valueName
    : element.name
}

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
      const runner = new ConditionRunner(expression)
      // SurveyJS ignores an expression it cannot parse: the element stays visible.
      if (!runner.canRun()) return []
      index = conditions.push(runner) - 1
      conditionIndex.set(expression, index)
    }
    return [index]
  }

  const banks = findBanks(form)
  const bankOf = new Map<Container, PlannedBank>()
  for (const [container, bank] of banks) bankOf.set(container, bank)

  const clearMode =
    typeof form.clearInvisibleValues === 'string' ? form.clearInvisibleValues : 'onComplete'
  // SurveyJS never clears the values of a start page (`firstPageIsStartPage`).
  const hasStartPage = isOn(form.firstPageIsStartPage)
  const onStartPage = (path: string): boolean =>
    hasStartPage && (Array.isArray(form.pages) ? path.startsWith('pages[0].') : true)
  const questions: PlannedQuestion[] = []
  for (const { element, path, ancestors } of walkElements(form)) {
    if (isPanel(element) || typeof element.name !== 'string') continue
    const chain = [...ancestors, element]
    const choices = plannedChoices(element)
    const correctAnswer = correctAnswerOf(element, choices)
    const mode = scoringMode(element, choices, correctAnswer)
    const ownClear =
      typeof element.clearIfInvisible === 'string' && element.clearIfInvisible !== 'default'
        ? element.clearIfInvisible
        : clearMode
    questions.push({
      name: element.name,
      key: valueKeyOf(element),
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
      correctAnswer,
      grading: gradingOf(element),
      isRequired: isOn(element.isRequired),
      problemOf: typeof element.problemOf === 'string' ? element.problemOf : undefined,
      hasSatisfaction: [...choices.values()].some((c) => c.satisfied),
      conditions: chain.flatMap((c) => conditionOf(c.visibleIf)),
      // SurveyJS lets a `visibleIf` decide `visible`, so `visible: false` alone hides for good.
      alwaysHidden: chain.some((c) => isOff(c.visible) && !c.visibleIf),
      clearedWhenHidden: ownClear !== 'none' && !onStartPage(path),
      banks: bankItemsOf(chain, bankOf),
      element,
    })
  }

  const dimensions = Array.isArray(form.dimensions) ? form.dimensions : []
  const byKey = new Map<string, PlannedQuestion[]>()
  for (const question of questions)
    byKey.set(question.key, [...(byKey.get(question.key) ?? []), question])
  return {
    questions,
    byName: new Map(questions.map((q) => [q.name, q])),
    byKey,
    conditions,
    calculated: calculatedValuesOf(form),
    banks: [...banks.values()],
    dimensions,
    weighted: dimensions.some((d) => d && d.weight !== undefined),
    bonusCap: finite(form.bonusCap),
    hasSatisfaction: questions.some((q) => q.hasSatisfaction),
    hasQuiz: questions.some((q) => q.mode === 'quiz'),
  }
}

function scoringMode(
  element: ElementJson,
  choices: Map<string, PlannedChoice>,
  correctAnswer: unknown,
): ScoringMode {
  if (!isEmpty(correctAnswer) && !UNGRADED_TYPES.has(element.type)) return 'quiz'
  // A choice question counts only when some choice carries a score.
  const scored = [...choices.values()].some((c) => c.score !== undefined)
  if (isMultiSelect(element)) return scored ? 'multiple' : 'none'
  if (SINGLE_CHOICE_TYPES.has(element.type)) return scored ? 'single' : 'none'
  if (element.type === 'text' && finite(element.maxScore) !== undefined) return 'number'
  return 'none'
}

/** Questions holding other questions' answers (dynamic panels): never graded as one question. */
const UNGRADED_TYPES = new Set(['paneldynamic'])

/** Special choices SurveyJS adds to a select question's visible choices, by the flag adding each. */
const SPECIAL_CHOICES: Array<[flag: string, legacy: string, value: string]> = [
  ['showOtherItem', 'hasOther', 'other'],
  ['showNoneItem', 'hasNone', 'none'],
  ['showRefuseItem', 'hasRefuse', 'refused'],
  ['showDontKnowItem', 'hasDontKnow', 'dontknow'],
]

/**
 * `correctAnswer` as SurveyJS grades it (`getCorrectAnswerValue`): on a select question with its
 * own choices, values that are no choice are dropped — none left, and the question is no quiz
 * question at all (SurveyJS's `quizQuestionCount` is 0).
 */
function correctAnswerOf(element: ElementJson, choices: Map<string, PlannedChoice>): unknown {
  const correct = element.correctAnswer
  if (isEmpty(correct) || choices.size === 0 || element.type === 'rating') return correct
  if (element.choicesFromQuestion || element.choicesByUrl || element.type === 'imagemap')
    return correct
  const exists = (value: unknown): boolean =>
    choices.has(valueKey(value)) ||
    SPECIAL_CHOICES.some(
      ([flag, legacy, special]) =>
        (isOn(element[flag]) || isOn(element[legacy])) && special === value,
    )
  if (!Array.isArray(correct)) return exists(correct) ? correct : undefined
  const kept = correct.filter(exists)
  return kept.length > 0 ? kept : undefined
}

/**
 * Choices of a question as SurveyJS reads them: `choices`, or `rateValues` for ratings; a plain
 * choice is its value, and a string `'value|text'` is the value before the first `|` (SurveyJS's
 * item value separator).
 */
export function choiceList(element: ElementJson): ChoiceJson[] {
  const raw = element.type === 'rating' ? element.rateValues : element.choices
  if (!Array.isArray(raw)) return []
  return raw.map((c) => {
    const choice: ChoiceJson = c !== null && typeof c === 'object' ? c : { value: c }
    if (typeof choice.value !== 'string' || !choice.value.includes('|')) return choice
    const at = choice.value.indexOf('|')
    return { text: choice.value.slice(at + 1), ...choice, value: choice.value.slice(0, at) }
  })
}

/** The key a value is matched by: SurveyJS compares choice values loosely, `1` equals `'1'`. */
export function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * The choices an answer picks, in the order of the question's choices, each once however often
 * the answer repeats it (`['a', 'a', 'a']` picks `a` once); unknown values pick nothing.
 */
export function chosenChoices(question: PlannedQuestion, answer: unknown): PlannedChoice[] {
  if (question.choices.size === 0) return []
  if (!Array.isArray(answer)) {
    const choice = choiceOf(question, answer)
    return choice ? [choice] : []
  }
  const picked = new Set<PlannedChoice>()
  for (const value of answer) {
    const choice = choiceOf(question, value)
    if (choice) picked.add(choice)
  }
  return picked.size < 2 ? [...picked] : [...question.choices.values()].filter((c) => picked.has(c))
}

/** The choice a value picks: matched by `valueKey`, so `1` and `'1'` alike. */
export function choiceOf(question: PlannedQuestion, value: unknown): PlannedChoice | undefined {
  return question.choices.get(valueKey(value))
}

function plannedChoices(element: ElementJson): Map<string, PlannedChoice> {
  const choices = new Map<string, PlannedChoice>()
  for (const choice of choiceList(element)) {
    choices.set(valueKey(choice.value), {
      value: choice.value,
      score: finite(choice.score),
      satisfied: isOn(choice.satisfied),
      problem: isOn(choice.problem),
      veto: isOn(choice.veto),
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

function calculatedValuesOf(form: FormJson): ScoringPlan['calculated'] {
  if (!Array.isArray(form.calculatedValues)) return []
  return form.calculatedValues.flatMap((entry: unknown) => {
    const { name, expression } = (entry ?? {}) as { name?: unknown; expression?: unknown }
    if (typeof name !== 'string' || typeof expression !== 'string' || expression.trim() === '')
      return []
    return [{ name, runner: new ExpressionRunner(expression) }]
  })
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
