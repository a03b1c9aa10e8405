import { type ILintFinding, lintSurvey } from 'survey-core/linter'
import '../extensions'
import { FORM_ERROR_CODES } from '../messages'
import type { FormJson } from '../types'
import { formPages, walkElements } from '../walk'
import { listItemOf, logicSites, sameName } from './sites'

/** The codes of broken logic, each a `validateForm` error code (messages in `messages.ts`). */
export const LOGIC_ERROR_CODES = [
  FORM_ERROR_CODES.logicUnknownQuestion,
  FORM_ERROR_CODES.logicUnknownChoice,
  FORM_ERROR_CODES.logicCycle,
] as const

/** `logicUnknownQuestion`, `logicUnknownChoice` or `logicCycle`. */
export type LogicErrorCode = (typeof LOGIC_ERROR_CODES)[number]

/** One piece of broken logic: where it is, what it refers to, and why it is broken. */
export interface LogicIssue {
  code: LogicErrorCode
  /** JSON path in the lint format (`pages[0].elements[2].visibleIf`). */
  path: string
  /** The page's, panel's or question's name holding the rule; `''` for the survey itself. */
  element: string
  /** `visibleIf`, `enableIf`, `requiredIf`… or a survey-level list (`triggers`). */
  property: string
  /** A survey-level rule's position (0-based) in its list (`triggers[1]` → 1). */
  item?: number
  /** The question the rule refers to (missing, with the stray value, or in the cycle). */
  question: string
  /** `logicUnknownChoice`: the value that is not among the question's choices. */
  value?: unknown
  /** `logicCycle`: the elements depending on each other, in document order. */
  cycle?: string[]
}

/** Options of `checkLogic`. */
export interface CheckLogicOptions {
  /** Variables the host sets (`survey.setVariable`): not missing questions. Default none. */
  knownVariables?: string[]
}

/**
 * Condition properties that gate answering: A shown (or enabled) only once B is answered and B
 * only once A is, and neither can be. A `requiredIf` gates nothing, so it makes no cycle.
 */
const CYCLE_PROPERTIES: ReadonlySet<string> = new Set(['visibleIf', 'enableIf'])

/**
 * Lists a form's broken logic: a rule referring to a question that is not there (deleted or
 * renamed), comparing with a value that is not among the question's choices, or elements whose
 * conditions depend on each other in a cycle. References and choices are SurveyJS's own linter's
 * findings (it knows panel and matrix scopes, calculated values and variables); cycles are read
 * with survey-core's parser.
 *
 * @param form the form JSON
 * @param options `knownVariables` the host sets (default none)
 * @example
 * checkLogic({ elements: [{ type: 'text', name: 'b', visibleIf: "{a} = 'no'" }] })
 * // [{ code: 'logicUnknownQuestion', element: 'b', property: 'visibleIf', question: 'a', path: 'elements[0].visibleIf' }]
 */
export function checkLogic(
  form: unknown,
  { knownVariables = [] }: CheckLogicOptions = {},
): LogicIssue[] {
  if (!form || typeof form !== 'object' || Array.isArray(form)) return []
  const { findings } = lintSurvey(form, { knownVariables })
  return logicIssues(form as FormJson, findings).issues
}

/**
 * `checkLogic` from lint findings already made (`validateForm` lints once), with the findings
 * it turned into logic issues, so they are not reported twice.
 */
export function logicIssues(
  form: FormJson,
  findings: readonly ILintFinding[],
): { issues: LogicIssue[]; used: Set<ILintFinding> } {
  const owners = ownerNames(form)
  const issues: LogicIssue[] = []
  const used = new Set<ILintFinding>()
  for (const finding of findings) {
    const found = fromFinding(finding)
    if (found.length === 0) continue
    used.add(finding)
    const { element, property } = ownerOf(finding.path, owners)
    const item = element ? undefined : listItemOf(finding.path)
    for (const issue of found) {
      issues.push({
        ...issue,
        path: finding.path,
        element,
        property,
        ...(item === undefined ? {} : { item }),
      })
    }
  }
  issues.push(...cycles(form))
  return { issues, used }
}

