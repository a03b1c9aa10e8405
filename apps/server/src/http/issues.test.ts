import { z } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'
import { requestIssues } from './issues'

const Body = z.object({
  name: z.string().min(1).max(5),
  weight: z.number().positive(),
  cadence: z.enum(['monthly', 'yearly']),
  email: z.email(),
  units: z.array(z.number()).min(1),
  step: z.number().multipleOf(5),
})

function issuesOf(input: unknown) {
  const result = Body.strict().safeParse(input)
  if (result.success) throw new Error('expected a failure')
  return requestIssues(result.error)
}

describe('request issues', () => {
  it('carry the path, zod’s code and the figures a client translates', () => {
    const issues = issuesOf({
      name: '',
      weight: 0,
      cadence: 'daily',
      email: 'nope',
      units: [],
      step: 7,
      extra: 1,
    })
    const at = (path: string) => issues.find((issue) => issue.path === path)
    expect(at('name')).toMatchObject({ code: 'too_small', origin: 'string', minimum: 1 })
    expect(at('weight')).toMatchObject({
      code: 'too_small',
      origin: 'number',
      minimum: 0,
      inclusive: false,
    })
    expect(at('cadence')).toMatchObject({ code: 'invalid_value', values: ['monthly', 'yearly'] })
    expect(at('email')).toMatchObject({ code: 'invalid_format', format: 'email' })
    expect(at('units')).toMatchObject({ code: 'too_small', origin: 'array', minimum: 1 })
    expect(at('step')).toMatchObject({ code: 'not_multiple_of', divisor: 5 })
    expect(at('')).toMatchObject({ code: 'unrecognized_keys', keys: ['extra'] })
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0)
  })

  it('say a missing field was received as undefined, and a wrong one by its type', () => {
    const issues = issuesOf({ weight: 'heavy' })
    expect(issues.find((i) => i.path === 'name')).toMatchObject({
      code: 'invalid_type',
      expected: 'string',
      received: 'undefined',
    })
    expect(issues.find((i) => i.path === 'weight')).toMatchObject({
      code: 'invalid_type',
      expected: 'number',
      received: 'string',
    })
  })

  it('give a too long text its maximum', () => {
    const issues = issuesOf({
      name: 'abcdefg',
      weight: 1,
      cadence: 'monthly',
      email: 'a@b.cn',
      units: [1],
      step: 5,
    })
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'name',
        code: 'too_big',
        origin: 'string',
        maximum: 5,
        inclusive: true,
      }),
    ])
  })
})
