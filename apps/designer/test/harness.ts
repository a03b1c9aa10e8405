import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import jsQR from 'jsqr'
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Page,
} from 'playwright-core'
import { expect } from 'vitest'
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

/** Where the committed screenshots go (docs/screenshots, linked from the READMEs). */
export const SCREENSHOTS = join(import.meta.dirname, '../../../docs/screenshots')

/** The demo data's yearly evaluation (apps/server/src/seed), with responses from every source. */
export const DEMO_CAMPAIGN = '2026年度党支部综合评定'

/**
 * `expect.poll` that waits 10 s: what waits on the server or a lazily loaded chunk takes longer
 * than its 1 s default.
 *
 * @example
 * await until(() => status.getAttribute('data-status')).toBe('open')
 */
export function until<T>(
  read: () => T | Promise<T>,
  timeout = 10_000,
): ReturnType<typeof expect.poll<T | Promise<T>>> {
  return expect.poll(read, { timeout })
}

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
 * Builds the designer into `apps/designer/dist` and the respondent page (`/s/:slug`, which the
 * designer's links open) into `apps/respondent/dist`, where the server serves them from, as
 * `pnpm start` does (production React) — unless a build of the same sources is there already;
 * one build at a time across the test files (scripts/build-ui.mjs).
 */
export async function buildDesigner(): Promise<void> {
  await buildUi(['designer', 'respondent'])
}

/** The real server in its own process on a fresh data folder, with the demo data. */
export type TestServer = DemoServer

export function startTestServer(): Promise<TestServer> {
  return startDemoServer(PASSWORD)
}

/**
 * The designer built, the real server with the demo data, and Chromium, started together (and the
 * screenshots' folder made).
 */
export async function startServerAndBrowser(): Promise<{ server: TestServer; browser: Browser }> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const [server, browser] = await Promise.all([
    buildDesigner().then(() => startTestServer()),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ])
  return { server, browser }
}

/**
 * Closes Chromium and stops the server, whichever of them started.
 *
 * @example
 * afterAll(() => stopRun({ browser, server }))
 */
