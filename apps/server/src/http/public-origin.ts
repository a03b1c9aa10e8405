import type { Context } from 'hono'

/** Reads one header of a request, whatever carries it (a Hono context, a Node `IncomingMessage`). */
export type HeaderReader = (name: string) => string | undefined

/**
 * The origin people reach this server at, for URLs written into files and slips: the request's
 * own scheme and host, or a reverse proxy's `X-Forwarded-Proto` / `X-Forwarded-Host`.
 *
 * @example
 * publicOrigin(c) // 'https://yardstick.example.cn'
 */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url)
  return originReached((name) => c.req.header(name), url.protocol, url.host)
}

/**
 * `publicOrigin` from a request's headers and the scheme it arrived on (`http:` / `https:`), for
 * requests that are no Hono context (the co-editing endpoint's WebSocket upgrades); `fallbackHost`
 * when the request names no host at all.
 *
 * @example
 * originReached((name) => header(request, name), 'http:') // 'http://127.0.0.1:3000'
 */
export function originReached(
  header: HeaderReader,
  protocol: string,
  fallbackHost = 'localhost',
): string {
  const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined
  const proto = first(header('x-forwarded-proto')) ?? protocol.replace(/:$/, '')
  const host = first(header('x-forwarded-host')) ?? header('host') ?? fallbackHost
  return `${proto}://${host}`
}

/**
 * Whether a browser's `Origin` header names this server itself: the origin the request reached
 * (`originReached`), compared as URL origins (scheme, host, port; case and default ports
 * normalised). The one rule for every origin check: REST writes and co-editing sockets.
 * Trusting `X-Forwarded-*` here is safe against cross-site requests: a page of another site
 * cannot set those headers on a browser's request (a WebSocket cannot set headers at all), so
 * only a proxy in front of us can.
 *
 * @example
 * isOwnOrigin('https://evil.example', 'https://ys.example.cn') // false
 */
export function isOwnOrigin(origin: string, reachedAt: string): boolean {
  try {
    return new URL(origin).origin === new URL(reachedAt).origin
  } catch {
    // `null` (a sandboxed frame, a file) and anything unparsable is nobody's origin.
    return false
  }
}
