import { Model } from 'survey-core'
import { lintSurvey } from 'survey-core/linter'
import './extensions'
import { chosenEntry } from './check-answer'
import { formLimitIssue } from './form-limits'
import { blocksPublishing, UNIGNORABLE_CODES } from './lint-policy'
import { logicIssues } from './logic/check-logic'
import { FORM_ERROR_CODES, type FormErrorCode, formMessage } from './messages'
import { choiceList, valueKey } from './plan'
import { compileResponseRules } from './response-rules'
import type { Locale } from './text'
import type { ElementJson, FormJson } from './types'
import { formPages, isPanel, walkElements } from './walk'

/** One problem with a form, at a JSON path in SurveyJS's lint format. */
export interface FormIssue {
  path: string
  code: FormErrorCode | string
  message: string
  /** Broken logic (`logic…` codes): the element holding the rule, `''` for the form itself. */
  element?: string
  /** Broken logic: the property holding the rule (`visibleIf`, `requiredIf`, `triggers`…). */
  property?: string
}

/** What `validateForm` returns: errors block publishing; warnings are advice. */
export interface FormValidation {
  valid: boolean
  errors: FormIssue[]
  warnings: FormIssue[]
}

/** Options of `validateForm`. */
export interface ValidateFormOptions {
  /** Language of our own messages (SurveyJS's lint messages are English). Default zh-CN. */
  locale?: Locale
  /**
   * Variables the host sets on the survey (`survey.setVariable`), so `{region}` in a condition
   * or a trigger's target is not an unknown name. Default none.
   */
  knownVariables?: string[]
  /**
   * Codes of rules to ignore, SurveyJS's lint rules (`'expression/syntax'`) or Yardstick's own
   * (`'duplicateName'`): their findings are neither errors nor warnings. The caps of
   * `FORM_LIMITS` and `notAnObject` cannot be ignored. Default none.
   */
  ignoreRules?: string[]
}

const SCORED_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'imagepicker',
  'rating',
  'checkbox',
  'tagbox',
  'buttongroup',
])

/**
 * Checks a form before it is published: first its shape against `FORM_LIMITS` (a form over a
 * cap gets that one error, and no SurveyJS model is built), then SurveyJS's own `lintSurvey`,
 * what SurveyJS cannot load (`jsonErrors`), Yardstick's rules (dimensions, scores, weights,
 * banks, quiz answers) and broken logic (`checkLogic`: `logic…` codes with element and property).
 *
 * @param json the form JSON, as typed by an editor or sent to the API
 * @param options `locale` for our messages (default zh-CN), `knownVariables` the host sets,
 *   `ignoreRules` to leave out (both default none); which findings block is `blocksPublishing`'s
 * @example
 * const { valid, errors } = validateForm({ pages: [{ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'a' }] }] })
 * valid // false; errors[0].code === 'duplicateName'
 */
