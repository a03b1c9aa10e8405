import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'

const require = createRequire(import.meta.url)
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Yardstick API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' })</script></body></html>`

/**
 * `/api/docs`: the browsable API reference, served from the `swagger-ui-dist` package on this
 * server (offices' intranets often have no internet, so no CDN).
 */
export function docsRoutes() {
  const docs = new Hono()
  docs.get('/docs', (c) => c.html(PAGE))
  docs.get('/docs/:asset', async (c) => {
    const asset = c.req.param('asset') as keyof typeof ASSETS
    const type = ASSETS[asset]
    if (!type) return c.notFound()
    const body = await readFile(join(SWAGGER_DIR, asset))
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' })
  })
  return docs
}
