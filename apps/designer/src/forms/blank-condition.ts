import {
  type ChoiceJson,
  type ElementJson,
  type FormJson,
  parseRule,
  type RuleOp,
  type RuleValue,
} from '@yardstick/sdk'

/** One comparison of a printed condition, with the question's title and the value's text. */
export interface BlankComparison {
  question: string
  op: RuleOp
  /** The choice's text where the value is a choice (a boolean's answer), else the value. */
  value: string
}

/**
 * When a question is answered on paper, from its `visibleIf`: comparisons joined by `all` (and)
 * or `any` (or) that a sentence can say, or the expression itself where no rule builder could
 * read it (`parseRule` gives null: functions, mixed and/or).
 */
export type BlankCondition =
  | { join: 'all' | 'any'; comparisons: BlankComparison[] }
  | { expression: string }

/** How a condition's parts are worded: the form's text in a locale, a boolean's two answers. */
export interface ConditionWords {
  text: (value: unknown) => string
  yes: string
  no: string
}

/**
 * The condition under which a question (or panel, or page) is answered, for a paper form where
 * nothing hides it, or null when it is always answered. Read with the SDK's `parseRule`, the
 * parser the rule builder uses.
 *
 * @param elements every element of the form by name (`elementsByName`)
 * @example
 * blankCondition("{partyDues} = 'no'", elementsByName(templates.selfCheck), words)
 * // { join: 'all', comparisons: [{ question: '按规定交纳党费', op: 'eq', value: '否' }] }
 */
export function blankCondition(
  visibleIf: unknown,
  elements: ReadonlyMap<string, ElementJson>,
  words: ConditionWords,
): BlankCondition | null {
  if (typeof visibleIf !== 'string' || !visibleIf.trim()) return null
  const rule = parseRule(visibleIf)
  if (!rule) return { expression: visibleIf }
  const conditions = 'all' in rule ? rule.all : rule.any
  return {
    join: 'all' in rule ? 'all' : 'any',
    comparisons: conditions.map(({ question, op, value }) => {
      const element = elements.get(question)
      return {
        question: (element && words.text(element.title)) || question,
        op,
        value: value === undefined ? '' : valueText(element, value, words),
      }
    }),
  }
}

/**
 * Every element of a form (pages' elements, panels' and dynamic panels' inner ones) by name.
 *
 * @example
 * elementsByName(templates.selfCheck).get('partyDues')?.type // 'radiogroup'
 */
export function elementsByName(form: FormJson): Map<string, ElementJson> {
  const found = new Map<string, ElementJson>()
  const visit = (elements: readonly ElementJson[] | undefined) => {
    for (const element of elements ?? []) {
      if (typeof element.name === 'string' && !found.has(element.name)) {
        found.set(element.name, element)
      }
      visit((element.elements ?? element.templateElements) as ElementJson[] | undefined)
    }
  }
  for (const page of form.pages ?? [{ elements: form.elements }]) visit(page.elements)
  return found
}

function valueText(element: ElementJson | undefined, value: RuleValue, words: ConditionWords) {
  if (element?.type === 'boolean' && typeof value === 'boolean') {
    return value
      ? words.text(element.labelTrue) || words.yes
      : words.text(element.labelFalse) || words.no
  }
  const choices = [
    ...((element?.choices ?? []) as Array<ChoiceJson | string | number>),
    ...((element?.rateValues ?? []) as Array<ChoiceJson | string | number>),
  ]
  for (const choice of choices) {
    const choiceValue = typeof choice === 'object' ? choice.value : choice
    if (String(choiceValue) === String(value)) {
      return typeof choice === 'object' ? words.text(choice.text) || String(value) : String(value)
    }
  }
  return String(value)
}
