import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignResults } from '../src/api/types'
import {
  chromiumAvailable,
  type OpenedPage,
  SCREENSHOTS,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer dimensions e2e')

describe.skipIf(!hasChromium)('dimension results and 共性问题 in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number

  beforeAll(async () => {
    ;({ server, browser, token, demoId, admin } = await startAsAdmin())
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('shows a chart per dimension across the units and the 共性问题 list, worst first, with downloads', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${demoId}`)
    const dimensions = page.locator('.dimensions')
    // The self-check's four strengths (四强), each its own chart.
    await until(() => dimensions.locator('figure.dimension canvas').count()).toBe(4)
    expect(await dimensions.locator('figure.dimension figcaption b').allTextContents()).toEqual([
      '政治功能强',
      '支部班子强',
      '党员队伍强',
      '作用发挥强',
    ])
    expect(await dimensions.locator('figure.dimension').first().textContent()).toMatch(
      /中位数 \d+(\.\d)?% · 最低/,
    )
    // The scorecard's five basics (五基本) and featured indicators, on choosing its source.
    await dimensions.getByLabel('来源').selectOption('superior')
    await until(() => dimensions.locator('figure.dimension canvas').count()).toBe(6)
    await page
      .getByRole('img', { name: /^基本组织：/ })
      .locator('canvas')
      .waitFor()

    const problems = page.locator('.common-problems')
    const items = problems.locator('.common-problem-list li')
    await until(() => items.count()).toBeGreaterThan(0)
    expect(await items.first().textContent()).toMatch(/答“否”.*\d+ 个单位（\d+(\.\d)?%）/)
    const counts = (await items.locator('.common-problem-count').allTextContents()).map((text) =>
      Number(/(\d+) 个单位/.exec(text)?.[1]),
    )
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const csv = problems.getByRole('link', { name: '导出共性问题 CSV' })
    expect(await csv.getAttribute('href')).toBe(
      `/api/campaigns/${demoId}/common-problems.csv?source=self`,
    )
    const file = await fetch(`${server.url}${await csv.getAttribute('href')}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(file.status).toBe(200)
    expect(await file.text()).toContain('序号,题目,维度,情形,单位数')
    await problems.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'dimensions-dashboard.png'), fullPage: true })
    expect(admin.problems).toEqual([])
  }, 90_000)

  it('shows on a branch’s page its dimension percents against its sub-committee’s median', async () => {
    const { page } = admin
    const results = await (
      await fetch(`${server.url}/api/campaigns/${demoId}/results?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()
    const unitId = (results as CampaignResults).units[0]?.unitId
    await page.goto(`${server.url}/campaigns/${demoId}/units/${unitId}`)
    const card = page.locator('.unit-dimensions')
    await until(() => card.locator('canvas').count()).toBe(2)
    const row = card.locator('figure[data-source="self"] tr[data-dimension="politicalFunction"]')
    expect(await row.textContent()).toMatch(/^政治功能强\d+(\.\d)?%\d+(\.\d)?%/)
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'unit-dimensions.png'), fullPage: true })
    expect(admin.problems).toEqual([])
  }, 60_000)
})
