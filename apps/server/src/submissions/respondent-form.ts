import type { FormJson } from '@yardstick/sdk'

/**
 * THE allow-list of what a form sent to a respondent (`GET /api/links/:slug`) may carry: every
 * other property stays on the server — a quiz's answer key (`correctAnswer`), points, choice
 * scores, satisfied flags, dimensions and weights, the bonus cap, draw counts, and every
 * SurveyJS feature that computes on answers (calculated values, triggers, expression questions
 * and validators, completed-page conditions, default-value expressions). A new property reaches
 * respondents only by being added here (and to the test that lists what goes out,
 * routes/links-respondent.test.ts).
 *
 * `assessor`: what a signed-in assessor's scorecard (the `superior` source) shows and checks on
 * the page besides — each item's points and kind, a choice's deduction and veto (each asks for
 * its reason there). Never `correctAnswer`.
 */
export const RESPONDENT_PROPERTIES = {
  form: [
    'title',
    'description',
    'kind',
    'locale',
    'pages',
    'elements',
    'showQuestionNumbers',
    'questionErrorLocation',
    'showProgressBar',
    'progressBarType',
    'pagePrevText',
    'pageNextText',
    'completeText',
    // The thank-you page as written (its `{correctAnswers}` counts nothing here: no answer key).
    'completedHtml',
    'widthMode',
  ],
  page: ['name', 'title', 'description', 'elements', 'visibleIf', 'navigationTitle'],
  /** Every question and panel. */
  element: [
    'type',
    'name',
    'title',
    'description',
    'visibleIf',
    'enableIf',
    'requiredIf',
    'isRequired',
    'requiredErrorText',
    'readOnly',
    'startWithNewLine',
    'titleLocation',
    'descriptionLocation',
    'hideNumber',
    'width',
    'minWidth',
    'maxWidth',
    'valueName',
    'showCommentArea',
    'commentText',
    'commentPlaceholder',
    'validators',
  ],
  /** Per element type, beyond `element`. */
  types: {
    radiogroup: ['choices', 'colCount', 'showOtherItem', 'otherText', 'showNoneItem', 'noneText'],
    checkbox: [
      'choices',
      'colCount',
      'showOtherItem',
      'otherText',
      'showNoneItem',
      'noneText',
      'showSelectAllItem',
      'maxSelectedChoices',
      'minSelectedChoices',
    ],
    dropdown: ['choices', 'placeholder', 'showOtherItem', 'otherText', 'showNoneItem', 'noneText'],
    tagbox: ['choices', 'placeholder', 'maxSelectedChoices', 'minSelectedChoices'],
    // What is ranked (without it a ranking reached respondents empty, unanswerable).
    ranking: ['choices'],
    imagepicker: ['choices', 'multiSelect', 'showLabel', 'imageHeight', 'imageWidth'],
    rating: [
      'rateValues',
      'rateMin',
      'rateMax',
      'rateStep',
      'rateCount',
      'rateType',
      'minRateDescription',
      'maxRateDescription',
      'displayMode',
    ],
    text: ['inputType', 'min', 'max', 'step', 'maxLength', 'placeholder', 'size'],
    comment: ['placeholder', 'maxLength', 'rows', 'autoGrow'],
    boolean: ['labelTrue', 'labelFalse', 'valueTrue', 'valueFalse', 'swapOrder'],
    multipletext: ['items', 'colCount'],
    matrix: ['columns', 'rows', 'isAllRowRequired'],
    matrixdropdown: ['columns', 'rows', 'choices', 'cellType'],
    matrixdynamic: [
      'columns',
      'choices',
      'cellType',
      'rowCount',
      'minRowCount',
      'maxRowCount',
      'addRowText',
      'removeRowText',
    ],
    html: ['html'],
    image: ['imageLink', 'imageHeight', 'imageWidth', 'altText'],
    panel: ['elements', 'state'],
    paneldynamic: [
      'templateElements',
      'templateTitle',
      'panelCount',
      'minPanelCount',
      'maxPanelCount',
      'panelAddText',
      'panelRemoveText',
    ],
  } as Record<string, readonly string[]>,
  /** A choice, a rating value, a matrix row or a simple matrix column. */
  choice: ['value', 'text', 'visibleIf', 'enableIf', 'imageLink'],
  /** A column of a dropdown or dynamic matrix: a small question of its own. */
  column: [
    'name',
    'title',
    'cellType',
    'choices',
    'isRequired',
    'inputType',
    'min',
    'max',
    'placeholder',
    'visibleIf',
  ],
  /** An entry of a multiple-text question. */
  item: ['name', 'title', 'inputType', 'isRequired', 'placeholder', 'maxLength', 'validators'],
  /** A validator: those checking an answer's form only, never an expression over answers. */
  validator: ['type', 'text', 'minValue', 'maxValue', 'minLength', 'maxLength', 'allowDigits'],
  validatorTypes: ['numeric', 'text', 'email', 'answercount'],
  assessor: { element: ['scoreKind', 'maxScore'], choice: ['score', 'veto'] },
} as const

/** Who a respondent form is for: any respondent, or a signed-in assessor's scorecard. */
export type Audience = 'respondent' | 'assessor'

/** Properties holding a SurveyJS expression (read as page logic). */
const EXPRESSIONS = new Set(['visibleIf', 'enableIf', 'requiredIf'])

type Node = Record<string, unknown>