export async function stopRun(run: { browser?: Browser; server?: TestServer }): Promise<void> {
  await run.browser?.close()
  await run.server?.stop()
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

/**
 * JSON over the API with a bearer token; throws on an error status (with what the server said).
 *
 * @example
 * const form = await api<{ id: number }>(server, admin, 'POST', '/api/forms', { title, template })
 */
export async function api<T>(
  server: TestServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/**
 * The id of a campaign by its name, as the user behind `token` sees the list.
 *
 * @example
 * const demoId = await campaignIdByName(server, admin, DEMO_CAMPAIGN)
 */
export async function campaignIdByName(
  server: TestServer,
  token: string,
  name: string,
): Promise<number> {
  const list = await api<{ items: Array<{ id: number; name: string }> }>(
    server,
    token,
    'GET',
    '/api/campaigns?limit=100',
  )
  const found = list.items.find((campaign) => campaign.name === name)
  if (!found) throw new Error(`no campaign ${name} in the list`)
  return found.id
}

/** What openBranchCampaign makes, beyond the form's and the campaign's names. */
export interface BranchCampaignOptions {
  /** The form's title. */
  form: string
  /** The campaign's name. */
  name: string
  /** The SDK template the form starts from; the self-check by default. */
  template?: 'selfCheck' | 'satisfaction'
  /** The published version's note. */
  note?: string
  /** The campaign's one source, less its form version: the branch's own self-check by default. */
  source?: Record<string, unknown>
  bands?: Array<{ min: number; grade: string }>
}

/**
 * Creates and opens (as the admin) a campaign over the demo secretary's branch whose only source
 * is a freshly published form (the self-check by default): where the branch's tests start.
 * Returns the campaign's id, the branch and the secretary's API token.
 *
 * @example
 * const { id, unitId } = await openBranchCampaign(server, admin, { form, name })
 */
export async function openBranchCampaign(
  server: TestServer,
  admin: string,
  {
    form,
    name,
    template = 'selfCheck',
    note = '季度自查',
    source = { key: 'self', weight: 100, required: true, measure: 'percent' },
    bands = [{ min: 0, grade: '达标' }],
  }: BranchCampaignOptions,
): Promise<{ id: number; unitId: number; secretary: string }> {
  const created = await api<{ id: number }>(server, admin, 'POST', '/api/forms', {
    title: form,
    template,
  })
  const version = await api<{ id: number }>(
    server,
    admin,
    'POST',
    `/api/forms/${created.id}/publish`,
    { note },
  )
  const secretary = await apiToken(server.url, 'secretary@yardstick.local')
  const me = await api<{ grants: Array<{ role: string; orgId: number }> }>(
    server,
    secretary,
    'GET',
    '/api/me',
  )
  const unitId = me.grants.find((g) => g.role === 'secretary')?.orgId ?? 0
  const campaign = await api<{ id: number }>(server, admin, 'POST', '/api/campaigns', {
    name,
    cadence: 'quarterly',
    opensAt: '2026-01-01T00:00:00+08:00',
    closesAt: '2027-12-31T23:59:59+08:00',
    units: { ids: [unitId] },
    sources: [{ ...source, formVersion: version.id }],
    bands,
  })
  await api(server, admin, 'POST', `/api/campaigns/${campaign.id}/open`)
  return { id: campaign.id, unitId, secretary }
}

/**
 * The server and Chromium started (startServerAndBrowser), the admin signed in over the API
 * (`token`) and in a page (`admin`), and the demo campaign's id: where the office's tests start.
 *
 * @example
 * ;({ server, browser, token, demoId, admin } = await startAsAdmin())
 */
export async function startAsAdmin(): Promise<{
  server: TestServer
  browser: Browser
  token: string
  demoId: number
  admin: OpenedPage
}> {
  const { server, browser } = await startServerAndBrowser()
  const token = await apiToken(server.url, 'admin@yardstick.local')
  const demoId = await campaignIdByName(server, token, DEMO_CAMPAIGN)
  const admin = await signedInPage(browser, server.url, 'admin@yardstick.local')
  return { server, browser, token, demoId, admin }
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
 * Collects a page's console errors and warnings (but survey-core's version notice) and its page
 * errors, for a test to expect none; `ignore` passes over messages a test provokes on purpose.
 *
 * @example
 * const problems = collectProblems(page)
 */
export function collectProblems(
  page: Page,
  ignore: (message: ConsoleMessage) => boolean = () => false,
): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    if (VERSION_NOTICE.test(message.text()) || ignore(message)) return
    problems.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return problems
}

/**
 * A fresh browser context (its own storage, like another person's computer) signed in by the UI,
 * once the home that user's roles land on (apps/designer/src/home/home-route.ts) shows its
 * heading — `landing` when given (e.g. 支部自检自查 for a secretary), else whichever it is.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  email: string,
  landing?: string,
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const problems = collectProblems(page)
  await page.goto(url)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  if (landing) await page.getByRole('heading', { name: landing, exact: true }).waitFor()
  else await page.locator('.app-header ~ main h1').first().waitFor()
  return { context, page, problems }
}

/**
 * The entries of a ZIP archive (an XLSX file), read through its central directory: what a test
 * needs to look inside a downloaded workbook.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + size)
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    at += 46 + nameLength + extra + comment
  }
  return files
}

/**
 * Publishes the form open in the editor as `version`, with its note, and waits for the editor to
 * confirm it.
 *
 * @example
 * await publishVersion(page, '加分项与否决项', 2)
 */
export async function publishVersion(page: Page, note: string, version: number): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click()
  await page.getByLabel('发布说明').fill(note)
  await page.getByRole('button', { name: '确认发布' }).click()
  await page.getByText(`已发布第 ${version} 版`).waitFor()
}

/**
 * Clicks the link (or button) named `name` that downloads a file, and returns the file.
 *
 * @example
 * const csv = (await downloadFile(page, '导出 CSV')).toString('utf8')
 */
export async function downloadFile(
  page: Page,
  name: string,
  role: 'link' | 'button' = 'link',
): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole(role, { name }).click(),
  ])
  return readFileSync(await download.path())
}

/**
 * Decodes the QR code in a screenshot (PNG), as a phone reads a printed slip: its pixels read by
 * the browser, decoded by jsQR.
 *
 * @example
 * const url = await decodeQr(page, await slip.locator('img.qr').screenshot())
 */
export async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const image = await page.evaluate(async (base64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${base64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.drawImage(img, 0, 0)
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
    return { data: Array.from(data), width, height }
  }, png.toString('base64'))
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null
}
