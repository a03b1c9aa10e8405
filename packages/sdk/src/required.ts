import { ConditionRunner } from 'survey-core'
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

/** The values an expression reads: the answers, plus `row`, `panel`, `item`… where it sits. */
type Values = Record<string, unknown>

// Expressions come from published forms, a small set; the cap only bounds a long-lived server.
const runners = new Map<string, ConditionRunner>()
function holds(expression: unknown, values: Values): boolean {
  if (typeof expression !== 'string' || expression.trim() === '') return true
  let runner = runners.get(expression)
  if (!runner) {
    if (runners.size >= 2000) runners.clear()
    runner = new ConditionRunner(expression)
    runners.set(expression, runner)
  }
  return runner.runValues(values) === true
}

/** Shown as SurveyJS shows an element: `visible: false` hides unless a `visibleIf` decides. */
function isShown(element: Record<string, unknown>, values: Values): boolean {
  if (element.visible === false && !element.visibleIf) return false
  return holds(element.visibleIf, values)
}

/**
 * Whether a question must be answered: `isRequired`, or its `requiredIf` holds on `values`.
 *
 * @example
 * isRequiredNow({ type: 'text', name: 'why', requiredIf: "{q} = 'no'" }, { q: 'no' }) // true
 */
export function isRequiredNow(element: ElementJson, values: Values): boolean {
  if (element.isRequired === true) return true
  return typeof element.requiredIf === 'string' && holds(element.requiredIf, values)
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
        .filter((item) => item.isRequired === true && typeof item.name === 'string')
        .filter((item) => isUnanswered(record(value)[item.name as string]))
        .map((item) => item.name as string)
    case 'matrix': {
      if (element.eachRowRequired !== true && element.isAllRowRequired !== true) return []
      return visibleRows(element, values)
        .map((row) => keyOf(row.value))
        .filter((row) => isUnanswered(record(value)[row]))
    }
    case 'matrixdropdown':
      return visibleRows(element, values).flatMap((row) => {
        const key = keyOf(row.value)
        return missingCells(element, record(value)[key], values).map((c) => `${key}.${c}`)
      })
    case 'matrixdynamic': {
      const rows = value === undefined || value === null ? emptyCopies(element.rowCount, 2) : value
      return list(rows).flatMap((row, i) =>
        missingCells(element, row, values).map((c) => `${i}.${c}`),
      )
    }
    case 'paneldynamic': {
      const panels =
        value === undefined || value === null ? emptyCopies(element.panelCount, 0) : value
      const template = list(element.templateElements ?? element.elements) as ElementJson[]
      return list(panels).flatMap((panel, i) => {
        const inner = { ...values, panel: record(panel), panelIndex: i, parentpanel: values.panel }
        return missingInPanel(template, record(panel), inner).map((path) => `${i}.${path}`)
      })
    }
    default:
      return []
  }
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
    .filter((column) => typeof column.name === 'string' && column.isRequired === true)
    .filter((column) => isShown(column, scope))
    .map((column) => column.name as string)
    .filter((name) => isUnanswered(cells[name]))
}

function missingInPanel(elements: ElementJson[], data: Answers, values: Values): string[] {
  return elements.flatMap((element) => {
    if (!element || typeof element !== 'object' || !isShown(element, values)) return []
    if (element.type === 'panel')
      return missingInPanel(list(element.elements) as ElementJson[], data, values)
    const answer = data[element.name]
    if (isRequiredNow(element, values) && isUnanswered(answer)) return [element.name]
    return missingEntries(element, answer, values).map((path) => `${element.name}.${path}`)
  })
}

function emptyCopies(count: unknown, fallback: number): Answers[] {
  const n = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : fallback
  return Array.from({ length: n }, () => ({}))
}
