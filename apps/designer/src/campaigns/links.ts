import type { SourceRespondent } from '@yardstick/sdk/domain'
import type { CampaignLink, CampaignSource, Page } from '../api/types'

/**
 * The address a respondent opens for a link.
 *
 * @example
 * linkUrl('https://ys.example.org', '/s/q8Xr0m3c') // 'https://ys.example.org/s/q8Xr0m3c'
 */
export function linkUrl(origin: string, path: string): string {
  return `${origin}${path}`
}

/** Where an anonymous source's snippet tells the portal to put each respondent's token. */
export const TOKEN_PLACEHOLDER = 'TOKEN'

/** Options of `embedSnippet`. */
export interface EmbedSnippetOptions {
  /** The survey's language attribute (default `zh-cn`). */
  locale?: string
  /**
   * For an anonymous source: a comment saying where the token goes (in the reader's language),
   * and a `token="TOKEN"` attribute for the portal to fill per respondent.
   */
  tokenHint?: string
}

/**
 * The snippet a portal pastes to embed a link's survey: the `/embed.js` module and one
 * `<yardstick-survey>` element pointing at this server; for an anonymous source, a comment and a
 * `token` attribute to fill with each respondent's one-time token.
 *
 * @example
 * embedSnippet('https://ys.example.org', 'q8Xr0m3c')
 * // '<script type="module" src="https://ys.example.org/embed.js"></script><yardstick-survey …'
 */
export function embedSnippet(
  origin: string,
  slug: string,
  { locale = 'zh-cn', tokenHint }: EmbedSnippetOptions = {},
): string {
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  const script = `<script type="module" src="${attr(origin)}/embed.js"></script>`
  const token = tokenHint === undefined ? '' : ` token="${TOKEN_PLACEHOLDER}"`
  const element = `<yardstick-survey server="${attr(origin)}" link="${attr(slug)}"${token} locale="${attr(locale)}"></yardstick-survey>`
  if (tokenHint === undefined) return script + element
  // `--` would end an HTML comment early.
  return `${script}\n<!-- ${tokenHint.replace(/-{2,}/g, '-')} -->\n${element}`
}

/**
 * What a source's links are for, by who answers it (never by its key, so a source the office
 * added is handled as its kind is): `workflow` — the self-check is filled in its own workflow
 * (支部自检自查), no link to hand out; `public` — members (anonymous with one-time tokens or
 * not) open its links anywhere: URL, QR code, an embed snippet for a portal, token slips;
 * `signedIn` — assessors and a panel rate signed in on this server, finding their units under
 * 考评任务, so no link is handed out.
 *
 * @example
 * linkUse('members') // 'public'
 * linkUse('panel') // 'signedIn'
 */
export function linkUse(answeredBy: SourceRespondent): 'workflow' | 'public' | 'signedIn' {
  if (answeredBy === 'selfCheck') return 'workflow'
  return answeredBy === 'members' ? 'public' : 'signedIn'
}

/**
 * Every link of a campaign (one source, or all), read page by page.
 *
 * @example
 * const links = await allLinks(api, 7, { source: 'members', signal })
 */
export async function allLinks(
  api: <T>(path: string, options?: { signal?: AbortSignal }) => Promise<T>,
  campaignId: number,
  { source, signal }: { source?: CampaignSource['key']; signal?: AbortSignal } = {},
): Promise<CampaignLink[]> {
  const all: CampaignLink[] = []
  const filter = source === undefined ? '' : `&source=${source}`
  for (let offset: number | null = 0; offset !== null; ) {
    const page: Page<CampaignLink> = await api<Page<CampaignLink>>(
      `/api/campaigns/${campaignId}/links?limit=100&offset=${offset}${filter}`,
      { signal },
    )
    all.push(...page.items)
    offset = page.nextOffset
  }
  return all
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