type Found = Pick<LogicIssue, 'code' | 'question' | 'value'>

function fromFinding({ ruleId, messageData: data }: ILintFinding): Found[] {
  if (
    ruleId === 'reference/unknown' &&
    data.refKind === 'expression' &&
    data.reason === 'notFound'
  ) {
    return [
      { code: FORM_ERROR_CODES.logicUnknownQuestion, question: String(data.root ?? data.name) },
    ]
  }
  if (ruleId === 'trigger/unknown-target') {
    return [{ code: FORM_ERROR_CODES.logicUnknownQuestion, question: String(data.name) }]
  }
  if (ruleId === 'expression/unknown-choice' && data.reason === 'notAmongChoices') {
    const values: unknown[] = Array.isArray(data.values) ? data.values : [data.values]
    return values.map((value) => ({
      code: FORM_ERROR_CODES.logicUnknownChoice,
      question: String(data.name),
      value,
    }))
  }
  return []
}

/** Path of every page, panel and question → its name. */
function ownerNames(form: FormJson): Map<string, string> {
  const owners = new Map<string, string>()
  for (const { page, path } of formPages(form)) owners.set(path, nameOf(page.name))
  for (const { element, path } of walkElements(form)) owners.set(path, nameOf(element.name))
  return owners
}

/** The element holding a path and the property under it (`choices` for `choices[1].visibleIf`). */
function ownerOf(path: string, owners: Map<string, string>): { element: string; property: string } {
  let at = path
  while (at) {
    const cut = at.lastIndexOf('.')
    const parent = cut < 0 ? '' : at.slice(0, cut)
    if (owners.has(parent) && (parent !== '' || !/^[a-zA-Z]+\[/.test(path))) {
      const rest = parent ? path.slice(parent.length + 1) : path
      return { element: owners.get(parent) ?? '', property: rest.split(/[.[]/)[0] ?? rest }
    }
    at = parent
  }
  return { element: '', property: path.split(/[.[]/)[0] ?? path }
}

/** Elements whose conditions read each other (strongly connected, more than one), per site. */
function cycles(form: FormJson): LogicIssue[] {
  const names = new Map<string, string>()
  for (const { element } of walkElements(form)) {
    if (typeof element.name === 'string') names.set(element.name.toLowerCase(), element.name)
  }
  const sites = logicSites(form).filter((s) => s.element && CYCLE_PROPERTIES.has(s.property))
  const edges = new Map<string, Set<string>>()
  for (const site of sites) {
    const from = site.element.toLowerCase()
    const to = edges.get(from) ?? new Set<string>()
    for (const name of site.names) {
      const key = name.toLowerCase()
      if (key !== from && names.has(key)) to.add(key)
    }
    edges.set(from, to)
  }
  const component = stronglyConnected(edges)
  const issues: LogicIssue[] = []
  for (const site of sites) {
    const group = component.get(site.element.toLowerCase())
    if (!group || group.length < 2) continue
    const read = site.names.find(
      (n) => !sameName(n, site.element) && group.includes(n.toLowerCase()),
    )
    if (read === undefined) continue
    issues.push({
      code: FORM_ERROR_CODES.logicCycle,
      path: site.path,
      element: site.element,
      property: site.property,
      question: names.get(read.toLowerCase()) ?? read,
      cycle: [...names.keys()].filter((k) => group.includes(k)).map((k) => names.get(k) ?? k),
    })
  }
  return issues
}

/** Tarjan's strongly connected components: node → its component's nodes. */
function stronglyConnected(edges: Map<string, Set<string>>): Map<string, string[]> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const component = new Map<string, string[]>()
  let counter = 0
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const members: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      members.push(member)
    } while (member !== node)
    for (const m of members) component.set(m, members)
  }
  for (const node of edges.keys()) if (!index.has(node)) visit(node)
  return component
}

function nameOf(name: unknown): string {
  return typeof name === 'string' ? name : ''
}
