/**
 * SurveyJS survey-level `triggers` as the rules the builder shows: "当 … 时，跳到 [题目]" (`skip`,
 * with `gotoName`) or "当 … 时，结束问卷" (`complete`). Other trigger types (setvalue, copyvalue,
 * runexpression…) are not rules the builder can show: they are kept as they are, never dropped.
 */

/** The trigger types the builder edits, in the order its action picker lists them. */
export const RULE_TRIGGER_TYPES = ['skip', 'complete'] as const
export type RuleTriggerType = (typeof RULE_TRIGGER_TYPES)[number]

/** A skip or complete trigger as the builder edits it: its condition text and its action. */
export interface TriggerRule {
  type: RuleTriggerType
  /** The SurveyJS condition (`expression`), `''` for none yet. */
  expression: string
  /** `skip`: the question to go to, `''` for none picked yet; `complete`: always `''`. */
  gotoName: string
}

/** What a new rule writes: a skip (the common case), its condition and target picked next. */
export const NEW_TRIGGER: Readonly<Record<string, unknown>> = { type: 'skip' }

/** The survey's `triggers` as a list (anything else, e.g. none, is an empty one). */
export function triggerList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/**
 * A trigger as a rule the builder edits; `null` for any other trigger (shown read-only).
 *
 * @example
 * triggerRuleOf({ type: 'skip', expression: "{a} = 'no'", gotoName: 'why' })
 * // { type: 'skip', expression: "{a} = 'no'", gotoName: 'why' }
 * triggerRuleOf({ type: 'setvalue', setToName: 'b' }) // null
 */
export function triggerRuleOf(trigger: unknown): TriggerRule | null {
  if (!trigger || typeof trigger !== 'object' || Array.isArray(trigger)) return null
  const json = trigger as Record<string, unknown>
  const type = typeof json.type === 'string' ? json.type.toLowerCase() : ''
  if (!isRuleType(type)) return null
  return {
    type,
    expression: typeof json.expression === 'string' ? json.expression : '',
    gotoName: type === 'skip' && typeof json.gotoName === 'string' ? json.gotoName : '',
  }
}

/**
 * The trigger JSON of an edited rule, keeping every other key of the trigger it edits (and their
 * order): no condition writes no `expression`, a complete trigger no `gotoName`.
 *
 * @example
 * triggerOf({ type: 'skip', expression: "{a} = 'no'", gotoName: '' }, { type: 'complete', expression: '' })
 * // { type: 'skip', expression: "{a} = 'no'" }
 */
export function triggerOf(rule: TriggerRule, previous: unknown): Record<string, unknown> {
  const base =
    previous && typeof previous === 'object' && !Array.isArray(previous)
      ? (previous as Record<string, unknown>)
      : {}
  const out: Record<string, unknown> = { ...base, type: rule.type }
  if (rule.expression) out.expression = rule.expression
  else delete out.expression
  if (rule.type === 'skip' && rule.gotoName) out.gotoName = rule.gotoName
  else delete out.gotoName
  return out
}

/** `list` with the trigger at `index` replaced (`next` given) or removed (`null`). */
export function withTrigger(list: readonly unknown[], index: number, next: unknown): unknown[] {
  return next === null
    ? list.filter((_, i) => i !== index)
    : list.map((trigger, i) => (i === index ? next : trigger))
}

function isRuleType(type: string): type is RuleTriggerType {
  return (RULE_TRIGGER_TYPES as readonly string[]).includes(type)
}
