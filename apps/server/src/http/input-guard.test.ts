import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { JSON_MAX_DEPTH, nestingDepth, unstorableText } from './input-guard'

const BEYOND_INT4 = '2147483648'
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

// Issue 16, item 8: each of these was a 500 (PostgreSQL 22003, 22021, 22P02, 22P05, or a
// stack overflow); each is now a 4xx with the error shape and a code.
describe.each(await testStores())('input the database cannot take, on %s', (kind) => {
  let f: Fixture
  let admin: string
  beforeAll(async () => {
    f = await createFixture(kind)
    admin = await f.login('admin')
  })
  afterAll(() => f.close())

  const cases: Array<[string, string, string, unknown, number, string]> = [
    [
      'an id beyond 2^31−1 in a path',
      'GET',
      `/api/forms/${BEYOND_INT4}`,
      undefined,
      404,
      'notFound',
    ],
    [
      'a campaign id beyond 2^31−1',
      'GET',
      `/api/campaigns/${BEYOND_INT4}/links`,
      undefined,
      404,
      'notFound',
    ],
    [
      'a cursor beyond 2^31−1',
      'GET',
      `/api/forms?cursor=${BEYOND_INT4}`,
      undefined,
      400,
      'invalidBody',
    ],
    [
      'a cursor of 30 digits',
      'GET',
      `/api/campaigns?cursor=${'9'.repeat(30)}`,
      undefined,
      400,
      'invalidBody',
    ],
    ['an offset beyond 2^31−1', 'GET', `/api/forms?offset=1e20`, undefined, 400, 'invalidBody'],
    [
      'a query id beyond 2^31−1',
      'GET',
      `/api/audit?subtree=${BEYOND_INT4}`,
      undefined,
      400,
      'invalidBody',
    ],
    [
      'a body id beyond 2^31−1',
      'POST',
      '/api/orgs',
      { parentId: 2 ** 31, kind: 'branch', name: 'x' },
      400,
      'invalidBody',
    ],
    ['a NUL in a query string', 'GET', '/api/forms?q=a%00b', undefined, 400, 'badRequest'],
    ['a NUL in a path', 'GET', '/api/links/ab%00cd', undefined, 400, 'badRequest'],
    [
      'a NUL in a JSON text',
      'POST',
      '/api/forms',
      { title: 'a\u0000b', orgId: 1 },
      400,
      'invalidBody',
    ],
    ['a NUL in a JSON key', 'POST', '/api/forms', '{"title":"t","x\\u0000":1}', 400, 'invalidBody'],
    [
      'a lone surrogate in a JSON text',
      'POST',
      '/api/forms',
      '{"title":"a\\ud800b"}',
      400,
      'invalidBody',
    ],
    [
      'a lone low surrogate in sign-in',
      'POST',
      '/api/auth/login',
      '{"email":"\\udc00@x.org","password":"p"}',
      400,
      'invalidBody',
    ],
    [
      'JSON nested 5,000 levels',
      'PUT',
      '/api/forms/1',
      `{"json":${nested(5_000)}}`,
      400,
      'invalidBody',
    ],
    ['JSON nested 50,000 levels', 'POST', '/api/campaigns', nested(50_000), 400, 'invalidBody'],
  ]

  it.each(cases)(
    'answers %s with a 4xx and the error shape',
    async (_what, method, path, body, status, code) => {
      const answer = await f.call(method, path, { token: admin, body })
      expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code })
      expect(typeof answer.body.error.message).toBe('string')
    },
  )

  it('names where the unstorable text is', async () => {
    const answer = await f.call('POST', '/api/forms', {
      token: admin,
      body: '{"title":"ok","json":{"pages":[{"name":"p\\u0000"}]}}',
    })
    expect(answer.body.error.details.issues[0].path).toBe('json.pages.0.name')
  })

  it('takes text with paired surrogates and every other control character', async () => {
    const answer = await f.call('GET', '/api/forms?q=%F0%9F%98%80%01', { token: admin })
    expect(answer.status).toBe(200)
    const created = await f.call('POST', '/api/forms', {
      token: admin,
      body: { title: '表单 😀 \u0001\t', orgId: f.orgs.committee },
    })
    expect(created.status).toBe(201)
  })
})

describe('the JSON body checks', () => {
  it('counts nesting without counting brackets inside strings', () => {
    expect(nestingDepth('{"a":[1,[2]],"b":"[[[[\\"[["}')).toBe(3)
    expect(nestingDepth(nested(JSON_MAX_DEPTH))).toBe(JSON_MAX_DEPTH)
  })

  it('finds a NUL or a lone surrogate at any depth, and passes paired surrogates', () => {
    expect(unstorableText({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b')
    expect(unstorableText(['\uDC00'])).toBe('0')
    expect(unstorableText({ ok: '😀', n: 1, z: null })).toBeNull()
  })
})
