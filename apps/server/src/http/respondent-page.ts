import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Env, Hono, MiddlewareHandler } from 'hono'

/** `apps/respondent`'s build (`pnpm --filter @yardstick/respondent build`; `pnpm start` makes it). */
export const RESPONDENT_DIST = fileURLToPath(new URL('../../../respondent/dist', import.meta.url))

const HASHED_CACHE = 'public, max-age=31536000, immutable'

/**
 * The page's own rules for the browser: its scripts and styles only from this server (SurveyJS
 * and React set inline style attributes), images also from https and data URLs (a form may
 * show pictures), and no other page may frame it. A link carries its token in the URL, so no
 * Referer ever leaves the page.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; " +
    "form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const

/** Options of `serveRespondentPage`. */
export interface ServeRespondentPageOptions {
  /** Where the built page is; default `RESPONDENT_DIST`. */
  dist?: string
}

/**
 * Serves the respondent's page (`apps/respondent`) on the server's own port: `/s/:slug` (with
 * or without a trailing slash, with or without `?token=`) and anything else under `/s/` answer
 * its `index.html` (`no-cache`, so a new build is seen at once), which shows the right page for
 * the link itself (an unknown link included); `/s/assets/*` are its hashed files, cached for
 * good and sent gzipped where the browser takes it. Without a build, a plain page in Chinese and
 * English says so — never the designer's sign-in. Register it before the designer's catch-all.
 *
 * @example
 * serveRespondentPage(app)
 */
export function serveRespondentPage<E extends Env>(
  app: Hono<E>,
  { dist = RESPONDENT_DIST }: ServeRespondentPageOptions = {},
): void {
  const index = join(dist, 'index.html')
  // Made on first use: serveStatic complains at creation when its root does not exist yet.
  let files: MiddlewareHandler<E> | undefined
  app.get('/s/assets/*', async (c) => {
    files ??= serveStatic({
      root: dist,
      precompressed: true,
      rewriteRequestPath: (path) => path.replace(/^\/s\//, '/'),
    })
    let missing = false
    const response = await files(c, async () => {
      missing = true
    })
    if (missing || !response) return c.text('Not found', 404)
    response.headers.set('cache-control', HASHED_CACHE)
    response.headers.set('x-content-type-options', 'nosniff')
    return response
  })
  const page = (c: Context<E>) => {
    if (!existsSync(index)) return c.html(NOT_BUILT, 503, PAGE_HEADERS)
    return c.html(readFileSync(index, 'utf8'), 200, PAGE_HEADERS)
  }
  app.get('/s', page)
  app.get('/s/*', page)
}

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>答题页面尚未构建 · The answering page is not built</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f2f2f2;padding:0 .25rem}</style>
</head>
<body>
<h1>答题页面尚未构建</h1>
<p>服务器正在运行，但答题页面还没有构建，请稍后再打开本链接。管理员可运行 <code>pnpm start</code>（或 <code>pnpm --filter @yardstick/respondent build</code>）构建后重新加载。</p>
<h2 lang="en">The answering page is not built</h2>
<p lang="en">The server is running but the page that answers this link has not been built yet: please open the link again later. An administrator builds it with <code>pnpm start</code> (or <code>pnpm --filter @yardstick/respondent build</code>), then reloads.</p>
</body>
</html>
`
