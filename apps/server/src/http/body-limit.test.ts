import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limitBody } from './body-limit'

// Through a real Node HTTP server: Content-Length and chunked bodies arrive as in production.
const reached: string[] = []
const hono = new Hono()
hono.use(
  '*',
  limitBody(10, (c) => c.text('too large', 413)),
)
hono.all('*', async (c) => {
  reached.push(c.req.method === 'GET' ? 'GET' : await c.req.text())
  return c.text('ok')
})
let server: ReturnType<typeof serve>
let port = 0

beforeAll(async () => {
  server = await new Promise((resolve) => {
    const s = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Sends a request; `chunks` are written one by one (chunked unless Content-Length is set). */
function send(method: string, chunks: string[], headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: '/', headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('limitBody', () => {
  it('refuses a declared length over the limit without reaching the handler', async () => {
    reached.length = 0
    expect(await send('POST', ['x'.repeat(11)], { 'content-length': '11' })).toBe(413)
    expect(reached).toEqual([])
  })

  it('passes a declared length within the limit, and a GET', async () => {
    reached.length = 0
    expect(await send('POST', ['x'.repeat(10)], { 'content-length': '10' })).toBe(200)
    expect(await send('GET', [])).toBe(200)
    expect(reached).toEqual(['x'.repeat(10), 'GET'])
  })

  it('counts a chunked body as it arrives', async () => {
    reached.length = 0
    expect(await send('POST', ['x'.repeat(6), 'x'.repeat(6)])).toBe(413)
    expect(await send('POST', ['y'.repeat(3), 'y'.repeat(2)])).toBe(200)
    expect(reached).toEqual(['y'.repeat(5)])
  })
})
