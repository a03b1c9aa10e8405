import { normalizeToken } from '@yardstick/sdk/link'

/** What the page's address says: the link, the token if any, and a language asked for. */
export interface Address {
  /** The link's slug (`/s/<slug>`); empty when the address names none. */
  slug: string
  /** The token of `?token=`, in its canonical form (`normalizeToken`); undefined when none. */
  token: string | undefined
  /** `?lang=en` or `?lang=zh-CN`: a language asked for by whoever made the link. */
  lang: string | undefined
}

/**
 * Reads the page's address: `/s/<slug>` (a trailing slash allowed), `?token=` as the server
 * reads it (case, spaces and dashes do not matter), `?lang=`.
 *
 * @example
 * readAddress(new URL('https://ys.example/s/q8Xr/?token=7kq2 m9xd 0rtb 4hzc'))
 * // { slug: 'q8Xr', token: '7KQ2-M9XD-0RTB-4HZC', lang: undefined }
 */
export function readAddress(url: URL): Address {
  const match = /^\/s\/([^/]+)\/?$/.exec(url.pathname)
  let slug = ''
  if (match?.[1]) {
    try {
      slug = decodeURIComponent(match[1])
    } catch {
      // A malformed escape: no link of ours looks like that.
    }
  }
  const given = url.searchParams.get('token')?.trim()
  return {
    slug,
    token: given ? normalizeToken(given) : undefined,
    lang: url.searchParams.get('lang') ?? undefined,
  }
}

/**
 * The address with `token` set (or removed), so a reload keeps a token typed into the page.
 *
 * @example
 * withToken(new URL('https://ys.example/s/q8Xr'), '7KQ2-M9XD-0RTB-4HZC').search // '?token=7KQ2-…'
 */
export function withToken(url: URL, token: string | undefined): URL {
  const next = new URL(url.href)
  if (token === undefined) next.searchParams.delete('token')
  else next.searchParams.set('token', token)
  return next
}

/**
 * Where the sign-in button goes: the designer's sign-in with `next` set to this page, so the
 * assessor lands back on the link (token and all) once signed in.
 *
 * @example
 * signInHref(new URL('https://ys.example/s/q8Xr?lang=en')) // '/?next=%2Fs%2Fq8Xr%3Flang%3Den'
 */
export function signInHref(url: URL): string {
  return `/?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`
}
