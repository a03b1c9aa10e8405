import type { Context } from 'hono'

/**
 * The origin people reach this server at, for URLs written into files and slips: the request's
 * own scheme and host, or a reverse proxy's `X-Forwarded-Proto` / `X-Forwarded-Host`.
 *
 * @example
 * publicOrigin(c) // 'https://yardstick.example.cn'
 */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url)
  const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined
  const proto = first(c.req.header('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '')
  const host = first(c.req.header('x-forwarded-host')) ?? c.req.header('host') ?? url.host
  return `${proto}://${host}`
}
