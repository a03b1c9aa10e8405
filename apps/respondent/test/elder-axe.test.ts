// Issue 19, 长辈版 criterion 1: axe-core (WCAG 2.0–2.2 A and AA) finds nothing on any page type, on
// a 360 × 640 phone inside WeChat, in both modes and both languages; each page type is saved to
// docs/screenshots/respondent-wechat-*.png.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  api,
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type DemoCampaign,
  screenshot,
  startOnDemo,
  stopRun,
  type TestServer,
} from './harness'
import { axeViolations, elderCampaign, tokenPath, wechatPage } from './wechat'

const LANGS = ['zh-CN', 'en'] as const
const SUBMIT = { 'zh-CN': '提交问卷', en: 'Complete' } as const
const FIRST = { 'zh-CN': '满意', en: 'Satisfied' } as const

describe.runIf(chromiumAvailable('respondent elder axe'))(
  'no WCAG A/AA violation on any page type',
  () => {
    let server: TestServer
    let browser: Browser
    let admin: string
    let unit: number
    let form: DemoCampaign
    let closedPath: string

    /** The page type, checked and saved once its content shows. */
    async function check(page: Page, name: string) {
      expect(await axeViolations(page), name).toEqual([])
      await screenshot(page, `wechat-${name}`)
    }

    beforeAll(async () => {
      ;({ server, browser, admin, unit } = await startOnDemo(DEMO_CAMPAIGN, 3))
      form = await elderCampaign(server, admin, unit)
      const closed = await elderCampaign(server, admin, unit)
      await api(server, admin, 'POST', `/api/campaigns/${closed.id}/close`)
      closedPath = `/s/${closed.slug(unit, 'members')}`
    }, 300_000)

    afterAll(() => stopRun({ browser, server }))

    for (const lang of LANGS) {
      it(`question pages, errors and thanks in ${lang}: normal, then 长辈版 one question at a time`, async () => {
        const text = TEXT[lang]
        const normal = await wechatPage(browser, { locale: lang })
        await normal.page.goto(
          `${server.url}${await tokenPath(server, admin, form, unit)}&lang=${lang}`,
        )
        await normal.page.locator('.sd-question').first().waitFor()
        await check(normal.page, `question-${lang}-360`)
        // Submitting the whole form empty: the error summary.
        await normal.page.getByRole('button', { name: SUBMIT[lang] }).click()
        await normal.page.locator('.rs-error-summary').waitFor()
        await check(normal.page, `errors-${lang}-360`)
        expect(normal.problems).toEqual([])
        await normal.context.close()

        // 长辈版 (switched on earlier on this phone): one question per page.
        const { context, page, problems } = await wechatPage(browser, { locale: lang, elder: true })
        await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}&lang=${lang}`)
        await page.getByRole('button', { name: text.next }).waitFor()
        await check(page, `elder-question-${lang}-360`)
        await page.getByRole('button', { name: text.next }).click()
        await page.locator('.rs-error-summary').waitFor()
        await check(page, `elder-errors-${lang}-360`)

        // Through to the thanks: a choice, the ranking by its buttons, the optional comment.
        await page.getByText(FIRST[lang], { exact: true }).click()
        await page.getByRole('button', { name: text.next }).click()
        await page.locator('.rs-rank-move').first().waitFor()
        await check(page, `elder-ranking-${lang}-360`)
        await page.locator('.rs-rank-move:not([disabled])').first().click()
        await page.getByRole('button', { name: text.next }).click()
        await page.getByRole('button', { name: SUBMIT[lang] }).click()
        await page.locator('[data-page="done"]').waitFor()
        await check(page, `elder-done-${lang}-360`)
        expect(problems).toEqual([])
        await context.close()
      })
    }

    it('used token and closed pages, in both modes', async () => {
      const used = await tokenPath(server, admin, form, unit)
      const first = await wechatPage(browser)
      await first.page.goto(`${server.url}${used}`)
      await first.page.getByText(FIRST['zh-CN'], { exact: true }).click()
      await first.page.locator('.rs-rank-move:not([disabled])').first().click()
      await first.page.getByRole('button', { name: SUBMIT['zh-CN'] }).click()
      await first.page.locator('[data-page="done"]').waitFor()
      await first.context.close()

      for (const elder of [false, true]) {
        for (const lang of LANGS) {
          const mode = elder ? 'elder' : 'normal'
          const { context, page, problems } = await wechatPage(browser, { elder, locale: lang })
          await page.goto(`${server.url}${used}&lang=${lang}`)
          await page.locator('[data-page="tokenUsed"]').waitFor()
          await check(page, `used-token-${mode}-${lang}-360`)
          await page.goto(`${server.url}${closedPath}?lang=${lang}`)
          await page.locator('[data-page="closed"]').waitFor()
          await check(page, `closed-${mode}-${lang}-360`)
          expect(problems).toEqual([])
          await context.close()
        }
      }
    })
  },
)
