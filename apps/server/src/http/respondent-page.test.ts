import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveRespondentPage } from './respondent-page'

const INDEX =
  '<!doctype html><title>respondent</title><script type="module" src="/s/assets/index-Ab3x9Zq1.js"></script>'
const SCRIPT = 'console.log("answer")'

function appServing(dist: string) {
  const app = new Hono()
  serveRespondentPage(app, { dist })
  // What the designer does for every other GET (its sign-in page): the page must answer first.
  app.get('*', (c) => c.html('<!doctype html><title>designer sign-in</title>'))
  return app
}

describe('the respondent page', () => {
  let dist: string
  let empty: string
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'ys-respondent-dist-'))
    empty = mkdtempSync(join(tmpdir(), 'ys-respondent-none-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), INDEX)
    writeFileSync(join(dist, 'assets/index-Ab3x9Zq1.js'), SCRIPT)
    writeFileSync(join(dist, 'assets/index-Ab3x9Zq1.js.gz'), gzipSync(SCRIPT))
  })
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true })
    rmSync(empty, { recursive: true, force: true })
  })

  it('answers /s/:slug, with or without a trailing slash or a token, with its page, never cached', async () => {
    const app = appServing(dist)
    for (const path of [
      '/s/q8Xr0m3c',
      '/s/q8Xr0m3c/',
      '/s/q8Xr0m3c?token=7KQ2-M9XD',
      '/s/q8Xr0m3c/?token=x',
    ]) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/)
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
      expect(await response.text(), path).toBe(INDEX)
    }
  })

  it('keeps the token in the URL from leaking (no Referer) and the page from being framed elsewhere', async () => {
    const response = await appServing(dist).request('/s/q8Xr0m3c?token=7KQ2-M9XD-0RTB-4HZC')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
  })

  it('answers anything else under /s/ with the page too, which explains an unknown link', async () => {
    const app = appServing(dist)
    for (const path of ['/s', '/s/', '/s/a/b']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(await response.text(), path).toBe(INDEX)
    }
  })

  it('serves hashed assets cached for good, gzipped when accepted, and 404 for a missing one', async () => {
    const app = appServing(dist)
    const plain = await app.request('/s/assets/index-Ab3x9Zq1.js')
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await plain.text()).toBe(SCRIPT)
    const zipped = await app.request('/s/assets/index-Ab3x9Zq1.js', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(SCRIPT)
    const missing = await app.request('/s/assets/nothing-12345678.js')
    expect(missing.status).toBe(404)
    expect(await missing.text()).not.toContain('designer')
  })

  it('says in Chinese and English that the page is not built, never showing the sign-in page', async () => {
    const response = await appServing(empty).request('/s/q8Xr0m3c?token=7KQ2')
    expect(response.status).toBe(503)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const html = await response.text()
    expect(html).toContain('答题页面尚未构建')
    expect(html).toContain('The answering page is not built')
    expect(html).not.toContain('sign-in')
  })

  it('leaves every path outside /s/ to the routes after it', async () => {
    const app = appServing(dist)
    for (const path of ['/', '/forms/3', '/sx', '/search']) {
      expect(await (await app.request(path)).text(), path).toContain('designer sign-in')
    }
  })
})
