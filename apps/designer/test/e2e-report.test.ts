import { join } from 'node:path'
import type { CampaignReport } from '@yardstick/contract'
import { reportNumber } from '@yardstick/contract/report-figures'
import { localizedText, templates } from '@yardstick/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chromiumAvailable,
  downloadFile,
  type OpenedPage,
  printedPages,
  SCREENSHOTS,
  signedInPage,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer report e2e')

describe.skipIf(!hasChromium)('the results report (通报) in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number

  beforeAll(async () => {
    ;({ server, browser, token, demoId, admin } = await startAsAdmin())
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('opens from the dashboard, shows the grades and the ranking, prints to A4 and downloads the PDF', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${demoId}`)
    await page.getByRole('link', { name: '通报（打印 / PDF）' }).click()
    await page.waitForURL(`${server.url}/campaigns/${demoId}/report`)
    const report = (await (
      await fetch(`${server.url}/api/campaigns/${demoId}/report`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as CampaignReport

    const grades = page.locator('.report-grades tbody tr')
    await until(() => grades.count()).toBe(report.distribution.length)
    for (const [i, row] of report.distribution.entries()) {
      expect(await grades.nth(i).locator('th').textContent()).toBe(row.grade)
      expect(await grades.nth(i).locator('td').first().textContent()).toBe(String(row.count))
    }
    const ranking = page.locator('.report-ranking tbody tr')
    expect(await ranking.count()).toBe(report.ranking.rows.length)
    const first = report.ranking.rows[0]
    expect(await ranking.first().locator('th').textContent()).toBe(first?.name)
    expect(await ranking.first().locator('td').nth(1).textContent()).toBe(
      reportNumber(first?.composite ?? null),
    )
    await page.getByRole('heading', { name: '六、整改情况' }).waitFor()

    // On paper: no navigation, toolbar or buttons; A4 pages, each section on its own.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: '下载 PDF' }).isVisible()).toBe(false)
    await page.screenshot({ path: join(SCREENSHOTS, 'report-zh-CN-a4.png'), fullPage: true })
    const printed = printedPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    expect(printed.a4).toBe(true)
    expect(printed.pages).toBeGreaterThanOrEqual(6)
    await page.emulateMedia({ media: 'screen' })

    const pdf = await downloadFile(page, '下载 PDF')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(admin.problems).toEqual([])
  }, 120_000)

  it('prints a published form version as a blank form on A4 from the versions panel, each condition as a sentence', async () => {
    const editor = await signedInPage(browser, server.url, 'editor@yardstick.local')
    const { page } = editor
    const forms = (await (
      await fetch(`${server.url}/api/forms?limit=100`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: Array<{ id: number; title: string; latestVersion: number | null }> }
    // The demo's self-check: each 问题清单 entry is answered only when its item is 否.
    const selfCheckTitle = localizedText(templates.selfCheck.title, 'zh-CN')
    const form = forms.items.find((item) => item.title === selfCheckTitle)
    expect(form?.latestVersion).toBeGreaterThan(0)
    await page.goto(`${server.url}/forms/${form?.id}`)
    await page.getByRole('tab', { name: /版本/ }).click()
    await page
      .locator(`li[data-version="${form?.latestVersion}"]`)
      .getByRole('link', { name: '打印空白表' })
      .click()
    await page.waitForURL(`${server.url}/forms/${form?.id}/versions/${form?.latestVersion}/print`)
    const questions = page.locator('.blank-question')
    await until(() => questions.count()).toBeGreaterThan(0)
    expect(await page.locator('.blank-box').count()).toBeGreaterThan(0)
    // 党费 is an item; its problem-list entry says when it is filled in.
    const dues = (templates.selfCheck.pages ?? [])
      .flatMap((p) => p.elements ?? [])
      .find((element) => element.name === 'partyDues')
    const duesTitle = localizedText(dues?.title, 'zh-CN')
    const entry = page.locator('.blank-question[data-question="partyDues_problem"]')
    expect(await entry.locator('.blank-condition').textContent()).toBe(
      `仅当「${duesTitle}」选择「否」时作答`,
    )
    expect(
      await page.locator('.blank-question[data-question="partyDues"] .blank-condition').count(),
    ).toBe(0)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await entry.locator('.blank-condition').isVisible()).toBe(true)
    const printed = printedPages(await page.pdf({ preferCSSPageSize: true }))
    expect(printed).toMatchObject({ a4: true })
    expect(printed.pages).toBeGreaterThanOrEqual(1)
    await page.emulateMedia({ media: 'screen' })
    await page.screenshot({ path: join(SCREENSHOTS, 'blank-form-zh-CN.png'), fullPage: true })
    expect(editor.problems).toEqual([])
    await editor.context.close()
  }, 90_000)
})
