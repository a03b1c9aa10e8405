import { Helpers } from 'survey-core'
import { failedValidator } from './check-answer'
import { isOn } from './json-boolean'
import { RESPONSE_ERROR_CODES, type ResponseErrorCode } from './messages'
import { valueKeyOf } from './plan'
import { REASON_SUFFIX } from './reasons'
import {
  cellQuestion,
  dynamicPanels,
  isChosen,
  isRequiredNow,
  isShown,
  matrixRows,
} from './required'
import { validatorsOf } from './response-rules'
import type { Answers, ElementJson } from './types'

/** One issue inside a matrix or dynamic panel, at its `item` path (`'row1.col'`, `'0.name'`). */
export interface InnerIssue {
  item: string
  code: ResponseErrorCode
  params: Record<string, string>
}

type Values = Record<string, unknown>

/** The items SurveyJS adds to a choice list when a question turns them on. */
const SPECIAL_ITEMS = [
  ['showNoneItem', 'none'],
  ['showRefuseItem', 'refused'],
  ['showDontKnowItem', 'dontknow'],
] as const

/**
 * What SurveyJS refuses inside a dropdown or dynamic matrix's cells and a dynamic panel's
 * questions, besides required entries (`missingEntries`): their validators, and an "other" choice
 * without its text (a cell value that is not a choice counts as "other", as SurveyJS reads it).
 * An entry that is required and missing gets no other check, as in SurveyJS.
 *
 * @param values what conditions and expression validators read: the answers
 * @example
 * innerIssues(matrix, { r1: { age: 130 } }, answers) // [{ item: 'r1.age', code: 'invalidAnswer', … }]
 */
export function innerIssues(element: ElementJson, value: unknown, values: Values): InnerIssue[] {
  if (element.type === 'matrixdropdown' || element.type === 'matrixdynamic') {
    const columns = (Array.isArray(element.columns) ? element.columns : []).filter(isColumn)
    return matrixRows(element, value, values).flatMap(({ at, cells }) => {
      const scope = { ...values, row: cells }
      return columns.flatMap((column) => {
        const question = cellQuestion(element, column) as ElementJson
        if (!isShown(column, scope)) return []
        const issues = entryIssues(question, cells[column.name], cells, scope)
        return issues.map((issue) => ({ ...issue, item: `${at}.${column.name}` }))
      })
    })
  }
  if (element.type === 'paneldynamic') {
    const template = (element.templateElements ?? element.elements) as ElementJson[] | undefined
    return dynamicPanels(element, value).flatMap((panel, i) => {
      const scope = { ...values, panel, panelIndex: i, parentpanel: values.panel }
      return panelIssues(template ?? [], panel, scope).map((issue) => ({
        ...issue,
        item: `${i}.${issue.item}`,
      }))
    })
  }
  return []
}

function panelIssues(elements: ElementJson[], panel: Answers, scope: Values): InnerIssue[] {
  return elements.flatMap((element) => {
    if (!element || typeof element !== 'object' || !isShown(element, scope)) return []
    if (element.type === 'panel') {
      return panelIssues((element.elements ?? []) as ElementJson[], panel, scope)
    }
    if (typeof element.name !== 'string') return []
    const answer = panel[valueKeyOf(element)]
    const own = entryIssues(element, answer, panel, scope).map((i) => ({
      ...i,
      item: element.name,
    }))
    const inner = innerIssues(element, answer, scope).map((i) => ({
      ...i,
      item: `${element.name}.${i.item}`,
    }))
    return [...own, ...inner]
  })
}

/** The issues of one entry, a question SurveyJS makes for a cell or a panel's question. */
function entryIssues(
  question: ElementJson,
  value: unknown,
  container: Answers,
  scope: Values,
): Array<Omit<InnerIssue, 'item'>> {
  if (isOn(question.readOnly)) return []
  const required = isRequiredNow(question, scope)
  if (required && !isChosen(question, value)) return []
  if (otherWithoutText(question, value, container[`${valueKeyOf(question)}${REASON_SUFFIX}`])) {
    return [{ code: RESPONSE_ERROR_CODES.otherCommentRequired, params: {} }]
  }
  const failed = failedValidator(validatorsOf(question), value, question.name, scope)
  return failed ? [{ code: RESPONSE_ERROR_CODES.invalidAnswer, params: { rule: failed.rule } }] : []
}

/**
 * An "other" choice without its text: its value `other`, or, with the "other" item on, any value
 * that is not a choice (SurveyJS takes it as "other").
 */
function otherWithoutText(question: ElementJson, value: unknown, comment: unknown): boolean {
  if (!isOn(question.showOtherItem) && !isOn(question.hasOther)) return false
  if (isOn(question.choicesLazyLoadEnabled) || question.choicesByUrl) return false
  // A checkbox cell holds a list: anything else is no choice of it at all.
  if ((question.type === 'checkbox' || question.type === 'tagbox') && !Array.isArray(value)) {
    return false
  }
  if (value === undefined || value === null || value === '') return false
  if (comment !== undefined && comment !== null && comment !== '') return false
  const choices: unknown[] = (Array.isArray(question.choices) ? question.choices : []).map((c) =>
    c !== null && typeof c === 'object' ? (c as { value: unknown }).value : c,
  )
  for (const [flag, special] of SPECIAL_ITEMS) if (isOn(question[flag])) choices.push(special)
  // SurveyJS takes a value it does not offer as the "other" text, matching loosely (`true` is 1).
  const values = Array.isArray(value) ? value : [value]
  return values.some(
    (v) => v === 'other' || !choices.some((choice) => Helpers.isTwoValueEquals(v, choice)),
  )
}

function isColumn(column: unknown): column is ElementJson {
  return (
    column !== null &&
    typeof column === 'object' &&
    typeof (column as ElementJson).name === 'string'
  )
}
