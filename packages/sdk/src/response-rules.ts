import {
  ConditionRunner,
  JsonObject,
  type QuestionTextModel,
  Serializer,
  type SurveyValidator,
} from 'survey-core'
import './extensions'
import { isOff, isOn } from './json-boolean'
import { valueKey } from './plan'
import type { ElementJson, FormJson } from './types'
import { walkElements } from './walk'

/** A validator of the form (`validators: [{ type: 'numeric', … }]`), loaded once by survey-core. */
export interface CompiledValidator {
  /** SurveyJS's short name: `numeric`, `text`, `regex`, `email`, `expression`, `answercount`. */
  rule: string
  /** survey-core's own validator, for every rule but `expression`. */
  validator: SurveyValidator | undefined
  /** The condition of an `expression` validator, read on the answers. */
  expression: ConditionRunner | undefined
}

/** What `validateResponse` checks on one question, read once from the form. */
export interface QuestionRules {
  /**
   * The values SurveyJS offers (keys by `valueKey`): choices with its `none`, `other`, `refused`,
   * `dontknow` items, `choicesMin`…`choicesMax`, a rating's generated scale or `rateValues`.
   * Undefined where the choices arrive at run time (`choicesByUrl`, `choicesFromQuestion`).
   */
  allowed: Set<string> | undefined
  /** A rating scale SurveyJS generates (`autoGenerate`): its bounds, to report `outOfRange`. */
  scale: [number, number] | undefined
  /** Its answer is a list: checkbox, tagbox, image picker with `multiSelect`. */
  multiple: boolean
  /** A checkbox's `valuePropertyName`: each entry is `{ [valueProperty]: value }`. */
  valueProperty: string | undefined
  /** Shows an "other" item. */
  hasOther: boolean
  /** Choices (keys by `valueKey`) whose comment is required when chosen (`isCommentRequired`). */
  commentRequired: Set<string>
  /** `storeOthersAsComment: false`: the "other" text is stored as the value itself. */
  otherInValue: boolean
  /** Never validated: read-only itself, in a read-only container or a display-mode form. */
  readOnly: boolean
  /** `enableIf` of it and its containers: while one fails, it is read-only. */
  enableIf: string[]
  /** Has no value to check (html, image). */
  noInput: boolean
  /** Never required: it holds no answer of the respondent's (html, image, expression). */
  neverRequired: boolean
  validators: CompiledValidator[]
  /** Validators of multiple-text items, by item name. */
  itemValidators: Map<string, CompiledValidator[]>
  /** A single matrix's `eachRowUnique`: no two rows may take the same column. */
  eachRowUnique: boolean
  /**
   * `minSelectedChoices` of a checkbox, tagbox or ranking, `minSelectedAreas` of an image map
   * (SurveyJS checks it on no answer too).
   */
  minChoices: number | undefined
  /**
   * A text question with `min`, `max`, `step` or their expressions, loaded by survey-core: SurveyJS
   * compares dates, numbers and text by its own rules, and `validateResponse` asks it.
   */
  limits: QuestionTextModel | undefined
  /**
   * The same limits as plain numbers, when they are exactly that (`inputType: 'number'`, numeric
   * `min`/`max`/`step`, no expressions): a number answer is then compared here, without setting
   * it on survey-core's question (which costs a millisecond per answer).
   */
  numberLimits: NumberLimits | undefined
  /** Its cells or panels' questions have validators or an "other" item (`innerIssues`). */
  innerChecks: boolean
  /**
   * Checked whenever visible, answered or not: entries inside, validators, `eachRowUnique`,
   * `minChoices`, limits (the rest only when a comment or a required answer may be missing).
   */
  alwaysChecked: boolean
  /** An "other" item or a choice with a required comment. */
  hasComments: boolean
  /**
   * Checked only for its plain-number limits (a scorecard's points): an answer that is a number
   * within `numberLimits` can raise no issue, so it needs no visibility and no further checks.
   */
  onlyNumberLimits: boolean
}

/** Questions without a value: SurveyJS checks nothing on them. */
const NO_INPUT = new Set(['html', 'image'])
const CHOICE_TYPES = new Set([
  'radiogroup',
  'dropdown',
  'imagepicker',
  'buttongroup',
  'checkbox',
  'tagbox',
  'rating',
])
const rules = new WeakMap<FormJson, Map<ElementJson, QuestionRules>>()

/**
 * The response rules of every question of a form, keyed by its element, compiled once per form
 * object (as `compileForm` is): survey-core loads each choice question and validator here, never
 * per response.
 *
 * @example
 * compileResponseRules(form).get(element)?.allowed // Set { 'a', 'b', 'other' }
 */
