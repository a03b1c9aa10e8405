import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * `hono/body-limit`, answered from the headers when they suffice. The library reads
 * `c.req.raw.body` first, which makes @hono/node-server build a whole WHATWG `Request` (a web
 * stream and an `AbortSignal`) for every request: about 50 µs of CPU each, a third of a bare
 * handler's throughput (BENCHMARKS.md, "Server submissions"). A request without a body (GET,
 * HEAD) passes; one with `Content-Length` and no `Transfer-Encoding` is judged by that header,
 * which Node's HTTP parser enforces (it reads exactly that many bytes); only a streamed body is
 * counted as it arrives, by the library.
 */
export function limitBody(
  maxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError })
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const bytes = Number(length)
      if (!Number.isInteger(bytes) || bytes < 0 || bytes > maxSize) return onError(c)
      return next()
    }
    return streamed(c, next)
  }
}
