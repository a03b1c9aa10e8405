import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { buildUi } from '../../../scripts/build-ui.mjs'
import { type DemoServer, startDemoServer } from '../../server/test/collab/processes'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]
export const PASSWORD = 'e2e-demo-password'

/** Whether the browser tests can run here; in CI a missing Chromium is an error, not a skip. */
export function chromiumAvailable(name: string): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI) {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)`)
  }
  console.warn(`${name}: SKIPPED, ${CHROMIUM} is missing; apt-get install -y chromium`)
  return false
}

/**
 * Builds the designer into `apps/designer/dist`, where the server serves it from, as `pnpm start`
 * does (production React) — unless a build of the same sources is there already; one build at
 * a time across the test files (scripts/build-ui.mjs).
 */
export async function buildDesigner(): Promise<void> {
  await buildUi(['designer'])
}

/** The real server in its own process on a fresh data folder, with the demo data. */
export type TestServer = DemoServer

export function startTestServer(): Promise<TestServer> {
  return startDemoServer(PASSWORD)
}

/** The designer built, the real server with the demo data, and Chromium, started together. */
export async function startServerAndBrowser(): Promise<{ server: TestServer; browser: Browser }> {
  const [server, browser] = await Promise.all([
    buildDesigner().then(() => startTestServer()),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ])
  return { server, browser }
}

/** Signs in over the API and returns the token (for setting up data the test then opens). */
export async function apiToken(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** A browser page with its console errors and page errors collected. */
export interface OpenedPage {
  context: BrowserContext
  page: Page
  problems: string[]
}

// survey-core logs this once per page: the shipped pair differs on purpose (see the SDK README).
const VERSION_NOTICE = /SurveyJS libraries should have the same versions/

/**
 * A fresh browser context (its own storage, like another person's computer) signed in by the UI,
 * once the page a user of that role lands on shows `landing` (the forms list by default; a
 * branch-only user lands on 支部自检自查).
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  email: string,
  landing = '表单',
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    if (VERSION_NOTICE.test(message.text())) return
    problems.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  await page.goto(url)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('heading', { name: landing, exact: true }).waitFor()
  return { context, page, problems }
}
