import { hash } from 'node:crypto'

/**
 * JSON with every object's keys sorted, at every depth: the same content always gives the same
 * text, whatever order an editor (or PostgreSQL's jsonb, which reorders keys) left them in.
 * Array order is content (page and choice order), so it is kept.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, 1] }) // '{"a":[2,1],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null'
}

/**
 * `JSON.stringify` of the value with sorted keys, written directly rather than through sorted
 * copies: it hashes every submission (`requestHash`), so it must cost little. Undefined members
 * are left out and undefined array items written `null`, as `JSON.stringify` does.
 */
function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonical((value as { toJSON: () => unknown }).toJSON())
  }
  if (Array.isArray(value)) {
    let text = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ','
      text += canonical(value[i]) ?? 'null'
    }
    return `${text}]`
  }
  let text = '{'
  for (const key of Object.keys(value).sort()) {
    const member = canonical((value as Record<string, unknown>)[key])
    if (member === undefined) continue
    if (text.length > 1) text += ','
    text += `${JSON.stringify(key)}:${member}`
  }
  return `${text}}`
}

/**
 * SHA-256 (hex) of a form's canonical JSON: what a published version is identified by, and how
 * "nothing changed since the last version" is told.
 *
 * @example
 * contentHash({ a: 1, b: 2 }) === contentHash({ b: 2, a: 1 }) // true
 */
export function contentHash(json: unknown): string {
  return hash('sha256', canonicalJson(json), 'hex')
}
