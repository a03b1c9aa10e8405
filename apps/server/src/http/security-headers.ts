import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The designer's rules for the browser (also sent with the API's answers and `/api/docs`):
 * scripts, workers, connections (the co-editing socket is same-origin) and frames (the
 * respondent page previewed in the designer) only from this server; styles also inline
 * (SurveyJS Creator, React and Swagger UI set style attributes); images also from data URLs and
 * https (a form may show pictures); no plug-ins; and no other page may frame it (clickjacking).
 * Checked in Chromium: the designer's pages and `/api/docs` load with no CSP violation
 * (apps/designer/test/e2e-hardening.test.ts).
 */
const DESIGNER_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/**
 * Headers no browser we serve still acts on (IE's download prompt and XSS auditor, Flash's
 * cross-domain policy, DNS prefetch, origin-keyed agent clusters — the last is Chromium's
 * default since 106): each costs every answer time (they are set on each one), so none is sent.
 * What is left is what today's browsers enforce.
 */
const OBSOLETE = {
  xDownloadOptions: false,
  xXssProtection: false,
  xPermittedCrossDomainPolicies: false,
  xDnsPrefetchControl: false,
  originAgentCluster: false,
} as const

/**
 * Every header a handler did not set itself (`overwrite: false`). HSTS is left to the TLS
 * terminator: on an intranet, `includeSubDomains` from here could pin other hosts to https.
 */
const designer = secureHeaders({
  ...OBSOLETE,
  contentSecurityPolicy: DESIGNER_CSP,
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  strictTransportSecurity: false,
  overwrite: false,
})

/**
 * What respondents load — their page, the link API a portal calls cross-origin, the embed
 * scripts a portal loads: the same hygiene, but framing is each campaign's own
 * (`frame-ancestors` from apps/server/src/submissions/link-cors.ts and the page's CSP in
 * apps/server/src/http/respondent-page.ts), resources stay loadable from portals (no CORP or
 * COOP), and no Referer ever leaves (links carry tokens).
 */
const respondent = secureHeaders({
  ...OBSOLETE,
  xFrameOptions: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false,
  overwrite: false,
})

const RESPONDENT_PATH = /^\/(s(\/|$)|api\/links(\/|$)|embed(\.js|\.classic\.js|\/))/

/**
 * Security headers on every answer (Hono's `secureHeaders`): the designer's policy, or the
 * respondent's for `/s/*`, `/api/links/*` and the embed scripts. A header a route set itself
 * (a campaign's `frame-ancestors`, the embed's `Cross-Origin-Resource-Policy`) is kept.
 *
 * @example
 * app.use('*', securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  return (c, next) => (RESPONDENT_PATH.test(c.req.path) ? respondent(c, next) : designer(c, next))
}
