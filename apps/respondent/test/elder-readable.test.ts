// Issue 19, 长辈版 criteria 2 and 3, on a phone inside WeChat: body text at least 18 px with a line
// height of at least 1.3 and WCAG AA contrast, colour never the only cue; at 320 px wide with the
// text at 200 % (WeChat's largest 字体大小) nothing scrolls sideways and nothing is cut.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type DemoCampaign,
  issueTokens,
  startOnDemo,
  stopRun,
  type TestServer,
} from './harness'
import {
  axeViolations,
  clipped,
  doubleText,
  elderCampaign,
  smallText,
  tokenPath,
  wechatPage,
} from './wechat'

const ZH = TEXT['zh-CN']

/** The root's and the body's font sizes in px, as computed. */
function fontSizes(page: Page): Promise<[number, number]> {
  return page.evaluate(() => [
    Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    Number.parseFloat(getComputedStyle(document.body).fontSize),
  ])
}

describe.runIf(chromiumAvailable('respondent elder readable'))('readable at any text size', () => {
  let server: TestServer
  let browser: Browser
  let admin: string
  let unit: number
  let form: DemoCampaign
  let usedPath: string

  beforeAll(async () => {
    ;({ server, browser, admin, unit } = await startOnDemo(DEMO_CAMPAIGN, 3))
    form = await elderCampaign(server, admin, unit)
    // A token another phone has used.
    const [used] = await issueTokens(server, admin, form.id, unit, 1)
    const slug = form.slug(unit, 'members')
    const stored = await fetch(`${server.url}/api/links/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'elder-used' },
      body: JSON.stringify({
        answers: { satisfaction: 'yes', priorities: ['study', 'service', 'discipline'] },
        token: used,
      }),
    })
    expect(stored.status).toBe(201)
    usedPath = `/s/${slug}?token=${used}`
  }, 300_000)

  afterAll(() => stopRun({ browser, server }))

  for (const elder of [false, true]) {
    const mode = elder ? '长辈版' : 'normal'
    it(`${mode}: text ≥ 18 px, line height ≥ 1.3, contrast AA, errors in words not colour only`, async () => {
      const { context, page, problems } = await wechatPage(browser, { elder })
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.locator('.sd-question').first().waitFor()
      expect((await fontSizes(page))[1]).toBe(elder ? 20 : 18)
      expect(await smallText(page, 18, 1.3)).toEqual([])
      // Contrast on its own (axe's rule), as the elder-axe test runs all of them.
      expect(await axeViolations(page, ['color-contrast'])).toEqual([])

      // An invalid answer is said in words (the summary and under the question), not only red.
      await page.getByRole('button', { name: elder ? ZH.next : '提交问卷' }).click()
      await page.locator('.rs-error-summary').waitFor()
      const invalid = page.locator(
        '.sd-question[aria-invalid="true"], .sd-question:has([aria-invalid="true"])',
      )
      expect(await invalid.count()).toBeGreaterThan(0)
      for (const question of await invalid.all())
        expect((await question.locator('.sd-question__erbox').textContent())?.trim()).toBeTruthy()
      expect(await smallText(page, 18, 1.3)).toEqual([])
      expect(await axeViolations(page, ['color-contrast'])).toEqual([])

      await page.goto(`${server.url}${usedPath}`)
      await page.locator('[data-page="tokenUsed"]').waitFor()
      expect(await smallText(page, 18, 1.3)).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    })

    it(`${mode}: 320 px wide at 200 % text, no sideways scroll and nothing cut`, async () => {
      const { context, page, problems } = await wechatPage(browser, { elder, width: 320 })
      await doubleText(page)
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.locator('.sd-question').first().waitFor()
      // The text did double: the root follows the browser's size (rem), not a fixed px.
      expect(await fontSizes(page)).toEqual(elder ? [40, 40] : [36, 36])
      expect(await clipped(page)).toEqual([])
      // Each page of the way: errors, the ranking, the comment; then the used-token page.
      await page.getByRole('button', { name: elder ? ZH.next : '提交问卷' }).click()
      await page.locator('.rs-error-summary').waitFor()
      expect(await clipped(page)).toEqual([])
      if (elder) {
        await page.getByText('满意', { exact: true }).click()
        await page.getByRole('button', { name: ZH.next }).click()
        await page.locator('.rs-rank-move').first().waitFor()
        expect(await clipped(page)).toEqual([])
        await page.locator('.rs-rank-move:not([disabled])').first().click()
        await page.getByRole('button', { name: ZH.next }).click()
        await page.locator('textarea').waitFor()
        expect(await clipped(page)).toEqual([])
      }
      await page.goto(`${server.url}${usedPath}`)
      await page.locator('[data-page="tokenUsed"]').waitFor()
      expect(await clipped(page)).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
