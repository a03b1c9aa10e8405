import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  campaignIdByName,
  chromiumAvailable,
  DEMO_CAMPAIGN,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
} from './harness'

/**
 * The designer works under its Content-Security-Policy (issue 16 item 9, RELIABILITY.md "Browser
 * hardening and the session" › "Headers and cross-site requests"; the policy is in
 * apps/server/src/http/security-headers.ts): its main pages, the form editor with its co-editing
 * socket and validation worker, `/api/docs` and the respondent's page load in Chromium with no
 * CSP violation — counted by a `securitypolicyviolation` listener on every page and by the
 * console, where Chromium reports each refused resource. And a user locked out after too many
 * wrong passwords (item 4, "Sign-in: guessing, timing and hashing load") is told how long to
 * wait, in Chinese and in English.
 */

const hasChromium = chromiumAvailable('designer hardening e2e')

// Runs in the page before its own scripts: every violation is kept for the test to read.
const RECORD_VIOLATIONS = `
  window.__csp = []
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(event.violatedDirective + ' ' + event.blockedURI)
  })
`

describe.runIf(hasChromium)('the designer under its CSP', () => {
  let server: TestServer
  let browser: Browser
  let paths: string[]
  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    const admin = await apiToken(server.url, 'admin@yardstick.local')
    const forms = await api<{ items: Array<{ id: number }> }>(server, admin, 'GET', '/api/forms')
    const campaignId = await campaignIdByName(server, admin, DEMO_CAMPAIGN)
    const links = await api<{ items: Array<{ slug: string }> }>(
      server,
      admin,
      'GET',
      `/api/campaigns/${campaignId}/links?limit=1`,
    )
    paths = [
      '/overview',
      '/forms',
      `/forms/${forms.items[0]?.id}`,
      '/campaigns',
      `/campaigns/${campaignId}/admin`,
      `/campaigns/${campaignId}/settings`,
      '/admin/users',
      '/api/docs',
      `/s/${links.items[0]?.slug}`,
    ]
    // Building the designer can take minutes on a busy machine.
  }, 600_000)
  afterAll(() => stopRun({ server, browser }))

  it('loads every main page with no CSP violation', async () => {
    const { context, page, problems } = await signedInPage(
      browser,
      server.url,
      'admin@yardstick.local',
    )
    await context.addInitScript(RECORD_VIOLATIONS)
    const violations: string[] = []
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`)
      expect(response?.headers()['content-security-policy'], path).toBeTruthy()
      await page.waitForLoadState('networkidle')
      if (path.startsWith('/forms/')) await page.locator('[role="tree"]').first().waitFor()
      if (path === '/api/docs') await page.locator('.swagger-ui .opblock').first().waitFor()
      const seen = await page.evaluate(() => (globalThis as { __csp?: string[] }).__csp ?? [])
      violations.push(...seen.map((v) => `${path}: ${v}`))
    }
    expect(violations).toEqual([])
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([])
    await context.close()
  })

  it('tells a locked-out user in their language how long to wait', async () => {
    for (const [locale, label, button, words] of [
      ['zh-CN', '邮箱', '登录', /登录失败次数过多：请等待 1[0-5] 分钟后再试。/],
      ['en', 'Email', 'Sign in', /Too many failed sign-in attempts: wait 1[0-5] minutes/],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await page.goto(server.url)
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click()
      await page.getByLabel(label).fill(`nobody-${locale}@yardstick.local`)
      await page.locator('input[type="password"]').fill('not-the-password')
      // Ten wrong passwords are checked; the eleventh is refused without a check.
      for (let i = 0; i < 11; i++) {
        await page.getByRole('button', { name: button, exact: true }).click()
        await page.getByRole('alert').waitFor()
      }
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(words)
      await context.close()
    }
  })
})
