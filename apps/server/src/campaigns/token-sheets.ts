import { type IssuedTokens, respondentPath } from './tokens'

/**
 * Tokens as CSV: a `token,link` header, then one row per token with its respondent URL path.
 * (Tokens and paths never start with `=`, `+`, `-` or `@`, so no cell can become a formula.)
 *
 * @example
 * tokensCsv(issued) // 'token,link\r\n7KQ2-M9XD-0RTB-4HZC,/s/q8Xr…?token=7KQ2-M9XD-0RTB-4HZC\r\n'
 */
export function tokensCsv({ slug, tokens }: IssuedTokens): string {
  const rows = tokens.map((token) => `${token},${respondentPath(slug, token)}`)
  return `${['token,link', ...rows].join('\r\n')}\r\n`
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string)
}

/**
 * Tokens as a printable page (A4, slips to cut apart): each slip has the campaign, the branch,
 * the token and the link path, in Chinese first.
 *
 * @example
 * tokensHtml(issued) // '<!doctype html>…<div class="slip">…</div>…'
 */
export function tokensHtml(issued: IssuedTokens): string {
  const campaign = escapeHtml(issued.campaign.name)
  const unit = escapeHtml(issued.unit.name)
  const slips = issued.tokens
    .map(
      (token) => `<div class="slip">
<div class="title">${campaign}</div>
<div>测评单位 Branch：${unit}</div>
<div>答题凭证 Token：<b class="token">${escapeHtml(token)}</b></div>
<div class="link">${escapeHtml(respondentPath(issued.slug, token))}</div>
<div class="note">本凭证仅可使用一次，测评不记名。One use only; answers are anonymous.</div>
</div>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${campaign} · ${unit} · 答题凭证</title>
<style>
body { font-family: sans-serif; margin: 1cm; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4cm; }
.slip { border: 1px dashed #888; padding: 0.4cm; break-inside: avoid; font-size: 11pt; }
.title { font-weight: bold; margin-bottom: 0.2cm; }
.token { font-family: monospace; font-size: 14pt; letter-spacing: 1px; }
.link { font-family: monospace; font-size: 8pt; word-break: break-all; color: #444; }
.note { font-size: 8pt; color: #666; margin-top: 0.2cm; }
</style></head>
<body><div class="sheet">
${slips}
</div></body></html>
`
}