const set = (...lists: ReadonlyArray<readonly string[]>) => new Set(lists.flat())
const P = RESPONDENT_PROPERTIES
const ALLOWED = {
  form: set(P.form),
  page: set(P.page),
  choice: { respondent: set(P.choice), assessor: set(P.choice, P.assessor.choice) },
  column: set(P.column),
  item: set(P.item),
  validator: set(P.validator),
}
const elementAllowed = new Map<string, Set<string>>()
function allowedFor(type: unknown, audience: Audience): Set<string> {
  const key = `${audience}:${String(type)}`
  let allowed = elementAllowed.get(key)
  if (!allowed) {
    const extra = audience === 'assessor' ? P.assessor.element : []
    allowed = set(P.element, P.types[String(type)] ?? [], extra)
    elementAllowed.set(key, allowed)
  }
  return allowed
}

const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** The names an expression reads (`{name}`, `{name.item}`, `{panel[0].q}`). */
function namesIn(expression: string): string[] {
  return [...expression.matchAll(/\{\s*([^}.[\s]+)/g)].map((m) => m[1] as string)
}

class Copier {
  readonly #audience: Audience
  /** Quiz questions (those with an answer key): no expression sent out may read their answers. */
  readonly #quiz: Set<string>

  constructor(form: FormJson, audience: Audience) {
    this.#audience = audience
    this.#quiz = new Set()
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) for (const v of value) visit(v)
      else if (isNode(value)) {
        if (value.correctAnswer !== undefined && typeof value.name === 'string') {
          this.#quiz.add(value.name)
        }
        for (const v of Object.values(value)) if (typeof v === 'object') visit(v)
      }
    }
    visit(form)
  }

  form(form: FormJson): FormJson {
    return this.#pick(form, ALLOWED.form) as FormJson
  }

  #pick(node: Node, allowed: Set<string>): Node {
    const out: Node = {}
    for (const [key, value] of Object.entries(node)) {
      if (!allowed.has(key) || value === undefined) continue
      if (EXPRESSIONS.has(key) && this.#readsQuiz(value)) continue
      out[key] = this.#child(node, key, value)
    }
    return out
  }

  #readsQuiz(expression: unknown): boolean {
    return typeof expression === 'string' && namesIn(expression).some((n) => this.#quiz.has(n))
  }

  #child(parent: Node, key: string, value: unknown): unknown {
    if (!Array.isArray(value)) return value
    switch (key) {
      case 'pages':
        return value.filter(isNode).map((page) => this.#pick(page, ALLOWED.page))
      case 'elements':
      case 'templateElements':
        return value.filter(isNode).map((element) => this.#element(element))
      case 'choices':
      case 'rateValues':
      case 'rows':
        return value.map((choice) => this.#choice(choice))
      case 'columns':
        // A simple matrix's columns are values to choose; a dropdown matrix's are questions.
        return parent.type === 'matrix'
          ? value.map((choice) => this.#choice(choice))
          : value.filter(isNode).map((column) => this.#pick(column, ALLOWED.column))
      case 'items':
        return value.filter(isNode).map((item) => this.#pick(item, ALLOWED.item))
      case 'validators':
        return value
          .filter((v) => isNode(v) && P.validatorTypes.some((type) => type === v.type))
          .map((v) => this.#pick(v as Node, ALLOWED.validator))
      default:
        return value
    }
  }

  #element(element: Node): Node {
    const out = this.#pick(element, allowedFor(element.type, this.#audience))
    // A pattern or a range could spell a quiz question's answer.
    if (element.correctAnswer !== undefined) delete out.validators
    return out
  }

  #choice(choice: unknown): unknown {
    return isNode(choice) ? this.#pick(choice, ALLOWED.choice[this.#audience]) : choice
  }
}

/**
 * A form as a respondent may see it: a new object holding only `RESPONDENT_PROPERTIES` (and,
 * for an assessor's scorecard, their `assessor` part); the input is not changed.
 *
 * @example
 * toRespondentForm(personalize(form, seed), 'respondent')
 */
export function toRespondentForm(form: FormJson, audience: Audience): FormJson {
  return new Copier(form, audience).form(form)
}

const shared = { respondent: new WeakMap<FormJson, FormJson>(), assessor: new WeakMap() }

/**
 * `toRespondentForm` of a form shared by many requests (a cached form version): made once per
 * form object and audience, kept as long as the form is.
 *
 * @example
 * const shown = respondentForm(context.form, 'respondent')
 */
export function respondentForm(form: FormJson, audience: Audience): FormJson {
  const cache = shared[audience]
  let copy = cache.get(form)
  if (!copy) {
    copy = toRespondentForm(form, audience)
    cache.set(form, copy)
  }
  return copy
}

/**
 * A timed quiz before its respondent started it: the title and description for the start
 * screen, no questions (nothing to read before the countdown runs).
 *
 * @example
 * withoutQuestions(respondentForm(context.form, 'respondent')).pages // []
 */
export function withoutQuestions(form: FormJson): FormJson {
  const { pages: _pages, elements: _elements, ...rest } = form
  return { ...rest, pages: [] }
}

/**
 * How many quiz questions (those with a `correctAnswer`) a form holds: pass the respondent's
 * personalised form for their draw.
 *
 * @example
 * quizQuestionCount(personalize(templates.quiz, token)) // 30
 */
export function quizQuestionCount(form: FormJson): number {
  let count = 0
  const visit = (node: Record<string, unknown>): void => {
    if (node.correctAnswer !== undefined) count++
    for (const key of ['pages', 'elements', 'templateElements'] as const) {
      const children = node[key]
      if (!Array.isArray(children)) continue
      for (const child of children) {
        if (child && typeof child === 'object') visit(child as Record<string, unknown>)
      }
    }
  }
  visit(form)
  return count
}