export function validateForm(
  json: unknown,
  { locale = 'zh-CN', knownVariables = [], ignoreRules = [] }: ValidateFormOptions = {},
): FormValidation {
  const ignored = new Set(ignoreRules.filter((code) => !UNIGNORABLE_CODES.has(code)))
  const errors: FormIssue[] = []
  const add = (path: string, code: FormErrorCode, params: Record<string, string | number> = {}) => {
    if (!ignored.has(code)) errors.push({ path, code, message: formMessage(code, locale, params) })
  }

  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    add('', FORM_ERROR_CODES.notAnObject)
    return { valid: false, errors, warnings: [] }
  }
  // Before any SurveyJS model: a form over FORM_LIMITS is refused in linear time.
  const limit = formLimitIssue(json)
  if (limit) {
    add(limit.path, limit.code, { path: limit.path, limit: limit.limit, measure: limit.measure })
    return { valid: false, errors, warnings: [] }
  }
  const form = json as FormJson
  schemaErrors(form, add)
  ruleErrors(form, add)

  const lint = lintSurvey(form, { knownVariables })
  // Broken logic blocks with our codes, element and property; SurveyJS's findings it comes
  // from (an unknown reference, a value not among the choices) are not reported again.
  const logic = logicIssues(
    form,
    lint.findings.filter((f) => !ignored.has(f.ruleId)),
  )
  for (const { code, path, element, property, question, value, cycle, item } of logic.issues) {
    if (ignored.has(code)) continue
    const params = {
      element,
      property,
      // The rule's number as the designer lists it (第 1 条跳题与结束规则).
      ...(item === undefined ? {} : { item: item + 1 }),
      question,
      value: show(value),
      cycle: cycle?.join(' → ') ?? '',
    }
    errors.push({ path, code, message: formMessage(code, locale, params), element, property })
  }
  const errorPaths = new Set(errors.map((e) => e.path))
  const warnings: FormIssue[] = []
  for (const finding of lint.findings) {
    if (logic.used.has(finding)) continue
    // Our duplicateName says the same with both places named.
    if (finding.ruleId === 'name/duplicate' || ignored.has(finding.ruleId)) continue
    const issue = { path: finding.path, code: finding.ruleId, message: finding.message }
    if (blocksPublishing(finding)) errors.push(issue)
    else if (!errorPaths.has(finding.path)) warnings.push(issue)
  }
  return { valid: errors.length === 0, errors, warnings }
}

type Add = (path: string, code: FormErrorCode, params?: Record<string, string | number>) => void

function schemaErrors(form: FormJson, add: Add): void {
  const model = new Model(form)
  const errors = model.jsonErrors ?? []
  if (errors.length === 0) return
  const paths = objectPaths(form)
  for (const error of errors) {
    const at = paths.get(error.jsonObj) ?? ''
    const property = (error as { propertyName?: string }).propertyName
    const path = property && error.message.startsWith('Unknown property') ? join(at, property) : at
    add(path, FORM_ERROR_CODES.schema, { detail: error.message })
  }
}

function ruleErrors(form: FormJson, add: Add): void {
  const dimensionNames = dimensionErrors(form, add)
  if (form.bonusCap !== undefined && !(isNumber(form.bonusCap) && form.bonusCap >= 0)) {
    add('bonusCap', FORM_ERROR_CODES.invalidBonusCap, { value: show(form.bonusCap) })
  }
  const weighted =
    Array.isArray(form.dimensions) && form.dimensions.some((d) => d?.weight !== undefined)
  const names = new Map<string, string>()
  const claim = (name: unknown, path: string) => {
    if (typeof name !== 'string') return
    const first = names.get(name)
    if (first === undefined) names.set(name, path)
    else add(path, FORM_ERROR_CODES.duplicateName, { name, first })
  }
  for (const { page, path } of formPages(form)) {
    claim(page.name, path)
    bankErrors(page, path, add)
  }
  const sites = walkElements(form)
  for (const { element, path } of sites) {
    claim(element.name, path)
    if (isPanel(element)) bankErrors(element, path, add)
    else questionErrors(form, element, path, { dimensionNames, weighted }, add)
  }
  const questionNames = new Set(sites.map((s) => s.element.name))
  for (const { element, path } of sites) {
    if (element.problemOf !== undefined && !questionNames.has(element.problemOf)) {
      add(join(path, 'problemOf'), FORM_ERROR_CODES.unknownProblemOf, {
        name: element.name,
        target: show(element.problemOf),
      })
    }
  }
}

function dimensionErrors(form: FormJson, add: Add): Set<string> {
  const names = new Set<string>()
  if (!Array.isArray(form.dimensions)) return names
  form.dimensions.forEach((dimension, i) => {
    const path = `dimensions[${i}]`
    if (names.has(dimension?.name))
      add(path, FORM_ERROR_CODES.duplicateDimension, { name: dimension.name })
    names.add(dimension?.name)
    const weight = dimension?.weight
    if (weight !== undefined && !(isNumber(weight) && weight > 0)) {
      add(join(path, 'weight'), FORM_ERROR_CODES.nonPositiveWeight, {
        name: show(dimension?.name),
        value: show(weight),
      })
    }
  })
  return names
}

