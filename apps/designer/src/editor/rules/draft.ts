import {
  parseRule,
  type RuleCondition,
  type RuleOp,
  type RuleValue,
  ruleParts,
  ruleToExpression,
  VALUELESS_OPS,
} from '@yardstick/sdk'

/** One row of the rule builder as shown: the value as the field holds it (text). */
export interface DraftRow {
  question: string
  op: RuleOp
  value: string
}

/** The builder's rows and whether any (OR) or all (AND) must hold. */
export interface Draft {
  rows: DraftRow[]
  any: boolean
}

/** The logic properties the builder edits, in the order the panel shows them. */
export const RULE_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf'] as const
export type RuleProperty = (typeof RULE_PROPERTIES)[number]

/**
 * The builder's rows for an expression: none for no condition, `null` when `parseRule` cannot
 * show it as a rule (it stays text, for experts).
 *
 * @example
 * draftOf("{a} = 'no'") // { rows: [{ question: 'a', op: 'eq', value: 'no' }], any: false }
 */
export function draftOf(expression: string): Draft | null {
  if (!expression.trim()) return { rows: [], any: false }
  const rule = parseRule(expression)
  if (!rule) return null
  const { conditions, any } = ruleParts(rule)
  return {
    any,
    rows: conditions.map(({ question, op, value }) => ({
      question,
      op,
      value: value === undefined ? '' : String(value),
    })),
  }
}

/** What the builder knows of a question to type its values: its choices, whether numeric. */
export interface QuestionValues {
  choices: readonly unknown[]
  numeric: boolean
}

/**
 * The expression of the rows that are complete (a question, and a value unless the comparison
 * takes none); `''` when none is. A value is typed as the question's choice it names, a number
 * for a numeric question or an ordering comparison, else text.
 *
 * @example
 * draftExpression({ rows: [{ question: 'a', op: 'gt', value: '3' }], any: false }, () => undefined)
 * // '{a} > 3'
 */
export function draftExpression(
  { rows, any }: Draft,
  valuesOf: (question: string) => QuestionValues | undefined,
): string {
  const conditions: RuleCondition[] = []
  for (const { question, op, value } of rows) {
    if (!question) continue
    if (VALUELESS_OPS.has(op)) {
      conditions.push({ question, op })
      continue
    }
    if (value === '') continue
    conditions.push({ question, op, value: typed(value, op, valuesOf(question)) })
  }
  if (conditions.length === 0) return ''
  return ruleToExpression(any ? { any: conditions } : { all: conditions })
}

const ORDERING: ReadonlySet<RuleOp> = new Set<RuleOp>(['gt', 'gte', 'lt', 'lte'])

function typed(text: string, op: RuleOp, values: QuestionValues | undefined): RuleValue {
  const choice = values?.choices.find((c) => String(c) === text)
  if (typeof choice === 'string' || typeof choice === 'number' || typeof choice === 'boolean') {
    return choice
  }
  const number = Number(text)
  if ((values?.numeric || ORDERING.has(op)) && text.trim() !== '' && Number.isFinite(number)) {
    return number
  }
  return text
}