export function compileResponseRules(form: FormJson): Map<ElementJson, QuestionRules> {
  const cached = rules.get(form)
  if (cached) return cached
  const byElement = new Map<ElementJson, QuestionRules>()
  const formReadOnly = form.mode === 'display' || isOn(form.readOnly)
  const formOthersAsComment = !isOff(form.storeOthersAsComment)
  for (const { element, ancestors } of walkElements(form)) {
    if (typeof element.name !== 'string' || element.type === 'panel') continue
    const chain = [...ancestors, element]
    const hasOther = isOn(element.showOtherItem) || isOn(element.hasOther)
    byElement.set(
      element,
      withSummary({
        type: element.type,
        ...choiceRules(element),
        multiple:
          element.type === 'checkbox' ||
          element.type === 'tagbox' ||
          (element.type === 'imagepicker' && isOn(element.multiSelect)),
        valueProperty:
          element.type === 'checkbox' && typeof element.valuePropertyName === 'string'
            ? element.valuePropertyName
            : undefined,
        hasOther,
        commentRequired: commentRequiredOf(element),
        otherInValue:
          hasOther &&
          (element.storeOthersAsComment === undefined
            ? !formOthersAsComment
            : isOff(element.storeOthersAsComment)),
        readOnly: formReadOnly || chain.some((c) => isOn(c.readOnly)),
        enableIf: chain.flatMap((c) =>
          typeof c.enableIf === 'string' && c.enableIf.trim() !== '' ? [c.enableIf] : [],
        ),
        noInput: NO_INPUT.has(element.type),
        neverRequired: NO_INPUT.has(element.type) || element.type === 'expression',
        validators: compileValidators(
          element.type === 'text' ? withEmail(element) : element.validators,
        ),
        itemValidators: itemValidators(element),
        eachRowUnique: element.type === 'matrix' && isOn(element.eachRowUnique),
        minChoices: minChoicesOf(element),
        limits: limitsOf(element),
        numberLimits: numberLimitsOf(element),
        innerChecks: hasInnerChecks(element),
      }),
    )
  }
  rules.set(form, byElement)
  return byElement
}

/** Questions with entries inside them, checked whenever visible (`missingEntries`). */
export const HAS_ENTRIES = new Set([
  'multipletext',
  'matrix',
  'matrixdropdown',
  'matrixdynamic',
  'paneldynamic',
])

type Summary = 'alwaysChecked' | 'hasComments' | 'onlyNumberLimits'

function withSummary(rules: Omit<QuestionRules, Summary> & { type: string }): QuestionRules {
  const { type, ...own } = rules
  const checkedInside =
    HAS_ENTRIES.has(type) ||
    own.validators.length > 0 ||
    own.eachRowUnique ||
    own.minChoices !== undefined
  const hasComments = own.hasOther || own.commentRequired.size > 0
  return {
    ...own,
    alwaysChecked: checkedInside || own.limits !== undefined,
    hasComments,
    onlyNumberLimits:
      type === 'text' &&
      own.numberLimits !== undefined &&
      !checkedInside &&
      !hasComments &&
      !own.innerChecks &&
      own.itemValidators.size === 0,
  }
}

type ChoiceRules = Pick<QuestionRules, 'allowed' | 'scale'>

/** The values SurveyJS itself offers, read from a survey-core question loaded without a survey. */
function choiceRules(element: ElementJson): ChoiceRules {
  if (!CHOICE_TYPES.has(element.type)) return { allowed: undefined, scale: undefined }
  if (element.choicesByUrl || element.choicesFromQuestion || isOn(element.choicesLazyLoadEnabled)) {
    return { allowed: undefined, scale: undefined }
  }
  const question = Serializer.createClass(element.type)
  if (!question) return { allowed: undefined, scale: undefined }
  new JsonObject().toObject(element, question)
  if (element.type === 'rating') {
    const values = question.visibleRateValues as Array<{ value: unknown }>
    // survey-core's `useRateValues()`: its own list, unless it generates the scale.
    const generated = !(question.rateValues.length > 0 && !question.autoGenerate)
    return {
      allowed: new Set(values.map((v) => valueKey(v.value))),
      scale: generated ? [question.rateMin, question.rateMax] : undefined,
    }
  }
  const selectAll = question.selectAllItem
  const values = (question.visibleChoices as Array<{ value: unknown }>).filter(
    (item) => item !== selectAll,
  )
  return { allowed: new Set(values.map((v) => valueKey(v.value))), scale: undefined }
}

