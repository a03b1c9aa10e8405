import { mkdirSync, readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import {
  api,
  apiToken,
  buildUi,
  CHROMIUM,
  CHROMIUM_ARGS,
  campaignIdByName,
  DEMO_CAMPAIGN,
  type OpenedPage,
  SCREENSHOTS,
  signedInPage,
  startTestServer,
  type TestServer,
} from '@yardstick/testing'
import { type Browser, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'

// What the designer's tests share with the other browser tests lives in @yardstick/testing; the
// designer's tests import it from here with the designer's own helpers below.
export {
  api,
  apiToken,
  CHROMIUM,
  CHROMIUM_ARGS,
  campaignIdByName,
  chromiumAvailable,
  collectProblems,
  DEMO_CAMPAIGN,
  decodeQr,
  type OpenedPage,
  PASSWORD,
  SCREENSHOTS,
  signedInPage,
  startTestServer,
  stopRun,
  type TestServer,
} from '@yardstick/testing'

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

/**
 * Builds the designer into `apps/designer/dist` and the respondent page (`/s/:slug`, which the
 * designer's links open) into `apps/respondent/dist`, where the server serves them from, as
 * `pnpm start` does (production React) — unless a build of the same sources is there already;
 * one build at a time across the test files (scripts/build-ui.mjs).
 */
export async function buildDesigner(): Promise<void> {
  await buildUi(['designer', 'respondent'])
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
 * How many pages a PDF that Chromium printed has, and whether every page is A4 (595.92 × 842.88
 * points), read from its page objects and media boxes.
 *
 * @example
 * expect(printedPages(await page.pdf({ preferCSSPageSize: true }))).toEqual({ pages: 2, a4: true })
 */
export function printedPages(pdf: Buffer): { pages: number; a4: boolean } {
  const text = pdf.toString('latin1')
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)]
  const pages = (text.match(/\/Type\s*\/Page\b/g) ?? []).length
  const a4 = boxes.every(
    ([, w, h]) => Math.abs(Number(w) - 595.92) < 1 && Math.abs(Number(h) - 842.88) < 1,
  )
  return { pages, a4: a4 && boxes.length > 0 }
}
