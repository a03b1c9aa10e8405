import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Env, Hono, MiddlewareHandler } from 'hono'
import { AppError } from './errors'

/** `@yardstick/embed`'s build (`pnpm --filter @yardstick/embed build`; `pnpm start` makes it). */
export const EMBED_DIST = fileURLToPath(new URL('../../../../packages/embed/dist', import.meta.url))

/** Entry scripts keep their names (portals link them), so they are cached briefly. */
const ENTRY_CACHE = 'public, max-age=300'
const HASHED_CACHE = 'public, max-age=31536000, immutable'

/** Options of `serveEmbed`. */
export interface ServeEmbedOptions {
  /** Where the built files are; default `EMBED_DIST`. */
  dist?: string
}

/**
 * Serves the embed at `/embed.js` (ES module), `/embed.classic.js` (classic script) and its
 * chunks under `/embed/` — to any origin (`Access-Control-Allow-Origin: *`: module scripts and
 * `import()` are fetched with CORS; the scripts are public, the campaign's `allowedOrigins`
 * guard the data), gzipped when the browser accepts it. Without a build, 404 says how to make it.
 *
 * @example
 * serveEmbed(app)
 */
export function serveEmbed<E extends Env>(
  app: Hono<E>,
  { dist = EMBED_DIST }: ServeEmbedOptions = {},
): void {
  // Made on first use: serveStatic complains at creation when its root does not exist yet.
  let files: MiddlewareHandler<E> | undefined
  const handler: MiddlewareHandler<E> = async (c) => {
    if (!existsSync(join(dist, 'embed.js'))) {
      throw new AppError(
        'notFound',
        `The embed script is not built: run \`pnpm --filter @yardstick/embed build\` (\`pnpm start\` builds it), then reload ${c.req.path}`,
        { path: c.req.path },
      )
    }
    files ??= serveStatic({ root: dist, precompressed: true })
    let missing = false
    const response = await files(c, async () => {
      missing = true
    })
    if (missing || !response) {
      throw new AppError('notFound', `No embed file ${c.req.path}`, { path: c.req.path })
    }
    // Set here: serveStatic's onFound runs after it has built the response.
    const hashed = /-[\w-]{8}\.js$/.test(c.req.path)
    response.headers.set('cache-control', hashed ? HASHED_CACHE : ENTRY_CACHE)
    response.headers.set('access-control-allow-origin', '*')
    response.headers.set('cross-origin-resource-policy', 'cross-origin')
    response.headers.set('x-content-type-options', 'nosniff')
    return response
  }
  app.get('/embed.js', handler)
  app.get('/embed.classic.js', handler)
  app.get('/embed/*', handler)
}
