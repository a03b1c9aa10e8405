import type { z } from '@hono/zod-openapi'
import type { RequestIssue } from '@yardstick/contract'

type ZodIssue = z.ZodError['issues'][number]

/**
 * The issues of a failed request validation, each with its path, code and figures.
 *
 * @example
 * requestIssues(error)[0] // { path: 'name', code: 'too_small', origin: 'string', minimum: 1, … }
 */
export function requestIssues(error: z.ZodError): RequestIssue[] {
  return error.issues.map(requestIssue)
}

function requestIssue(issue: ZodIssue): RequestIssue {
  const base = { path: issue.path.join('.'), code: issue.code, message: issue.message }
  switch (issue.code) {
    case 'invalid_type': {
      // zod keeps no input in the issue, but its own message ends with what it received.
      const received = /received (\w+)$/.exec(issue.message)?.[1]
      return { ...base, expected: issue.expected, ...(received ? { received } : {}) }
    }
    case 'too_small':
      return {
        ...base,
        origin: issue.origin,
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive ?? true,
      }
    case 'too_big':
      return {
        ...base,
        origin: issue.origin,
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive ?? true,
      }
    case 'invalid_format':
      return { ...base, format: issue.format }
    case 'invalid_value':
      return { ...base, values: issue.values.map(String) }
    case 'unrecognized_keys':
      return { ...base, keys: issue.keys }
    case 'not_multiple_of':
      return { ...base, divisor: Number(issue.divisor) }
    default:
      return base
  }
}
