import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveEmbed } from './embed-assets'
import { handleError } from './errors'

function appServing(dist: string) {
  const app = new Hono()
  app.onError(handleError)
  serveEmbed(app, { dist })
  // What the designer does for every other GET: the embed must answer before it.
  app.get('*', (c) => c.html('<!doctype html><title>designer</title>'))
  return app
}

describe('the embed scripts', () => {
  let dist: string
  const entry = 'customElements.define("yardstick-survey", class extends HTMLElement {})'
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'ys-embed-dist-'))
    mkdirSync(join(dist, 'embed'))
    writeFileSync(join(dist, 'embed.js'), entry)
    writeFileSync(join(dist, 'embed.js.gz'), gzipSync(entry))
    writeFileSync(join(dist, 'embed.classic.js'), '(function(){})()')
    writeFileSync(join(dist, 'embed/renderer.js'), 'export const mount = 1')
    writeFileSync(join(dist, 'embed/chunk-Ab3_x-9Z.js'), 'export const x = 1')
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('serves /embed.js as JavaScript to any origin, briefly cached, gzipped when accepted', async () => {
    const app = appServing(dist)
    const plain = await app.request('/embed.js', { headers: { origin: 'https://portal.example' } })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(plain.headers.get('access-control-allow-origin')).toBe('*')
    expect(plain.headers.get('cache-control')).toBe('public, max-age=300')
    expect(await plain.text()).toBe(entry)
    const zipped = await app.request('/embed.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(entry)
  })

  it('serves the classic script and the chunks, hashed ones cached for good', async () => {
    const app = appServing(dist)
    expect((await app.request('/embed.classic.js')).status).toBe(200)
    const renderer = await app.request('/embed/renderer.js')
    expect(renderer.status).toBe(200)
    expect(renderer.headers.get('cache-control')).toBe('public, max-age=300')
    const hashed = await app.request('/embed/chunk-Ab3_x-9Z.js')
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('answers 404 with JSON for a missing chunk, never the designer page', async () => {
    const response = await appServing(dist).request('/embed/nothing.js')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: {
        code: 'notFound',
        message: 'No embed file /embed/nothing.js',
        details: { path: '/embed/nothing.js' },
      },
    })
  })

  it('says how to build the embed when it is not built', async () => {
    const response = await appServing(join(dist, 'missing')).request('/embed.js')
    expect(response.status).toBe(404)
    const body = (await response.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(/not built: run `pnpm --filter @yardstick\/embed build`/)
  })
})