function bankErrors(
  container: { drawCount?: unknown; elements?: unknown[] },
  path: string,
  add: Add,
) {
  const { drawCount } = container
  if (drawCount === undefined) return
  const at = join(path, 'drawCount')
  if (!(isNumber(drawCount) && Number.isInteger(drawCount) && drawCount > 0)) {
    add(at, FORM_ERROR_CODES.invalidDrawCount, { value: show(drawCount) })
    return
  }
  const size = Array.isArray(container.elements) ? container.elements.length : 0
  if (drawCount > size) add(at, FORM_ERROR_CODES.drawCountTooLarge, { drawCount, size })
}

function questionErrors(
  form: FormJson,
  question: ElementJson,
  path: string,
  context: { dimensionNames: Set<string>; weighted: boolean },
  add: Add,
): void {
  const { name } = question
  const choices = choiceList(question)
  const choicesKey = question.type === 'rating' ? 'rateValues' : 'choices'
  choices.forEach((choice, i) => {
    if (choice.score !== undefined && !isNumber(choice.score)) {
      add(`${join(path, choicesKey)}[${i}].score`, FORM_ERROR_CODES.nonNumericScore, {
        value: show(choice.score),
      })
    }
  })
  if (question.maxScore !== undefined && !(isNumber(question.maxScore) && question.maxScore > 0)) {
    add(join(path, 'maxScore'), FORM_ERROR_CODES.invalidMaxScore, {
      name,
      value: show(question.maxScore),
    })
  }
  if (question.dimension !== undefined && !context.dimensionNames.has(question.dimension)) {
    add(join(path, 'dimension'), FORM_ERROR_CODES.unknownDimension, {
      name,
      dimension: show(question.dimension),
    })
  }
  const scored =
    question.correctAnswer !== undefined ||
    question.maxScore !== undefined ||
    choices.some((c) => c.score !== undefined)
  const normal = (question.scoreKind ?? 'normal') === 'normal'
  if (context.weighted && scored && normal && question.dimension === undefined) {
    add(path, FORM_ERROR_CODES.missingDimension, { name })
  }
  if (
    form.kind === 'quiz' &&
    SCORED_TYPES.has(question.type) &&
    question.correctAnswer === undefined
  ) {
    add(path, FORM_ERROR_CODES.quizWithoutCorrectAnswer, { name })
  }
  const stray = strayCorrectAnswer(form, question)
  if (stray !== undefined) {
    add(join(path, 'correctAnswer'), FORM_ERROR_CODES.correctAnswerNotAChoice, {
      name,
      value: show(stray),
    })
  }
}

/**
 * A value of a choice question's `correctAnswer` that SurveyJS does not offer, read like an answer
 * (`validateResponse`'s choices: `none`, `other`… when shown, a generated rating scale). Only
 * choice questions: a matrix's `correctAnswer` is its cells, not its `choices`.
 */
function strayCorrectAnswer(form: FormJson, question: ElementJson): unknown {
  if (question.correctAnswer === undefined || !SCORED_TYPES.has(question.type)) return undefined
  const rules = compileResponseRules(form).get(question)
  if (!rules?.allowed || rules.otherInValue) return undefined
  const { allowed } = rules
  const answers = Array.isArray(question.correctAnswer)
    ? question.correctAnswer
    : [question.correctAnswer]
  return answers.map((a) => chosenEntry(a).value).find((a) => !allowed.has(valueKey(a)))
}

/** Every object in the JSON, with its path, so SurveyJS's `jsonErrors` can say where. */
function objectPaths(root: unknown): Map<unknown, string> {
  const paths = new Map<unknown, string>()
  const visit = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object' || paths.has(value)) return
    paths.set(value, path)
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`)
    } else for (const [key, v] of Object.entries(value)) visit(v, join(path, key))
  }
  visit(root, '')
  return paths
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
}
