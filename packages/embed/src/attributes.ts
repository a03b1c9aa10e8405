/** The attributes of `<yardstick-survey>`, read and checked. */
export interface SurveyAttributes {
  server: string
  link: string
  token?: string
  locale?: string
}

/** The attributes, or why they cannot work (what, where, why), never a throw. */
export type AttributesResult =
  | { ok: true; value: SurveyAttributes }
  | { ok: false; message: string }

/**
 * Reads `server`, `link`, `token` and `locale`. `server` must be an http(s) origin (a path is
 * allowed, for a server behind a prefix); `link` is required.
 *
 * @example
 * readAttributes((name) => element.getAttribute(name))
 */
export function readAttributes(get: (name: string) => string | null): AttributesResult {
  const server = get('server')?.trim() ?? ''
  const link = get('link')?.trim() ?? ''
  if (!server)
    return bad(
      'the server attribute is missing: set it to the Yardstick server, e.g. server="https://yardstick.example.gov.cn"',
    )
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return bad(
      `the server attribute "${server}" is not a URL: give the Yardstick server's address with http:// or https://`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return bad(`the server attribute "${server}" must start with http:// or https://`)
  }
  if (!link)
    return bad(
      'the link attribute is missing: set it to the respondent link’s slug (the part after /s/)',
    )
  if (!/^[\w-]{1,64}$/.test(link)) {
    return bad(
      `the link attribute "${link}" is not a link slug (letters, digits, - and _, at most 64)`,
    )
  }
  const token = get('token')?.trim() || undefined
  const locale = get('locale')?.trim() || undefined
  return { ok: true, value: { server: url.href.replace(/\/+$/, ''), link, token, locale } }
}

function bad(why: string): AttributesResult {
  return { ok: false, message: `<yardstick-survey>: ${why}` }
}