function compileValidators(json: unknown): CompiledValidator[] {
  if (!Array.isArray(json)) return []
  return json.flatMap((entry): CompiledValidator[] => {
    if (!entry || typeof entry !== 'object' || typeof entry.type !== 'string') return []
    // A warning or an info does not stop SurveyJS from completing.
    if (entry.notificationType === 'warning' || entry.notificationType === 'info') return []
    const rule = entry.type.replace(/validator$/, '')
    if (rule === 'expression') {
      const { expression } = entry as { expression?: unknown }
      return typeof expression === 'string' && expression.trim() !== ''
        ? [{ rule, validator: undefined, expression: new ConditionRunner(expression) }]
        : []
    }
    // An unknown validator type is SurveyJS's `validator/unknown-type` lint; it checks nothing.
    const validator = Serializer.createClass(`${rule}validator`) as SurveyValidator | undefined
    if (!validator) return []
    new JsonObject().toObject(entry, validator)
    return [{ rule, validator, expression: undefined }]
  })
}

function itemValidators(element: ElementJson): Map<string, CompiledValidator[]> {
  const items = new Map<string, CompiledValidator[]>()
  if (element.type !== 'multipletext' || !Array.isArray(element.items)) return items
  for (const item of element.items) {
    if (!item || typeof item !== 'object' || typeof item.name !== 'string') continue
    const validators = compileValidators(withEmail(item))
    if (validators.length > 0) items.set(item.name, validators)
  }
  return items
}

/** SurveyJS checks an email input as if it had an email validator. */
function withEmail(question: Record<string, unknown>): unknown {
  const own = Array.isArray(question.validators) ? question.validators : []
  return question.inputType === 'email' ? [{ type: 'email' }, ...own] : own
}

function minChoicesOf(element: ElementJson): number | undefined {
  const min =
    element.type === 'imagemap'
      ? element.minSelectedAreas
      : ['checkbox', 'tagbox', 'ranking'].includes(element.type)
        ? element.minSelectedChoices
        : undefined
  return typeof min === 'number' && min > 0 ? min : undefined
}

const LIMITS = ['min', 'max', 'step', 'minValueExpression', 'maxValueExpression']

/** A number question's literal `min`, `max` and `step` (see `QuestionRules.numberLimits`). */
export interface NumberLimits {
  min: number | undefined
  max: number | undefined
  step: number | undefined
}

function numberLimitsOf(element: ElementJson): NumberLimits | undefined {
  if (element.type !== 'text' || element.inputType !== 'number') return undefined
  if (element.minValueExpression !== undefined || element.maxValueExpression !== undefined) {
    return undefined
  }
  const literal = (value: unknown) => value === undefined || typeof value === 'number'
  if (!literal(element.min) || !literal(element.max) || !literal(element.step)) return undefined
  return {
    min: element.min as number | undefined,
    max: element.max as number | undefined,
    step: element.step as number | undefined,
  }
}

function limitsOf(element: ElementJson): QuestionTextModel | undefined {
  if (element.type !== 'text' || !LIMITS.some((p) => element[p] !== undefined)) return undefined
  const question = Serializer.createClass('text') as QuestionTextModel
  new JsonObject().toObject(element, question)
  return question
}

const compiled = {
  plain: new WeakMap<object, CompiledValidator[]>(),
  email: new WeakMap<object, CompiledValidator[]>(),
}
const NO_VALIDATORS: unknown[] = []

/**
 * The validators of a question inside a matrix or dynamic panel (a column, a template question),
 * compiled once per `validators` list of the form.
 *
 * @example
 * validatorsOf({ name: 'age', validators: [{ type: 'numeric', maxValue: 120 }] })[0].rule // 'numeric'
 */
export function validatorsOf(question: Record<string, unknown>): CompiledValidator[] {
  const own = Array.isArray(question.validators) ? question.validators : NO_VALIDATORS
  const email =
    (question.type === 'text' || question.type === undefined) && question.inputType === 'email'
  const cache = email ? compiled.email : compiled.plain
  let validators = cache.get(own)
  if (!validators) {
    validators = compileValidators(email ? [{ type: 'email' }, ...own] : own)
    cache.set(own, validators)
  }
  return validators
}

/** Whether a matrix's columns or a dynamic panel's questions, at any depth, have inner checks. */
function hasInnerChecks(element: ElementJson): boolean {
  const inner = [element.columns, element.templateElements, element.elements].flatMap((list) =>
    Array.isArray(list) ? (list as ElementJson[]) : [],
  )
  return inner.some(
    (entry) =>
      entry !== null &&
      typeof entry === 'object' &&
      ((Array.isArray(entry.validators) && entry.validators.length > 0) ||
        isOn(entry.showOtherItem) ||
        isOn(entry.hasOther) ||
        entry.inputType === 'email' ||
        hasInnerChecks(entry)),
  )
}

function commentRequiredOf(element: ElementJson): Set<string> {
  const choices = Array.isArray(element.choices) ? element.choices : []
  return new Set(
    choices.flatMap((choice) =>
      choice !== null &&
      typeof choice === 'object' &&
      isOn(choice.showCommentArea) &&
      isOn((choice as Record<string, unknown>).isCommentRequired)
        ? [valueKey(choice.value)]
        : [],
    ),
  )
}
