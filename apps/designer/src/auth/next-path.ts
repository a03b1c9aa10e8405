/**
 * The path `?next=` asks to return to after signing in, when it is a path of this same site;
 * null for anything else — another origin (`//evil.example`, `https://…`), another scheme
 * (`javascript:`), a backslash browsers read as a slash (`/\evil.example`), a relative or empty
 * path — so a sign-in link can never send a user away.
 *
 * @param raw the `next` parameter as given
 * @param origin this site's origin (`location.origin`)
 * @example
 * safeNextPath('/s/q8Xr?token=1', 'https://ys.example') // '/s/q8Xr?token=1'
 * safeNextPath('//evil.example/s/1', 'https://ys.example') // null
 */
export function safeNextPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null
  // Backslashes and control characters: browsers turn the first into slashes, drop the rest.
  if ([...raw].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return null
  }
  let url: URL
  try {
    url = new URL(raw, origin)
  } catch {
    return null
  }
  if (url.origin !== origin) return null
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * Whether a path is a page the server answers itself rather than the designer (the
 * respondent page `/s/:slug`), so going there needs a full navigation.
 *
 * @example
 * isServerPage('/s/q8Xr') // true
 * isServerPage('/campaigns/3') // false
 */
export function isServerPage(path: string): boolean {
  return path === '/s' || path.startsWith('/s/') || path.startsWith('/api/')
}

/**
 * The sign-in page's address for returning to `path` afterwards (`/?next=…`).
 *
 * @example
 * signInUrl('/s/q8Xr') // '/?next=%2Fs%2Fq8Xr'
 */
export function signInUrl(path: string): string {
  return `/?next=${encodeURIComponent(path)}`
}
