import { ExpressionRunner } from 'survey-core'
import { isOff, isOn } from './json-boolean'
import { valueKey, valueKeyOf } from './plan'
import type { Answers, ChoiceJson, ElementJson } from './types'

/**
 * Unanswered for a required check, as SurveyJS 3.1.1 decides it: nothing, text of only spaces,
 * an empty list, or an object whose every value is unanswered. `0` and `false` are answers.
 *
 * @example
 * isUnanswered('  ') // true
 * isUnanswered({ measure: '', owner: ' ' }) // true
 * isUnanswered(0) // false
 */
export function isUnanswered(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value).every(isUnanswered)
  return false
}

/**
 * Unanswered for a question's own required check: as `isUnanswered`, and a dynamic panel whose
 * every panel is unanswered (SurveyJS's `isEmpty` of a dynamic panel).
 *
 * @example
 * isQuestionUnanswered({ type: 'paneldynamic', name: 'p' }, [{}, {}]) // true
 */
export function isQuestionUnanswered(element: ElementJson, value: unknown): boolean {
  if (element.type === 'paneldynamic' && Array.isArray(value)) return value.every(isUnanswered)
  return isUnanswered(value)
}

/** The values an expression reads: the answers, plus `row`, `panel`, `item`… where it sits. */
type Values = Record<string, unknown>

// Expressions come from published forms, a small set; the cap only bounds a long-lived server.
const runners = new Map<string, ExpressionRunner>()
/**
 * What a SurveyJS expression gives on `values` (`undefined` for none), each compiled once. SurveyJS
 * 3.1.1 runs `visibleIf`, `enableIf` and `requiredIf` this way and takes only `true` (or, for
 * `enableIf`, only `false`): `{b}` with `b = 2` is not `true`.
 */
export function evaluate(expression: unknown, values: Values): unknown {
  if (typeof expression !== 'string' || expression.trim() === '') return undefined
  let runner = runners.get(expression)
  if (!runner) {
    if (runners.size >= 2000) runners.clear()
    runner = new ExpressionRunner(expression)
    runners.set(expression, runner)
  }
  return runner.runValues(values)
}

/**
 * Whether a SurveyJS condition holds on `values`: it gives `true`, or it is empty.
 *
 * @example
 * holds("{q} = 'no'", { q: 'no' }) // true
 */
export function holds(expression: unknown, values: Values): boolean {
  if (typeof expression !== 'string' || expression.trim() === '') return true
  return evaluate(expression, values) === true
}

/** Shown as SurveyJS shows an element: `visible: false` hides unless a `visibleIf` decides. */
export function isShown(element: Record<string, unknown>, values: Values): boolean {
  if (isOff(element.visible) && !element.visibleIf) return false
  return holds(element.visibleIf, values)
}

/**
 * Whether a question must be answered: its `requiredIf` holds on `values`, or, without one,
 * `isRequired` (SurveyJS lets a `requiredIf` decide `isRequired`).
 *
 * @example
 * isRequiredNow({ type: 'text', name: 'why', requiredIf: "{q} = 'no'" }, { q: 'no' }) // true
 */
