/** The SurveyJS validators the property panel edits, with the parameters each one has. */
export const VALIDATOR_TYPES = ['numeric', 'text', 'regex', 'expression'] as const
export type ValidatorType = (typeof VALIDATOR_TYPES)[number]

/** Each validator type's parameters: numbers or a string. */
export const VALIDATOR_PARAMS: Record<
  ValidatorType,
  ReadonlyArray<{ key: string; number: boolean }>
> = {
  numeric: [
    { key: 'minValue', number: true },
    { key: 'maxValue', number: true },
  ],
  text: [
    { key: 'minLength', number: true },
    { key: 'maxLength', number: true },
  ],
  regex: [{ key: 'regex', number: false }],
  expression: [{ key: 'expression', number: false }],
}

type Validator = Record<string, unknown>

/** A question's `validators` as a list of objects (anything else reads as none). */
export function readValidators(value: unknown): Validator[] {
  return Array.isArray(value)
    ? value.filter((v): v is Validator => typeof v === 'object' && v !== null && !Array.isArray(v))
    : []
}

/** Whether the panel knows how to edit a validator (others are kept and shown as JSON). */
export function knownType(validator: Validator): ValidatorType | null {
  return VALIDATOR_TYPES.find((t) => t === validator.type) ?? null
}

/** The `validators` value after a change: `undefined` (property removed) when none is left. */
export function validatorsValue(list: readonly Validator[]): Validator[] | undefined {
  return list.length > 0 ? [...list] : undefined
}

/**
 * One validator with a parameter set from a field's text: numbers parsed (a number field left
 * empty removes the parameter), strings kept, an empty string removes it.
 *
 * @throws Error when a number parameter is given text that is not a number
 */
export function withParam(
  validator: Validator,
  param: { key: string; number: boolean },
  text: string,
): Validator {
  const { [param.key]: _old, ...rest } = validator
  if (text.trim() === '') return rest
  if (!param.number) return { ...rest, [param.key]: text }
  const n = Number(text)
  if (!Number.isFinite(n)) {
    throw new Error(
      `${String(validator.type)} validator: ${param.key} must be a number, not "${text}"`,
    )
  }
  return { ...rest, [param.key]: n }
}

/**
 * The validator's error message with one locale set (`default` is zh-CN): kept as a plain string
 * while only `default` is given, a locale object once English is; empty removes that locale.
 */
export function withMessage(
  validator: Validator,
  locale: 'default' | 'en',
  text: string,
): Validator {
  const { text: old, ...rest } = validator
  const texts: Record<string, string> =
    typeof old === 'string'
      ? { default: old }
      : old && typeof old === 'object'
        ? { ...(old as Record<string, string>) }
        : {}
  if (text === '') delete texts[locale]
  else texts[locale] = text
  const keys = Object.keys(texts)
  if (keys.length === 0) return rest
  if (keys.length === 1 && keys[0] === 'default') return { ...rest, text: texts.default }
  return { ...rest, text: texts }
}

/** A validator's message in one locale. */
export function messageIn(validator: Validator, locale: 'default' | 'en'): string {
  const text = validator.text
  if (typeof text === 'string') return locale === 'default' ? text : ''
  if (text && typeof text === 'object')
    return String((text as Record<string, unknown>)[locale] ?? '')
  return ''
}
