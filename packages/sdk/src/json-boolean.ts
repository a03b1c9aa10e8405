/**
 * A boolean property of SurveyJS JSON as SurveyJS's serializer reads it: the strings `"true"` and
 * `"false"` (any case) become booleans, anything else keeps JavaScript truthiness (`"yes"` stays
 * a string SurveyJS treats as true). `undefined` when the property is absent, so callers apply
 * the property's own default.
 *
 * @example
 * jsonBoolean('false') // false
 * jsonBoolean('TRUE') // true
 * jsonBoolean(undefined) // undefined
 */
export function jsonBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string') {
    const lower = value.toLowerCase()
    if (lower === 'true') return true
    if (lower === 'false') return false
  }
  return Boolean(value)
}

/** Whether a boolean JSON property is on, as SurveyJS reads it (absent means off). */
export function isOn(value: unknown): boolean {
  return jsonBoolean(value) === true
}

/** Whether a boolean JSON property is explicitly off (`false`, `"false"`, `""`, `0`, `null`). */
export function isOff(value: unknown): boolean {
  return jsonBoolean(value) === false
}
