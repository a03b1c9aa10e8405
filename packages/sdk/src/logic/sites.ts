import { ConditionsParser } from 'survey-core'
import type { FormJson } from '../types'
import { formPages, walkElements } from '../walk'

/** The condition properties of a page, panel or question that a rule builder edits. */
export const ELEMENT_LOGIC_PROPERTIES = [
  'visibleIf',
  'enableIf',
  'requiredIf',
  'choicesVisibleIf',
  'choicesEnableIf',
  'resetValueIf',
  'setValueIf',
] as const

/** Survey-level lists whose items hold a condition (`expression`) and, for triggers, targets. */
export const FORM_LOGIC_LISTS = [
  'triggers',
  'completedHtmlOnCondition',
  'navigateToUrlOnCondition',
] as const

/** Trigger properties that name a question or page (skip's `gotoName`, setvalue's `setToName`…). */
const TRIGGER_TARGETS = ['gotoName', 'setToName', 'fromName'] as const

/** One place in a form where logic reads or names questions. */
export interface LogicSite {
  /** The page's, panel's or question's name; `''` for the survey itself (triggers…). */
  element: string
  /** `visibleIf`, `enableIf`, `requiredIf`… or the survey-level list (`triggers`). */
  property: string
  /** JSON path in the lint format (`pages[0].elements[2].visibleIf`, `triggers[1].expression`). */
  path: string
  /** The condition's text, or the target name for a trigger's `gotoName` / `setToName`. */
  expression: string
  /** Question names read or targeted here (root segment of `{panel.q}`), as written. */
  names: string[]
}

/**
 * Every condition of a form that can refer to questions: each element's and page's condition
 * properties (`ELEMENT_LOGIC_PROPERTIES`), and survey-level triggers (their condition and their
 * targets), completion pages and redirects on condition.
 *
 * @example
 * logicSites({ elements: [{ type: 'text', name: 'b', visibleIf: "{a} = 1" }] })
 * // [{ element: 'b', property: 'visibleIf', path: 'elements[0].visibleIf', expression: '{a} = 1', names: ['a'] }]
 */
export function logicSites(form: FormJson): LogicSite[] {
  const sites: LogicSite[] = []
  const owners = [
    ...formPages(form).map(({ page, path }) => ({ json: page, path })),
    ...walkElements(form).map(({ element, path }) => ({ json: element, path })),
  ]
  for (const { json, path } of owners) {
    const element = typeof json.name === 'string' ? json.name : ''
    for (const property of ELEMENT_LOGIC_PROPERTIES) {
      const expression = json[property]
      if (typeof expression !== 'string' || !expression.trim()) continue
      const at = path ? `${path}.${property}` : property
      sites.push({ element, property, path: at, expression, names: referencedNames(expression) })
    }
  }
  for (const property of FORM_LOGIC_LISTS) {
    const list = form[property]
    if (!Array.isArray(list)) continue
    list.forEach((item: Record<string, unknown> | null, i) => {
      if (!item || typeof item !== 'object') return
      const at = `${property}[${i}]`
      if (typeof item.expression === 'string' && item.expression.trim()) {
        const expression = item.expression
        const names = referencedNames(expression)
        sites.push({ element: '', property, path: `${at}.expression`, expression, names })
      }
      for (const target of TRIGGER_TARGETS) {
        const name = item[target]
        if (typeof name !== 'string' || !name) continue
        sites.push({
          element: '',
          property,
          path: `${at}.${target}`,
          expression: name,
          names: [name],
        })
      }
    })
  }
  return sites
}

/**
 * The question names a condition reads, by survey-core's parser: `{panel.q}` and `{q[0]}` give
 * their root (`panel`, `q`); a condition that does not parse reads nothing.
 *
 * @example
 * referencedNames("{a} = 1 and age({b.c}) > 3") // ['a', 'b']
 */
export function referencedNames(expression: string): string[] {
  const operand = new ConditionsParser().parseExpression(expression)
  if (!operand) return []
  const variables: string[] = []
  operand.setVariables(variables)
  return [...new Set(variables.map((v) => v.split(/[.[]/)[0] ?? v).filter(Boolean))]
}

/**
 * The position (0-based) of the survey-level list item a path is in, so a message can name
 * "第 2 条跳题与结束规则"; `undefined` for a path inside a page or element.
 *
 * @example
 * listItemOf('triggers[1].gotoName') // 1
 * listItemOf('pages[0].elements[2].visibleIf') // undefined
 */
export function listItemOf(path: string): number | undefined {
  const match = /^([a-zA-Z]+)\[(\d+)\]/.exec(path)
  if (!match || !(FORM_LOGIC_LISTS as readonly string[]).includes(match[1] ?? '')) return undefined
  return Number(match[2])
}

/** Whether two SurveyJS names are the same one (SurveyJS compares names case-insensitively). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
