import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { Config } from '../config'

/** What these helpers read of the configuration. */
export type ProxyConfig = Pick<Config, 'TRUST_PROXY'>

/** The comma-separated entries of a forwarded header, trimmed, oldest first. */
function entries(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/**
 * The address of the socket this request came in on; `unknown` when there is none (a request
 * made in process with `app.request`).
 */
function socketAddress(c: Context): string {
  const bindings = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined
  if (!bindings?.incoming && !bindings?.server?.incoming) return 'unknown'
  return getConnInfo(c).remote.address ?? 'unknown'
}

/**
 * Who sent a request: the socket's remote address, or — only behind `TRUST_PROXY` proxies —
 * the `X-Forwarded-For` entry those proxies appended (counted from the right, since a client
 * writes whatever it likes to the left of them). Without a trusted proxy the header is ignored:
 * anyone could send one.
 *
 * @example
 * clientAddress(c, { TRUST_PROXY: 1 }) // '203.0.113.7' when nginx appended it
 */
export function clientAddress(c: Context, { TRUST_PROXY }: ProxyConfig): string {
  const socket = socketAddress(c)
  if (TRUST_PROXY === 0) return socket
  const chain = [...entries(c.req.header('x-forwarded-for')), socket]
  return chain[Math.max(0, chain.length - 1 - TRUST_PROXY)] ?? socket
}

/**
 * Whether the browser reached us over TLS: the request's own scheme, or — behind a trusted
 * proxy that terminates TLS — `X-Forwarded-Proto: https`. Decides the cookie's `Secure` flag.
 *
 * @example
 * isHttps(c, { TRUST_PROXY: 1 }) // true behind nginx with `proxy_set_header X-Forwarded-Proto https`
 */
export function isHttps(c: Context, { TRUST_PROXY }: ProxyConfig): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  if (TRUST_PROXY === 0) return false
  return entries(c.req.header('x-forwarded-proto'))[0]?.toLowerCase() === 'https'
}
