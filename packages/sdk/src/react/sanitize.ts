import DOMPurify from 'dompurify'

/**
 * Makes HTML produced by SurveyJS safe to put in the page: every `completedHtml`,
 * `completedBeforeHtml`, `loadingHtml`, `html` question and Markdown result passes through here
 * after `{question}` piping, so an answer can never become script (docs/DESIGN.md §4). DOMPurify
 * keeps authored markup and drops scripts and event handlers. Where it cannot work (no DOM,
 * as in server rendering, `DOMPurify.isSupported` false) it would return its input unchanged,
 * so there everything is escaped instead.
 *
 * @param html the HTML SurveyJS produced
 * @returns HTML that runs no script
 * @example
 * sanitizeHtml('<b>谢谢</b><img src=x onerror=alert(1)>') // '<b>谢谢</b><img src="x">'
 */
export function sanitizeHtml(html: string): string {
  return DOMPurify.isSupported ? DOMPurify.sanitize(html) : escapeHtml(html)
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Encodes plain text as HTML that shows exactly that text. Not a sanitiser: for text that
 * SurveyJS hands over where it expects HTML.
 *
 * @example
 * escapeHtml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}
