import type { RequestIssue } from '@yardstick/contract'
import type { MiddlewareHandler } from 'hono'
import { AppError } from './errors'

/**
 * How deeply a JSON body may nest (arrays and objects). Far above any form the API accepts,
 * far below what recursive code (validation, hashing, the database drivers) survives.
 */
export const JSON_MAX_DEPTH = 1_000

/** A NUL or a surrogate not in a pair: text PostgreSQL cannot store (22021, 22P05). */
const UNSTORABLE = /[\0\p{Cs}]/u
const JSON_TYPE = /^application\/([a-z-.]+\+)?json/i

/**
 * Refuses, before any route sees it, input no route can store: a NUL in the URL (`%00`, 400
 * `badRequest`), and a JSON body nested deeper than `JSON_MAX_DEPTH` or holding a string or key
 * with a NUL or a lone surrogate (400 `invalidBody`, the issue's path naming the place). The
 * body's text is read once (Hono caches it for the route's validator) and parsed here only when
 * it holds a `\u` escape, the one way such text gets into JSON; a body that is not JSON at all is
 * left to the validator's own answer. Issue 16, item 8.
 *
 * @example
 * app.use('/api/*', inputGuard())
 */
export function inputGuard({ maxDepth = JSON_MAX_DEPTH } = {}): MiddlewareHandler {
  return async (c, next) => {
    if (/%00/.test(c.req.url)) {
      throw new AppError('badRequest', 'The address holds a NUL character', null)
    }
    const type = c.req.header('content-type')
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !type || !JSON_TYPE.test(type)) {
      return next()
    }
    const text = await c.req.text()
    const depth = nestingDepth(text)
    if (depth > maxDepth) {
      throw invalid({
        path: '',
        code: 'too_big',
        origin: 'depth',
        maximum: maxDepth,
        inclusive: true,
        message: `The JSON nests ${depth} levels deep; at most ${maxDepth} are taken`,
      })
    }
    // JSON text decoded from UTF-8 can hold a NUL or a lone surrogate only as a `\u` escape
    // (a raw control character is not JSON): without one, there is nothing to look for.
    if (!text.includes('\\u')) return next()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return next()
    }
    const where = unstorableText(body)
    if (where !== null) {
      throw invalid({
        path: where,
        code: 'custom',
        message: 'Text with a NUL character or a lone surrogate cannot be stored',
      })
    }
    return next()
  }
}

function invalid(issue: RequestIssue): AppError {
  return new AppError('invalidBody', `The request is not valid: ${issue.message}`, {
    issues: [issue],
  })
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted in one pass without parsing
 * (brackets inside strings do not count).
 *
 * @example
 * nestingDepth('{"a":[1,[2]]}') // 3
 */
export function nestingDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // a backslash escapes the next character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) {
      depth++
      if (depth > deepest) deepest = depth
    } else if (char === 0x5d || char === 0x7d) depth--
  }
  return deepest
}

/**
 * The path of the first string or key in a parsed JSON value that holds a NUL or a lone
 * surrogate, or null. Iterative, so no depth overflows it.
 *
 * @example
 * unstorableText({ a: ['ok', 'x\u0000'] }) // 'a.1'
 */
export function unstorableText(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']]
  const at = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string]
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return path
    } else if (Array.isArray(item)) {
      item.forEach((child, index) => {
        stack.push([child, at(path, index)])
      })
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return at(path, key)
        stack.push([child, at(path, key)])
      }
    }
  }
  return null
}
