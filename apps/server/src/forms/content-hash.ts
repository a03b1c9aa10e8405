import { createHash } from 'node:crypto'

/**
 * JSON with every object's keys sorted, at every depth: the same content always gives the same
 * text, whatever order an editor (or PostgreSQL's jsonb, which reorders keys) left them in.
 * Array order is content (page and choice order), so it is kept.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, 1] }) // '{"a":[2,1],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!value || typeof value !== 'object') return value
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
}

/**
 * SHA-256 (hex) of a form's canonical JSON: what a published version is identified by, and how
 * "nothing changed since the last version" is told.
 *
 * @example
 * contentHash({ a: 1, b: 2 }) === contentHash({ b: 2, a: 1 }) // true
 */
export function contentHash(json: unknown): string {
  return createHash('sha256').update(canonicalJson(json)).digest('hex')
}
