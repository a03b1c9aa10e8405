import { type BinaryOperand, ConditionsParser, type Operand, type UnaryOperand } from 'survey-core'

/**
 * The comparisons a rule builder offers, each with the SurveyJS operator it writes and the name
 * survey-core's parser gives that operator back (`=` parses as `equal`).
 */
export const RULE_OPS = {
  eq: { writes: '=', parsed: 'equal' },
  neq: { writes: '!=', parsed: 'notequal' },
  contains: { writes: 'contains', parsed: 'contains' },
  notContains: { writes: 'notcontains', parsed: 'notcontains' },
  gt: { writes: '>', parsed: 'greater' },
  gte: { writes: '>=', parsed: 'greaterorequal' },
  lt: { writes: '<', parsed: 'less' },
  lte: { writes: '<=', parsed: 'lessorequal' },
  empty: { writes: 'empty', parsed: 'empty' },
  notEmpty: { writes: 'notempty', parsed: 'notempty' },
} as const

/** One comparison of a rule, `eq` … `notEmpty`. */
export type RuleOp = keyof typeof RULE_OPS

/** The comparisons in the order a builder lists them. */
export const RULE_OP_NAMES = Object.keys(RULE_OPS) as RuleOp[]

/** Comparisons that take no value (`{q} empty`). */
export const VALUELESS_OPS: ReadonlySet<RuleOp> = new Set<RuleOp>(['empty', 'notEmpty'])

/** A value a rule compares with: what SurveyJS writes as a literal. */
export type RuleValue = string | number | boolean

/** "question op value": `{ question: 'theoryStudy', op: 'eq', value: 'no' }`. */
export interface RuleCondition {
  question: string
  op: RuleOp
  /** Absent for `empty` / `notEmpty`. */
  value?: RuleValue
}

/** Conditions that must all hold (AND) or of which any may hold (OR). */
export type Rule = { all: RuleCondition[] } | { any: RuleCondition[] }

const PARSED_OPS = new Map<string, RuleOp>(
  RULE_OP_NAMES.map((op) => [RULE_OPS[op].parsed, op] as const),
)

/**
 * Reads a SurveyJS condition as a rule a builder can show, with survey-core's own parser: one
 * comparison, or comparisons joined all by `and` or all by `or`, each a question compared with a
 * literal. Anything else (mixed and/or, `!`, functions, `anyof`, two questions compared) is
 * `null`: it stays text for experts.
 *
 * @param expression a SurveyJS condition, e.g. a `visibleIf`
 * @example
 * parseRule("{theoryStudy} = 'no' and {age} > 60")
 * // { all: [{ question: 'theoryStudy', op: 'eq', value: 'no' }, { question: 'age', op: 'gt', value: 60 }] }
 * parseRule('age({birth}) > 60') // null
 */
export function parseRule(expression: string): Rule | null {
  if (!expression.trim()) return null
  const parser = new ConditionsParser()
  const root = parser.parseExpression(expression)
  if (!root) return null
  const conjunction = junction(root)
  const parts = conjunction ? flatten(root, conjunction) : [root]
  const conditions: RuleCondition[] = []
  for (const part of parts) {
    const condition = comparison(part)
    if (!condition) return null
    conditions.push(condition)
  }
  return conjunction === 'or' ? { any: conditions } : { all: conditions }
}

/**
 * Writes a rule as a SurveyJS condition: `{question} op literal`, strings single-quoted (a quote
 * inside escaped), numbers and booleans bare, joined by `and` (`all`) or `or` (`any`). An empty
 * rule writes `''` (no condition).
 *
 * @example
 * ruleToExpression({ any: [{ question: 'a', op: 'eq', value: 'no' }, { question: 'b', op: 'empty' }] })
 * // "{a} = 'no' or {b} empty"
 */
export function ruleToExpression(rule: Rule): string {
  const [conditions, joiner] = 'all' in rule ? [rule.all, ' and '] : [rule.any, ' or ']
  return conditions.map(conditionToExpression).join(joiner)
}

/**
 * The conditions of a rule and whether all (AND) or any (OR) must hold.
 *
 * @example
 * ruleParts({ any: [{ question: 'a', op: 'empty' }] }) // { conditions: [{ question: 'a', op: 'empty' }], any: true }
 */
export function ruleParts(rule: Rule): { conditions: RuleCondition[]; any: boolean } {
  return 'any' in rule ? { conditions: rule.any, any: true } : { conditions: rule.all, any: false }
}

function conditionToExpression({ question, op, value }: RuleCondition): string {
  const left = `{${question}} ${RULE_OPS[op].writes}`
  return VALUELESS_OPS.has(op) ? left : `${left} ${literal(value ?? '')}`
}

function literal(value: RuleValue): string {
  if (typeof value !== 'string') return String(value)
  return `'${value.replace(/(['"])/g, '\\$1')}'`
}

function junction(node: Operand): 'and' | 'or' | null {
  if (node.getType() !== 'binary') return null
  const op = (node as BinaryOperand).operator
  return op === 'and' || op === 'or' ? op : null
}

/** `a and (b and c)` and `(a and b) and c` alike as [a, b, c]: one conjunction is associative. */
function flatten(node: Operand, conjunction: 'and' | 'or'): Operand[] {
  if (junction(node) !== conjunction) return [node]
  const binary = node as BinaryOperand
  return [...flatten(binary.leftOperand, conjunction), ...flatten(binary.rightOperand, conjunction)]
}

function comparison(node: Operand): RuleCondition | null {
  const type = node.getType()
  if (type === 'unary') {
    const unary = node as UnaryOperand
    const op = PARSED_OPS.get(unary.operator)
    const question = variableName(unary.expression)
    return op && VALUELESS_OPS.has(op) && question !== null ? { question, op } : null
  }
  if (type !== 'binary') return null
  const binary = node as BinaryOperand
  const op = PARSED_OPS.get(binary.operator)
  const question = variableName(binary.leftOperand)
  const value = constValue(binary.rightOperand)
  if (!op || VALUELESS_OPS.has(op) || question === null || value === null) return null
  return { question, op, value }
}

function variableName(node: Operand | undefined): string | null {
  return node?.getType() === 'variable' ? (node as unknown as { variable: string }).variable : null
}

function constValue(node: Operand | undefined): RuleValue | null {
  if (node?.getType() !== 'const') return null
  const value = (node as unknown as { correctValue: unknown }).correctValue
  const kind = typeof value
  return kind === 'string' || kind === 'boolean' || (kind === 'number' && Number.isFinite(value))
    ? (value as RuleValue)
    : null
}
