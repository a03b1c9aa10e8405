import { LINK_TEXT } from '@yardstick/sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type DemoCampaign,
  decodeQr,
  issueTokens,
  membersResult,
  overflows,
  respondentPage,
  screenshot,
  signedInPage,
  startOnDemo,
  stopRun,
  type TestServer,
  WIDTHS,
} from './harness'

const SUBMIT = { 'zh-CN': '提交问卷', en: 'Complete' } as const
const SATISFIED = { 'zh-CN': '满意', en: 'Satisfied' } as const

describe.runIf(chromiumAvailable('respondent member'))('a member answers with a token', () => {
  let server: TestServer
  let browser: Browser
  let admin: string
  let demo: DemoCampaign
  let unit: number
  let slug: string

  /** How many members' responses the unit's results count. */
  async function counted(): Promise<number> {
    return (await membersResult(server, admin, demo.id, unit)).n
  }

  /** Chooses the first choice ("satisfied") of every question on the page. */
  async function answerAll(page: Page, lang: keyof typeof SATISFIED) {
    const questions = page.locator('.sd-question:has(.sd-item)')
    await questions.first().waitFor()
    const count = await questions.count()
    expect(count).toBe(10)
    for (let i = 0; i < count; i++) {
      await questions.nth(i).getByText(SATISFIED[lang], { exact: true }).click()
    }
  }

  beforeAll(async () => {
    // The designer too: the first test starts where an office does, on the printed slips.
    ;({
      server,
      browser,
      admin,
      campaign: demo,
      unit,
      slug,
    } = await startOnDemo(DEMO_CAMPAIGN, 5, ['respondent', 'designer']))
  }, 600_000)

  afterAll(() => stopRun({ browser, server }))

  it('from a printed slip: opens its QR code’s URL on a phone, answers, submits, is thanked and counted, and the token then opens the used-token page', async () => {
    // The office prints slips for the branch (the campaign's admin page, apps/designer).
    const office = await signedInPage(browser, server.url, 'admin@yardstick.local')
    await office.page.goto(`${server.url}/campaigns/${demo.id}/admin`)
    await office.page.getByLabel('凭证所属党支部').selectOption({ label: demo.unitName(unit) })
    await office.page.getByLabel('凭证数量').fill('3')
    await office.page.getByRole('button', { name: '生成凭证' }).click()
    await expect
      .poll(() => office.page.locator('.slip img.qr[data-ready]').count(), { timeout: 15_000 })
      .toBe(3)
    // A member reads their slip: the token printed on it, and the QR code beside it.
    const slip = office.page.locator('.slip').nth(1)
    const printed = (await slip.locator('.slip-token').textContent()) ?? ''
    const url = (await decodeQr(office.page, await slip.locator('img.qr').screenshot())) ?? ''
    expect(url).toBe(`${server.url}/s/${slug}?token=${encodeURIComponent(printed)}`)
    expect(office.problems).toEqual([])
    await office.context.close()

    const before = await counted()
    const { context, page, problems } = await respondentPage(browser)
    await page.goto(url)
    await page.getByRole('heading', { name: DEMO_CAMPAIGN }).waitFor()
    await answerAll(page, 'zh-CN')
    expect(await overflows(page)).toBe(false)
    await page.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
    const done = page.locator('[data-page="done"]')
    await done.waitFor()
    expect(await done.getByRole('heading').first().textContent()).toBe(TEXT['zh-CN'].doneTitle)
    expect(await done.textContent()).toContain(TEXT['zh-CN'].thanks)
    // This campaign keeps scores to the office.
    expect(await page.locator('.rs-score').count()).toBe(0)
    expect(await counted()).toBe(before + 1)

    await page.goto(url)
    await page.locator('[data-page="tokenUsed"]').waitFor()
    expect(await counted()).toBe(before + 1)
    expect(problems).toEqual([])
    await context.close()
  })

  it('keeps what was answered across a reload, until it is submitted', async () => {
    const [token] = await issueTokens(server, admin, demo.id, unit, 1)
    const { context, page, problems } = await respondentPage(browser)
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    const first = page.locator('.sd-question:has(.sd-item)').first()
    await first.getByText('基本满意', { exact: true }).click()
    await page.reload()
    await first.locator('input[type="radio"][value="basic"]').waitFor({ state: 'attached' })
    expect(await first.locator('input[type="radio"][value="basic"]').isChecked()).toBe(true)
    expect(problems).toEqual([])
    await context.close()
  })

  it('keeps an answer sent offline and sends it once when the network is back', async () => {
    const [token] = await issueTokens(server, admin, demo.id, unit, 1)
    const before = await counted()
    const { context, page, problems } = await respondentPage(browser)
    const posts: number[] = []
    page.on('response', (response) => {
      if (response.url().endsWith('/responses')) posts.push(response.status())
    })
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    await answerAll(page, 'zh-CN')
    await context.setOffline(true)
    await page.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
    await page.getByText(LINK_TEXT['zh-CN'].offline).waitFor()
    await screenshot(page, 'offline-zh-CN-390')
    expect(await counted()).toBe(before)
    await context.setOffline(false)
    await page.locator('[data-page="done"]').waitFor()
    expect(posts).toEqual([201])
    expect(await counted()).toBe(before + 1)
    // Chromium reports the requests the lost network failed; the page itself logged nothing.
    expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([])
    await context.close()
  })

  it('counts an answer once when its acknowledgement was lost on the way back', async () => {
    const [token] = await issueTokens(server, admin, demo.id, unit, 1)
    const before = await counted()
    const { context, page, problems } = await respondentPage(browser)
    const keys: string[] = []
    let lost = false
    await page.route('**/api/links/*/responses', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '')
      if (lost) return route.continue()
      lost = true
      // The server stores the answer; its answer never reaches the phone.
      await route.fetch()
      await route.abort('connectionreset')
    })
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    await answerAll(page, 'zh-CN')
    await page.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
    await page.locator('[data-page="done"]').waitFor()
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(await counted()).toBe(before + 1)
    expect(problems.filter((p) => !p.includes('ERR_CONNECTION_RESET'))).toEqual([])
    await context.close()
  })

  it('shows the form and the thanks in both languages, at 390 px and 1440 px, without overflow', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
        const [token] = await issueTokens(server, admin, demo.id, unit, 1)
        const { context, page, problems } = await respondentPage(browser, { width })
        await page.goto(`${server.url}/s/${slug}?token=${token}&lang=${lang}`)
        await page.locator('.sd-question').first().waitFor()
        expect(await overflows(page), `form ${lang} ${width}`).toBe(false)
        await screenshot(page, `form-${lang}-${width}`)
        await answerAll(page, lang)
        await page.getByRole('button', { name: SUBMIT[lang] }).click()
        await page.locator('[data-page="done"]').waitFor()
        expect(await page.locator('[data-page="done"]').textContent()).toContain(TEXT[lang].thanks)
        expect(await overflows(page), `done ${lang} ${width}`).toBe(false)
        await screenshot(page, `done-${lang}-${width}`)
        expect(problems).toEqual([])
        await context.close()
      }
    }
  })

  it('prints the form without the page’s buttons', async () => {
    const [token] = await issueTokens(server, admin, demo.id, unit, 1)
    const { context, page, problems } = await respondentPage(browser, { width: WIDTHS.desktop })
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    await page.locator('.sd-question').first().waitFor()
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.rs-lang').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: SUBMIT['zh-CN'] }).isVisible()).toBe(false)
    expect(await page.locator('.sd-question').first().isVisible()).toBe(true)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(problems).toEqual([])
    await context.close()
  })
})
