// Browser hardening: headers and cross-site requests (issue 16 item 9, RELIABILITY.md "Browser
// hardening and the session" › "Headers and cross-site requests"). Every kind of page carries
// its security headers, a write from another site's page is refused before it touches anything,
// and a trusted proxy (only a trusted one) makes the session cookie `Secure`.
import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../../src/campaigns/test-fixture'
import { createFixture, type Fixture, PASSWORD } from '../harness'

const PORTAL = 'https://portal.example.gov.cn'
const EVIL = 'https://evil.example'
// `app.request` URLs are http://localhost/…: this server's own origin in these tests.
const OWN = 'http://localhost'

/** Signs in over the API and returns the session cookie the browser would keep. */
async function sessionCookie(f: Fixture, who: keyof Fixture['users'] = 'editor') {
  const { status, headers } = await f.call('POST', '/api/auth/login', {
    body: { email: f.users[who].email, password: PASSWORD },
  })
  expect(status).toBe(200)
  const cookie = headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('no session cookie')
  return cookie
}

/** The attributes of the session cookie a sign-in sets, with the request's headers. */
async function cookieFlags(f: Fixture, headers: Record<string, string>) {
  const { headers: answer } = await f.call('POST', '/api/auth/login', {
    headers,
    body: { email: f.users.editor.email, password: PASSWORD },
  })
  return (answer.get('set-cookie') ?? '').split(';').map((part) => part.trim())
}

describe.each(await testStores())('headers and cross-site writes on %s', (kind) => {
  let f: Fixture
  let slug: string
  beforeAll(async () => {
    f = await createFixture(kind)
    const members = await publishTemplate(f, 'satisfaction')
    const campaign = await openCampaign(
      f,
      campaignBody(f, { members }, { allowedOrigins: [PORTAL] }),
    )
    slug = campaign.slug(f.orgs.branch1, 'members')
  })
  afterAll(() => f.close())

  const expectDesignerHeaders = (headers: Headers, what: string) => {
    const csp = headers.get('content-security-policy') ?? ''
    expect(csp, what).toContain("frame-ancestors 'none'")
    expect(csp, what).toContain("script-src 'self'")
    expect(csp, what).toContain("default-src 'self'")
    expect(headers.get('x-frame-options'), what).toBe('DENY')
    expect(headers.get('x-content-type-options'), what).toBe('nosniff')
    expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  }

  it('sends the designer policy on the designer, the API, its errors and /api/docs', async () => {
    for (const path of [
      '/',
      '/forms',
      '/api/health',
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/init.js',
      '/api/forms', // 401: an error answer carries them too
      '/api/no-such-route',
    ]) {
      const { headers } = await f.call('GET', path)
      expectDesignerHeaders(headers, path)
    }
    // Swagger UI's start-up is a script file: the page has no inline script the CSP would block.
    const docs = await f.app.request('/api/docs')
    expect(await docs.text()).not.toMatch(/<script>/)
  })

  it('keeps each campaign’s framing on the respondent’s page and link API, with no Referer', async () => {
    const page = await f.call('GET', `/s/${slug}`)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(page.headers.get('x-frame-options')).toBeNull()
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const view = await f.call('GET', `/api/links/${slug}`, { headers: { origin: PORTAL } })
    expect(view.status).toBe(200)
    expect(view.headers.get('content-security-policy')).toBe(`frame-ancestors 'self' ${PORTAL}`)
    expect(view.headers.get('access-control-allow-origin')).toBe(PORTAL)
    expect(view.headers.get('x-frame-options')).toBeNull()
    expect(view.headers.get('cross-origin-resource-policy')).toBeNull()
    expect(view.headers.get('referrer-policy')).toBe('no-referrer')
    expect(view.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('leaves the embed scripts loadable from any portal', async () => {
    const embed = await f.app.request('/embed.js')
    // Built or not (404 says how to build it), nothing here forbids another origin to load it.
    expect(embed.headers.get('cross-origin-resource-policy') ?? 'cross-origin').toBe('cross-origin')
    expect(embed.headers.get('x-frame-options')).toBeNull()
    expect(embed.headers.get('content-security-policy')).toBeNull()
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff')
  })

  const formCount = async () =>
    (await f.database.db.select({ n: count() }).from(schema.forms))[0]?.n ?? 0
  const newForm = (headers: Record<string, string>, token?: string) =>
    f.call('POST', '/api/forms', {
      token,
      headers,
      body: { title: '跨站测试', orgId: f.orgs.committee },
    })

  it('refuses a cookie-authenticated write from another site, and writes nothing', async () => {
    const cookie = await sessionCookie(f)
    const before = await formCount()
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const refused = await f.call(method, '/api/forms', {
        headers: { cookie, origin: EVIL },
        body: { title: '跨站测试', orgId: f.orgs.committee },
      })
      expect(refused.status, method).toBe(403)
      expect(refused.body.error).toMatchObject({
        code: 'crossSiteRequest',
        details: { origin: EVIL },
      })
    }
    // `null` (a sandboxed frame) is nobody's origin.
    expect((await newForm({ cookie, origin: 'null' })).status).toBe(403)
    // A forged sign-in (login CSRF) too.
    const forged = await f.call('POST', '/api/auth/login', {
      headers: { origin: EVIL },
      body: { email: f.users.editor.email, password: PASSWORD },
    })
    expect(forged.status).toBe(403)
    expect(await formCount()).toBe(before)
  })

  it('takes the same write from this server’s own pages, and from scripts with a token', async () => {
    const cookie = await sessionCookie(f)
    const before = await formCount()
    expect((await newForm({ cookie, origin: OWN })).status).toBe(201)
    expect((await newForm({ cookie })).status).toBe(201) // no Origin: not a browser's page
    const token = await f.login('editor')
    expect((await newForm({ origin: EVIL }, token)).status).toBe(201) // bearer: no ambient cookie
    expect(await formCount()).toBe(before + 3)
  })

  it('leaves the link submissions portals make cross-origin as they are', async () => {
    const answers = completeAnswers(templates.satisfaction, 'satisfied')
    const submitted = await f.call('POST', `/api/links/${slug}/responses`, {
      headers: { origin: PORTAL, 'idempotency-key': `portal-${kind}` },
      body: { answers },
    })
    expect(submitted.status).toBe(201)
    const foreign = await f.call('POST', `/api/links/${slug}/responses`, {
      headers: { origin: EVIL, 'idempotency-key': `evil-${kind}` },
      body: { answers },
    })
    // Refused by the campaign's own CORS, not by the cross-site rule.
    expect(foreign.body.error.code).toBe('originNotAllowed')
    const rows = await f.database.db
      .select({ id: schema.responses.id })
      .from(schema.responses)
      .where(eq(schema.responses.id, submitted.body.id))
    expect(rows).toHaveLength(1)
  })

  it('does not mark the cookie Secure on the say-so of an untrusted X-Forwarded-Proto', async () => {
    const flags = await cookieFlags(f, { 'x-forwarded-proto': 'https' })
    expect(flags).toContain('HttpOnly')
    expect(flags).not.toContain('Secure')
  })
})

describe('the session cookie behind a trusted proxy', () => {
  let proxied: Fixture
  beforeAll(async () => {
    proxied = await createFixture('pglite', { TRUST_PROXY: '1' })
  })
  afterAll(() => proxied.close())

  it('is Secure when the proxy terminated TLS', async () => {
    expect(await cookieFlags(proxied, { 'x-forwarded-proto': 'https' })).toContain('Secure')
    expect(await cookieFlags(proxied, { 'x-forwarded-proto': 'http' })).not.toContain('Secure')
  })
})
