import QRCode from 'qrcode'
import { type IssuedTokens, respondentPath } from './tokens'

/** Slips on one A4 sheet: two across, four down. */
export const SLIPS_PER_PAGE = 8

/**
 * Tokens as CSV: a `token,link` header, then one row per token with its full respondent URL on
 * this server (`origin`). Tokens and URLs never start with `=`, `+`, `-` or `@`, so no cell can
 * become a formula.
 *
 * @example
 * tokensCsv(issued, 'https://ys.example.cn') // 'token,link\r\n7KQ2-…,https://ys.example.cn/s/q8Xr…?token=7KQ2-…\r\n'
 */
export function tokensCsv({ slug, tokens }: IssuedTokens, origin: string): string {
  const rows = tokens.map((token) => `${token},${origin}${respondentPath(slug, token)}`)
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
 * Tokens as a printable page: A4 sheets of eight slips, each bounded by dashed cut lines, with
 * the campaign, the branch, the token, a QR code of its respondent URL (`qrcode`) and the URL
 * itself, in Chinese first.
 *
 * @example
 * await tokensHtml(issued, 'https://ys.example.cn') // '<!doctype html>…<div class="slip">…'
 */
export async function tokensHtml(issued: IssuedTokens, origin: string): Promise<string> {
  const campaign = escapeHtml(issued.campaign.name)
  const unit = escapeHtml(issued.unit.name)
  const slips = await Promise.all(
    issued.tokens.map(async (token) => {
      const url = `${origin}${respondentPath(issued.slug, token)}`
      // The SVG is the library's own output for our URL: no user text inside it.
      const qr = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      return `<div class="slip">
<div class="text">
<div class="title">${campaign}</div>
<div>测评单位 Branch：${unit}</div>
<div>答题凭证 Token：<b class="token">${escapeHtml(token)}</b></div>
<div class="link">${escapeHtml(url)}</div>
<div class="note">扫码或打开链接答题；凭证仅可使用一次，测评不记名。Scan or open the link; one use only, answers are anonymous.</div>
</div>
<div class="qr" role="img" aria-label="二维码 QR code">${qr}</div>
</div>`
    }),
  )
  const pages: string[] = []
  for (let i = 0; i < slips.length; i += SLIPS_PER_PAGE) {
    pages.push(
      `<section class="page">\n${slips.slice(i, i + SLIPS_PER_PAGE).join('\n')}\n</section>`,
    )
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${campaign} · ${unit} · 答题凭证</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@page { size: A4; margin: 10mm; }
body { font-family: sans-serif; margin: 0; }
.page { display: grid; grid-template-columns: repeat(2, 95mm); grid-auto-rows: 68mm;
  border-top: 0.3mm dashed #888; border-left: 0.3mm dashed #888; width: fit-content;
  break-after: page; margin: 0 auto; }
.page:last-child { break-after: auto; }
.slip { display: flex; gap: 3mm; padding: 5mm; box-sizing: border-box; overflow: hidden;
  border-right: 0.3mm dashed #888; border-bottom: 0.3mm dashed #888; break-inside: avoid;
  font-size: 10pt; line-height: 1.45; }
.text { flex: 1; min-width: 0; }
.title { font-weight: bold; margin-bottom: 1.5mm; }
.token { display: block; font-family: monospace; font-size: 11pt; white-space: nowrap; }
.link { font-family: monospace; font-size: 7pt; word-break: break-all; color: #333; }
.note { font-size: 7pt; color: #555; margin-top: 1.5mm; }
.qr { width: 30mm; flex: none; }
.qr svg { width: 30mm; height: 30mm; display: block; }
@media screen and (max-width: 200mm) {
  .page { grid-template-columns: minmax(0, 1fr); grid-auto-rows: auto; width: auto; }
}
</style></head>
<body>
${pages.join('\n')}
</body></html>
`
}
