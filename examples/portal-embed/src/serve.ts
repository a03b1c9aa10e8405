import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'

const PUBLIC = join(import.meta.dirname, '../public')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

/** Options of `servePortal`. */
export interface ServePortalOptions {
  /** Default 8080: the demo campaign allows http://127.0.0.1:8080 and http://localhost:8080. */
  port?: number
  host?: string
}

/**
 * Serves the made-up portal (`public/`) from its own origin, as a real portal would be: a
 * different origin from the Yardstick server.
 *
 * @example
 * const portal = await servePortal({ port: 0 })
 * console.log(portal.url) // http://127.0.0.1:41234
 */
export async function servePortal({ port = 8080, host = '127.0.0.1' }: ServePortalOptions = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://portal').pathname
    const file = normalize(join(PUBLIC, path === '/' ? 'index.html' : path))
    if (!file.startsWith(PUBLIC)) {
      response.writeHead(400).end('bad path')
      return
    }
    try {
      const body = await readFile(file)
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(body)
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`No ${path}`)
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
