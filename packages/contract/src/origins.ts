import { z } from '@hono/zod-openapi'

/**
 * A portal origin as the browser sends it in `Origin`: `scheme://host[:port]`, lower-case host,
 * default port dropped. Only `http:` and `https:`; no user, path (a lone trailing `/` is
 * tolerated, as people paste it), query or fragment. Null when the text is not such an origin.
 *
 * @example
 * normaliseOrigin('HTTPS://Portal.Example.cn:443/') // 'https://portal.example.cn'
 * normaliseOrigin('https://portal.example.cn/page') // null
 */
export function normaliseOrigin(text: string): string | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null
  // `new URL('https://x.cn?')` has an empty search but the text had one: refuse it too.
  if (/[?#]/.test(text)) return null
  return url.origin
}

const OriginSchema = z
  .string()
  .max(300)
  .transform((value, context) => {
    const origin = normaliseOrigin(value)
    if (origin === null) {
      context.addIssue({
        code: 'custom',
        message: 'An origin is http(s)://host[:port], with no path, query or fragment',
      })
      return z.NEVER
    }
    return origin
  })

/**
 * `allowedOrigins` of a campaign: each a portal origin (normalised by `normaliseOrigin`), the
 * list deduplicated in the order given. At most 100.
 *
 * @example
 * AllowedOriginsSchema.parse(['https://a.cn/', 'https://A.cn']) // ['https://a.cn']
 */
export const AllowedOriginsSchema = z
  .array(OriginSchema)
  .max(100)
  .transform((origins) => [...new Set(origins)])
  .openapi({
    description:
      'Portal origins allowed to embed the campaign’s surveys (CORS and `frame-ancestors`): ' +
      'each `http(s)://host[:port]`, normalised (lower-case host, default port dropped), duplicates removed',
    example: ['https://dangjian.example.cn'],
  })
