import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'

describe.each(await testStores())('auth on %s', (kind) => {
  let f: Fixture
  beforeAll(async () => {
    f = await createFixture(kind)
  })
  afterAll(() => f.close())

  it('signs in with email and password, and the token works as bearer and as cookie', async () => {
    const { status, body, headers } = await f.call('POST', '/api/auth/login', {
      body: { email: 'EDITOR@example.org', password: PASSWORD },
    })
    expect(status).toBe(200)
    expect(body.user).toMatchObject({
      email: 'editor@example.org',
      grants: [{ role: 'editor', orgId: f.orgs.committee }],
    })
    expect(headers.get('set-cookie')).toMatch(/yardstick_session=.+; .*HttpOnly/i)
    const me = await f.call('GET', '/api/me', { token: body.token })
    expect(me.body.email).toBe('editor@example.org')
    const byCookie = await f.call('GET', '/api/me', {
      headers: { cookie: `yardstick_session=${body.token}` },
    })
    expect(byCookie.status).toBe(200)
  })

  it('answers GET /api/auth/session with the user or null, never 401', async () => {
    const none = await f.call('GET', '/api/auth/session')
    expect(none).toMatchObject({ status: 200, body: { user: null } })
    const token = await f.login('editor')
    const byCookie = await f.call('GET', '/api/auth/session', {
      headers: { cookie: `yardstick_session=${token}` },
    })
    expect(byCookie.status).toBe(200)
    expect(byCookie.body.user).toMatchObject({
      email: 'editor@example.org',
      grants: [{ role: 'editor' }],
    })
    expect((await f.call('POST', '/api/auth/logout', { token })).status).toBe(204)
    const ended = await f.call('GET', '/api/auth/session', { token })
    expect(ended).toMatchObject({ status: 200, body: { user: null } })
  })

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await f.call('POST', '/api/auth/login', {
      body: { email: 'editor@example.org', password: 'nope' },
    })
    const unknown = await f.call('POST', '/api/auth/login', {
      body: { email: 'ghost@example.org', password: 'nope' },
    })
    expect(wrong.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
    expect(wrong.body.error.code).toBe('unauthenticated')
  })

  it('answers a malformed body with 400 invalidBody naming the field', async () => {
    const { status, body } = await f.call('POST', '/api/auth/login', {
      body: { email: 'not-an-email' },
    })
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalidBody')
    expect(body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'email',
      'password',
    ])
  })

  it('refuses /api/me without a token, with a revoked token, and with garbage', async () => {
    expect((await f.call('GET', '/api/me')).status).toBe(401)
    expect((await f.call('GET', '/api/me', { token: 'garbage' })).status).toBe(401)
    const token = await f.login('reviewer')
    expect((await f.call('POST', '/api/auth/logout', { token })).status).toBe(204)
    expect((await f.call('GET', '/api/me', { token })).status).toBe(401)
  })

  it('refuses a body over the limit with 413 and the error shape', async () => {
    const { status, body } = await f.call('POST', '/api/auth/login', {
      body: { email: 'a@b.cn', password: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(status).toBe(413)
    expect(body.error.code).toBe('payloadTooLarge')
  })

  it('reports its store at /api/health and describes itself at /api/openapi.json', async () => {
    expect((await f.call('GET', '/api/health')).body).toEqual({ ok: true, db: kind })
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me']))
    const docs = await f.app.request('/api/docs')
    expect(await docs.text()).toContain('/api/docs/init.js')
    // Swagger UI starts from a script file (the CSP allows no inline script).
    expect(await (await f.app.request('/api/docs/init.js')).text()).toContain('/api/openapi.json')
    expect((await f.app.request('/api/docs/swagger-ui-bundle.js')).status).toBe(200)
  })
})
