/**
 * The address a respondent opens for a link.
 *
 * @example
 * linkUrl('https://ys.example.org', '/s/q8Xr0m3c') // 'https://ys.example.org/s/q8Xr0m3c'
 */
export function linkUrl(origin: string, path: string): string {
  return `${origin}${path}`
}

/**
 * The snippet a portal pastes to embed a link's survey: the `/embed.js` module and one
 * `<yardstick-survey>` element pointing at this server.
 *
 * @example
 * embedSnippet('https://ys.example.org', 'q8Xr0m3c')
 * // '<script type="module" src="https://ys.example.org/embed.js"></script><yardstick-survey …'
 */
export function embedSnippet(origin: string, slug: string, locale = 'zh-cn'): string {
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return (
    `<script type="module" src="${attr(origin)}/embed.js"></script>` +
    `<yardstick-survey server="${attr(origin)}" link="${attr(slug)}" locale="${attr(locale)}"></yardstick-survey>`
  )
}

/**
 * Issued tokens as CSV (`token,link` with the full respondent URL), UTF-8 with a BOM so Excel
 * reads it as such.
 *
 * @example
 * tokensCsv('https://ys.example.org', 'q8Xr', ['7KQ2-M9XD'])
 * // '\uFEFFtoken,link\r\n7KQ2-M9XD,https://ys.example.org/s/q8Xr?token=7KQ2-M9XD\r\n'
 */
export function tokensCsv(origin: string, slug: string, tokens: readonly string[]): string {
  const rows = tokens.map((token) => `${token},${tokenUrl(origin, slug, token)}`)
  return `\uFEFF${['token,link', ...rows].join('\r\n')}\r\n`
}

/** The respondent URL carrying a one-time token. */
export function tokenUrl(origin: string, slug: string, token: string): string {
  return `${origin}/s/${slug}?token=${encodeURIComponent(token)}`
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = name
  anchor.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
