// Issue 19, 长辈版 criteria 6 and 7, on a 360 × 640 phone inside WeChat: an invalid submit moves
// the focus to an error summary whose links focus each question, and the title starts with
// 错误： (Error: ); answers survive the page being killed and opened again on the phone.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type DemoCampaign,
  startOnDemo,
  stopRun,
  type TestServer,
} from './harness'
import { elderCampaign, tokenPath, wechatPage } from './wechat'

const SUBMIT = { 'zh-CN': '提交问卷', en: 'Complete' } as const

/** Where the focus is: the error summary, or the question (its data-name) holding it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    if (active?.classList.contains('rs-error-summary')) return 'summary'
    return active?.closest('[data-name]')?.getAttribute('data-name') ?? active?.tagName ?? ''
  })
}

describe.runIf(chromiumAvailable('respondent elder errors'))(
  'errors summarised, answers kept',
  () => {
    let server: TestServer
    let browser: Browser
    let admin: string
    let unit: number
    let form: DemoCampaign

    beforeAll(async () => {
      ;({ server, browser, admin, unit } = await startOnDemo(DEMO_CAMPAIGN, 3))
      form = await elderCampaign(server, admin, unit)
    }, 300_000)

    afterAll(() => stopRun({ browser, server }))

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`focuses the error summary on an invalid submit, links each question, titles the page (${lang})`, async () => {
        const text = TEXT[lang]
        const { context, page, problems } = await wechatPage(browser, { locale: lang })
        await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}&lang=${lang}`)
        await page.locator('.rs-rank-move').first().waitFor()
        const title = await page.title()
        expect(title.startsWith(text.errorTitle)).toBe(false)

        await page.getByRole('button', { name: SUBMIT[lang] }).click()
        const summary = page.locator('.rs-error-summary')
        await summary.waitFor()
        await expect.poll(() => focused(page)).toBe('summary')
        expect(await page.title()).toBe(`${text.errorTitle}${title}`)
        expect(await summary.getByRole('heading').textContent()).toBe(text.errorSummary)
        const links = summary.getByRole('link')
        expect(await links.count()).toBe(2)

        // Each link focuses its question's field.
        await links.nth(1).click()
        await expect.poll(() => focused(page)).toBe('priorities')
        await links.nth(0).click()
        await expect.poll(() => focused(page)).toBe('satisfaction')
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
          'radio',
        )

        // Put right, a question leaves the list; all put right, the box and the title's prefix go.
        await page.keyboard.press('Space')
        await expect.poll(() => links.count()).toBe(1)
        await page.locator('.rs-rank-move:not([disabled])').first().click()
        await summary.waitFor({ state: 'detached' })
        expect(await page.title()).toBe(title)
        expect(problems).toEqual([])
        await context.close()
      })
    }

    it('does the same on 继续 in 长辈版', async () => {
      const text = TEXT['zh-CN']
      const { context, page, problems } = await wechatPage(browser, { elder: true })
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.getByRole('button', { name: text.next }).click()
      await page.locator('.rs-error-summary').waitFor()
      await expect.poll(() => focused(page)).toBe('summary')
      expect((await page.title()).startsWith(text.errorTitle)).toBe(true)
      await page.locator('.rs-error-summary').getByRole('link').click()
      await expect.poll(() => focused(page)).toBe('satisfaction')
      expect(problems).toEqual([])
      await context.close()
    })

    it('summarises the server’s refusal of an answer the same way', async () => {
      const text = TEXT['zh-CN']
      const { context, page, problems } = await wechatPage(browser)
      // What the server answers an answer its own checks refuse (submit.ts: invalidAnswers).
      await page.route('**/api/links/*/responses', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'invalidAnswers',
              message: 'The answers are not valid',
              details: { errors: [{ question: 'advice', message: '意见不能超过 500 字' }] },
            },
          }),
        }),
      )
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.getByText('满意', { exact: true }).click()
      await page.locator('.rs-rank-move:not([disabled])').first().click()
      await page.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
      const summary = page.locator('.rs-error-summary')
      await summary.waitFor()
      await expect.poll(() => focused(page)).toBe('summary')
      expect(await summary.textContent()).toContain('意见不能超过 500 字')
      expect((await page.title()).startsWith(text.errorTitle)).toBe(true)
      await summary.getByRole('link').click()
      await expect.poll(() => focused(page)).toBe('advice')
      expect(problems.filter((p) => !p.includes('422'))).toEqual([])
      await context.close()
    })

    it('keeps the answers when the page is killed and opened again on the same phone', async () => {
      const text = TEXT['zh-CN']
      const path = await tokenPath(server, admin, form, unit)
      const { context, page, problems } = await wechatPage(browser, { elder: true })
      await page.goto(`${server.url}${path}`)
      await page.getByText('基本满意', { exact: true }).click()
      await page.getByRole('button', { name: text.next }).click()
      await page.getByRole('button', { name: text.moveDownLabel('理论学习') }).click()
      await page.getByRole('button', { name: text.next }).click()
      await page.locator('textarea').fill('多组织主题党日活动')
      // Killed: no unload handlers, no time to save anything more (WeChat closing the web view).
      await page.close({ runBeforeUnload: false })

      const again = await context.newPage()
      await again.goto(`${server.url}${path}`)
      await again.getByRole('button', { name: text.next }).waitFor()
      expect(await again.locator('input[type="radio"][value="basic"]').isChecked()).toBe(true)
      await again.getByRole('button', { name: text.next }).click()
      expect(
        await again.locator('.sv-ranking-item .sv-ranking-item__text').allTextContents(),
      ).toEqual(['为民服务', '理论学习', '纪律建设'])
      await again.getByRole('button', { name: text.next }).click()
      expect(await again.locator('textarea').inputValue()).toBe('多组织主题党日活动')
      await again.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
      await again.locator('[data-page="done"]').waitFor()

      // Submitted, the draft is gone: the link is now the used-token page, nothing resumes.
      await again.goto(`${server.url}${path}`)
      await again.locator('[data-page="tokenUsed"]').waitFor()
      expect(
        await again.evaluate(() =>
          Object.keys(localStorage).filter((key) => key.startsWith('yardstick:draft:')),
        ),
      ).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    })
  },
)
