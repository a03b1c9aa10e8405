import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  api,
  apiToken,
  buildUi,
  CHROMIUM,
  CHROMIUM_ARGS,
  campaignIdByName,
  collectProblems,
  SCREENSHOTS,
  startTestServer,
  type TestServer,
} from '@yardstick/testing'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core'

export {
  api,
  apiToken,
  chromiumAvailable,
  DEMO_CAMPAIGN,
  decodeQr,
  PASSWORD,
  SCREENSHOTS,
  signedInPage,
  stopRun,
} from '@yardstick/testing'

/** A phone (the width the issue names) and a desktop. */
export const WIDTHS = { phone: 390, desktop: 1440 } as const

const REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d/

/**
 * The respondent page built (and the designer, for tests that start from its pages), the real
 * server with the demo data, and Chromium, started together.
 */
export async function startServerAndBrowser(
  targets: Array<'respondent' | 'designer'> = ['respondent'],
): Promise<{ server: TestServer; browser: Browser }> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const [server, browser] = await Promise.all([
    buildUi(targets).then(() => startTestServer()),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ])
  return { server, browser }
}

/** The world a respondent test runs in: the server, Chromium, and one unit's link of a campaign. */
export interface DemoRun {
  server: TestServer
  browser: Browser
  /** The admin's API token. */
  admin: string
  campaign: DemoCampaign
  /** The unit whose members answer in the tests. */
  unit: number
  /** The slug of that unit's members link. */
  slug: string
}

/**
 * Starts the server and Chromium (`targets` built, as startServerAndBrowser) and picks the
 * `unitIndex`th unit of a demo campaign, with its members link.
 *
 * @example
 * ;({ server, browser, admin, campaign: demo, unit, slug } = await startOnDemo(DEMO_CAMPAIGN, 5))
 */
export async function startOnDemo(
  name: string,
  unitIndex: number,
  targets?: Array<'respondent' | 'designer'>,
): Promise<DemoRun> {
  const { server, browser } = await startServerAndBrowser(targets)
  const admin = await apiToken(server.url, 'admin@yardstick.local')
  const campaign = await demoCampaign(server, admin, name)
  const unit = campaign.units[unitIndex]
  if (unit === undefined) throw new Error(`${name} has no unit ${unitIndex}`)
  return { server, browser, admin, campaign, unit, slug: campaign.slug(unit, 'members') }
}

/**
 * What a unit's results count from its members (as the admin): how many responses, and their
 * value (`n` is -1 when the campaign has no members source).
 *
 * @example
 * expect((await membersResult(server, admin, demo.id, unit)).n).toBe(before + 1)
 */
export async function membersResult(
  server: TestServer,
  admin: string,
  campaignId: number,
  unit: number,
): Promise<{ n: number; value: number | null }> {
  const detail = await api<{ sources: Array<{ key: string; n: number; value: number | null }> }>(
    server,
    admin,
    'GET',
    `/api/campaigns/${campaignId}/results/units/${unit}`,
  )
  const members = detail.sources.find((source) => source.key === 'members')
  return { n: members?.n ?? -1, value: members?.value ?? null }
}

/** A page in a fresh browser context (another person's phone), with its problems collected. */
export interface RespondentPage {
  context: BrowserContext
  page: Page
  /** Console errors and warnings and page errors so far: a test expects none. */
  problems: string[]
}

/**
 * A fresh context `width` wide (390 by default, a phone) in Chinese, collecting console errors
 * and warnings and page errors; `device` overrides the context's options (a WeChat phone).
 *
 * @example
 * const { page, problems } = await respondentPage(browser)
 */
export async function respondentPage(
  browser: Browser,
  {
    width = WIDTHS.phone as number,
    locale = 'zh-CN',
    device = {},
  }: { width?: number; locale?: string; device?: BrowserContextOptions } = {},
): Promise<RespondentPage> {
  const context = await browser.newContext({
    viewport: { width, height: width <= WIDTHS.phone ? 844 : 900 },
    locale,
    ...device,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  // Chromium logs every 4xx answer; a link's refusals are what the page then explains.
  const problems = collectProblems(
    page,
    (message) => REFUSAL.test(message.text()) && message.location().url.includes('/api/links/'),
  )
  return { context, page, problems }
}

/** Whether the page is wider than the window (a horizontal scrollbar): it must never be. */
export function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}

/**
 * Saves `docs/screenshots/respondent-<name>.png` of what the window shows.
 *
 * @example
 * await screenshot(page, 'used-token-zh-CN-390')
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `respondent-${name}.png`) })
}

/** A campaign of the demo data, by name, with its links. */
export interface DemoCampaign {
  id: number
  /** The slug of a unit's link of a source. */
  slug: (unitId: number, source: string) => string
  /** The units with links, in the order listed. */
  units: number[]
  /** A unit's name. */
  unitName: (unitId: number) => string
  /** The sources' form versions, by key. */
  versions: Record<string, number>
}

/**
 * Finds a campaign of the demo data by name and reads its links (as the admin).
 *
 * @example
 * const satisfaction = await demoCampaign(server, admin, '2026年度党支部综合评定')
 */
export async function demoCampaign(
  server: TestServer,
  admin: string,
  name: string,
): Promise<DemoCampaign> {
  return campaignLinks(server, admin, await campaignIdByName(server, admin, name))
}

/** A campaign's links and sources (as the admin). */
export async function campaignLinks(
  server: TestServer,
  admin: string,
  id: number,
): Promise<DemoCampaign> {
  type Link = { unitId: number; unitName: string; source: string; slug: string }
  const items: Link[] = []
  for (let offset: number | null = 0; offset !== null; ) {
    const page: { items: Link[]; nextOffset: number | null } = await api(
      server,
      admin,
      'GET',
      `/api/campaigns/${id}/links?limit=100&offset=${offset}`,
    )
    items.push(...page.items)
    offset = page.nextOffset
  }
  const detail = await api<{ sources: Array<{ key: string; formVersion: number }> }>(
    server,
    admin,
    'GET',
    `/api/campaigns/${id}`,
  )
  const slugs = new Map(items.map((l) => [`${l.unitId}:${l.source}`, l.slug]))
  return {
    id,
    slug: (unitId, source) => {
      const slug = slugs.get(`${unitId}:${source}`)
      if (!slug) throw new Error(`campaign ${id} has no ${source} link for unit ${unitId}`)
      return slug
    },
    units: [...new Set(items.map((l) => l.unitId))],
    unitName: (unitId) => items.find((l) => l.unitId === unitId)?.unitName ?? '',
    versions: Object.fromEntries(detail.sources.map((s) => [s.key, s.formVersion])),
  }
}

/** Issues one-time tokens for a unit's members link (as the admin). */
export async function issueTokens(
  server: TestServer,
  admin: string,
  campaignId: number,
  unitId: number,
  count: number,
): Promise<string[]> {
  const issued = await api<{ tokens: string[] }>(
    server,
    admin,
    'POST',
    `/api/campaigns/${campaignId}/tokens`,
    { unitId, source: 'members', count },
  )
  return issued.tokens
}

export type { TestServer }