export function isRequiredNow(element: ElementJson, values: Values): boolean {
  // SurveyJS sets `isRequired` from a `requiredIf` each time it runs: the condition decides.
  if (typeof element.requiredIf === 'string' && element.requiredIf.trim() !== '') {
    return holds(element.requiredIf, values)
  }
  return isOn(element.isRequired)
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
const rowsOf = (element: ElementJson): ChoiceJson[] =>
  list(element.rows).map((row) =>
    row !== null && typeof row === 'object' ? (row as ChoiceJson) : { value: row },
  )
const keyOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/**
 * The required entries missing inside one visible question's answer, as SurveyJS 3.1.1 checks
 * them, each as a path inside the question:
 * - multiple text: each item with `isRequired` (`'deadline'`);
 * - single matrix with `eachRowRequired` (alias `isAllRowRequired`): each visible row (`'row1'`);
 * - dropdown matrix: each required visible column of each visible row (`'row1.col'`);
 * - dynamic matrix: the same on each row, by index (`'0.col'`), the `rowCount` empty rows when
 *   there is no answer;
 * - dynamic panel: each required visible question of each panel (`'0.name'`, deeper entries
 *   below it: `'0.name.item'`), `{panel.x}` and `{parentpanel.x}` read in its conditions, the
 *   `panelCount` empty panels when there is no answer.
 * The question's own `isRequired` is the caller's (`isRequiredNow`).
 *
 * @param element the question
 * @param value its answer
 * @param values what its conditions read: the answers (and, inside a panel, `panel`)
 * @example
 * missingEntries(problemEntry('dues'), { description: '迟交' }, answers) // ['measure', 'owner', 'deadline']
 */
export function missingEntries(element: ElementJson, value: unknown, values: Values): string[] {
  switch (element.type) {
    case 'multipletext':
      return list(element.items)
        .map(record)
        .filter((item) => isOn(item.isRequired) && typeof item.name === 'string')
        .filter((item) => isUnanswered(record(value)[item.name as string]))
        .map((item) => item.name as string)
    case 'matrix': {
      if (!isOn(element.eachRowRequired) && !isOn(element.isAllRowRequired)) return []
      return visibleRows(element, values)
        .map((row) => keyOf(row.value))
        .filter((row) => isUnanswered(record(value)[row]))
    }
    case 'matrixdropdown':
    case 'matrixdynamic':
      return matrixRows(element, value, values).flatMap(({ at, cells }) =>
        missingCells(element, cells, values).map((c) => `${at}.${c}`),
      )
    case 'paneldynamic': {
      const template = list(element.templateElements ?? element.elements) as ElementJson[]
      return dynamicPanels(element, value).flatMap((panel, i) => {
        const inner = { ...values, panel, panelIndex: i, parentpanel: values.panel }
        return missingInPanel(template, panel, inner).map((path) => `${i}.${path}`)
      })
    }
    default:
      return []
  }
}

/**
 * The rows SurveyJS checks in a dropdown matrix (its visible rows, by key) or a dynamic one (each
 * row by index, the `rowCount` empty rows when there is no answer), with their cells.
 */
export function matrixRows(
  element: ElementJson,
  value: unknown,
  values: Values,
): Array<{ at: string; cells: Record<string, unknown> }> {
  if (element.type === 'matrixdynamic') {
    const rows = value === undefined || value === null ? emptyCopies(element.rowCount, 2) : value
    return list(rows).map((row, i) => ({ at: String(i), cells: record(row) }))
  }
  return visibleRowKeys(element, values).map((at) => ({ at, cells: record(record(value)[at]) }))
}

/** The panels of a dynamic panel: the answer's, or with none (an empty list too) `defaultValue`'s or `panelCount` empty ones, as SurveyJS shows them. */
export function dynamicPanels(element: ElementJson, value: unknown): Answers[] {
  const panels = !Array.isArray(value) || value.length === 0 ? defaultPanels(element) : value
  return list(panels).map(record)
}

/** The keys of a matrix's rows SurveyJS shows (`visibleIf` of each, `rowsVisibleIf`). */
export function visibleRowKeys(element: ElementJson, values: Values): string[] {
  return visibleRows(element, values).map((row) => keyOf(row.value))
}

function visibleRows(element: ElementJson, values: Values): ChoiceJson[] {
  return rowsOf(element).filter(
    (row) => isShown(row, values) && holds(element.rowsVisibleIf, { ...values, item: row.value }),
  )
}

function missingCells(element: ElementJson, row: unknown, values: Values): string[] {
  const cells = record(row)
  const scope = { ...values, row: cells }
  return list(element.columns)
    .map(record)
    .filter((column) => typeof column.name === 'string')
    .filter((column) => isRequiredNow(column as ElementJson, scope) && isShown(column, scope))
    .filter((column) => !isChosen(cellQuestion(element, column), cells[column.name as string]))
    .map((column) => column.name as string)
}

/** A cell as the question SurveyJS makes of it: the column, its type and choices from the matrix. */
export function cellQuestion(
  matrix: ElementJson,
  column: Record<string, unknown>,
): Record<string, unknown> {
  const own = column.cellType !== undefined && column.cellType !== 'default'
  const choices = Array.isArray(column.choices) && column.choices.length > 0
  return {
    ...column,
    type: own ? column.cellType : (matrix.cellType ?? 'dropdown'),
    choices: choices ? column.choices : matrix.choices,
  }
}

const CHOICE_TYPES = new Set(['dropdown', 'radiogroup', 'checkbox', 'tagbox'])
const offered = new WeakMap<unknown[], Set<string>>()

/**
 * Answered, for a required check inside a matrix or dynamic panel: SurveyJS's choice question
 * there holds only values it offers (a cell with no choices holds none), so any other value is
 * no answer. Choices loaded at run time (`choicesByUrl`, `choicesFromQuestion`,
 * `choicesLazyLoadEnabled`) are not checked.
 */
export function isChosen(question: Record<string, unknown>, value: unknown): boolean {
  if (isUnanswered(value)) return false
  if (!CHOICE_TYPES.has(question.type as string)) return true
  if (question.choicesByUrl || question.choicesFromQuestion) return true
  if (isOn(question.choicesLazyLoadEnabled)) return true
  const choices = list(question.choices)
  let keys = offered.get(choices)
  if (!keys) {
    keys = new Set(choices.map((c) => valueKey(record(c).value ?? c)))
    offered.set(choices, keys)
  }
  const other = isOn(question.showOtherItem) || isOn(question.hasOther)
  const set = keys
  return (Array.isArray(value) ? value : [value]).some(
    (v) => set.has(valueKey(v)) || (other && v === 'other'),
  )
}

function missingInPanel(elements: ElementJson[], data: Answers, values: Values): string[] {
  return elements.flatMap((element) => {
    if (!element || typeof element !== 'object' || !isShown(element, values)) return []
    if (element.type === 'panel')
      return missingInPanel(list(element.elements) as ElementJson[], data, values)
    const answer = data[valueKeyOf(element)]
    if (isRequiredNow(element, values) && !isChosen(element, answer)) return [element.name]
    return missingEntries(element, answer, values).map((path) => `${element.name}.${path}`)
  })
}

function defaultPanels(element: ElementJson): unknown[] {
  const { defaultValue } = element
  if (Array.isArray(defaultValue) && defaultValue.length > 0) return defaultValue
  return emptyCopies(element.panelCount, 0)
}

function emptyCopies(count: unknown, fallback: number): Answers[] {
  const n = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : fallback
  return Array.from({ length: n }, () => ({}))
}
