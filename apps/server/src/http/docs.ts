import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { type Env, Hono } from 'hono'

/**
 * The document's groups, in the order of the work: sign in, design, publish, collect, check,
 * read results. Generators name their API classes after them.
 */
const TAGS = [
  { name: 'auth', description: 'Sign in and out; who you are · 登录与当前用户' },
  { name: 'orgs', description: 'The organisation tree your roles reach · 组织树' },
  {
    name: 'users',
    description:
      'People and their roles: create, deactivate, reset passwords, grant, import (admins) · 用户与角色',
  },
  { name: 'forms', description: 'Forms being designed: create, save, archive, copy · 表单' },
  {
    name: 'form versions',
    description: 'Published, immutable versions of a form; diff and restore · 表单版本',
  },
  { name: 'reviews', description: 'Review threads on a form’s elements · 评审意见' },
  {
    name: 'blocks',
    description: 'An office’s reusable questions and panels, inserted into any form · 常用题块',
  },
  {
    name: 'campaigns',
    description: 'Campaigns: sources, units, respondent links and tokens · 测评活动',
  },
  {
    name: 'links',
    description: 'What a respondent’s link shows and takes; no sign-in needed · 答题链接',
  },
  {
    name: 'self-checks',
    description: 'A branch’s self-check and its rectification list · 自检自查与整改',
  },
  { name: 'results', description: 'Scores, grades, rankings and participation · 测评结果' },
  { name: 'exports', description: 'Results, responses and participation as CSV / XLSX · 导出' },
  { name: 'assessments', description: 'The branches an assessor scores · 考评任务' },
  { name: 'audit', description: 'Who changed what, when, before and after (admins) · 操作日志' },
]

/**
 * Serves `/api/openapi.json`, generated from the routes' `createRoute` descriptions, and
 * registers the `bearer` scheme their `security` names. `servers` is the relative `/`: the
 * document is reproducible whatever host serves it, and a generated client takes its base URL
 * as an option. CI lints the document with Redocly's recommended rules and compiles a typed
 * client against it (`openapi-lint.test.ts`, docs/adr/0007-openapi-lint-and-client.md).
 *
 * @example
 * serveApiDocument(app) // after every route is mounted
 */
export function serveApiDocument<E extends Env>(app: OpenAPIHono<E>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token from POST /api/auth/login (browsers also send it as a cookie)',
  })
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Yardstick（标尺）API',
      version: '0.1.0',
      description:
        'Forms, versions, campaigns, respondent links, submissions, self-checks, results and exports. ' +
        'Errors are always `{ error: { code, message, details } }`.',
      license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' },
    },
    servers: [{ url: '/', description: 'The server this document is served from' }],
    tags: TAGS,
  })
}

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
<script src="/api/docs/init.js"></script></body></html>`

// A file rather than an inline script: the page's CSP allows scripts from this server only
// (apps/server/src/http/security-headers.ts).
const INIT = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' })\n`

/**
 * `/api/docs`: the browsable API reference, served from the `swagger-ui-dist` package on this
 * server (offices' intranets often have no internet, so no CDN).
 */
export function docsRoutes() {
  const docs = new Hono()
  docs.get('/docs', (c) => c.html(PAGE))
  docs.get('/docs/init.js', (c) =>
    c.body(INIT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  )
  docs.get('/docs/:asset', async (c) => {
    const asset = c.req.param('asset') as keyof typeof ASSETS
    const type = ASSETS[asset]
    if (!type) return c.notFound()
    const body = await readFile(join(SWAGGER_DIR, asset))
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' })
  })
  return docs
}
