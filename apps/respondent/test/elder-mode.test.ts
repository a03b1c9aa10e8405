// Issue 19, 长辈版 criteria 4 and 5, on a 360 × 640 phone inside WeChat: the 长辈版 switch is
// remembered on the device; every control is at least 60 × 60 px in 长辈版 and 44 × 44 px
// otherwise; a ranking is answered by tapping 上移/下移, no dragging; 长辈版 shows one question per
// page with the question as the heading, 返回上一题 and 继续.
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
import { ELDER_KEY, elderCampaign, sizesOf, tokenPath, undersized, wechatPage } from './wechat'

const ZH = TEXT['zh-CN']

/** The ranking's choices as shown, top to bottom. */
function rankedOrder(page: Page): Promise<string[]> {
  return page.locator('.sv-ranking-item .sv-ranking-item__text').allTextContents()
}

describe.runIf(chromiumAvailable('respondent elder mode'))(
  '长辈版: the switch, sizes, ranking, one question per page',
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

    it('switches on, stays on across a reload and on another link of the device, and off again', async () => {
      const { context, page, problems } = await wechatPage(browser)
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      const toggle = page.getByRole('button', { name: ZH.elderSwitch })
      await page.locator('.sd-question').first().waitFor()
      expect(await toggle.getAttribute('aria-pressed')).toBe('false')
      expect(await page.locator('.sd-question').count()).toBe(3)
      await toggle.click()
      expect(await toggle.getAttribute('aria-pressed')).toBe('true')
      // Said in words beside the switch, not only by its colour.
      expect(await toggle.locator('.rs-switch-state').textContent()).toBe(ZH.elderOn)
      expect(await page.locator('.sd-question').count()).toBe(1)
      expect(await page.evaluate((key) => localStorage.getItem(key), ELDER_KEY)).toBe('on')

      await page.reload()
      await page.getByRole('button', { name: ZH.next }).waitFor()
      expect(await toggle.getAttribute('aria-pressed')).toBe('true')
      // Another link, another day, the same phone.
      const other = await context.newPage()
      await other.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await other.getByRole('button', { name: ZH.next }).waitFor()
      expect(await other.locator('html').getAttribute('class')).toContain('rs-elder')
      await other.close()

      await toggle.click()
      await page.reload()
      await page.locator('.sd-question').nth(2).waitFor()
      expect(await toggle.getAttribute('aria-pressed')).toBe('false')
      expect(await page.locator('.sd-question').count()).toBe(3)
      expect(problems).toEqual([])
      await context.close()
    })

    it('makes every control 44 × 44 px, and 60 × 60 px in 长辈版 on each question page', async () => {
      const normal = await wechatPage(browser)
      await normal.page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await normal.page.locator('.rs-rank-move').first().waitFor()
      expect(await undersized(normal.page, 44)).toEqual([])
      // What was measured: the choices, the ranking's buttons, the comment, the submit button.
      expect((await sizesOf(normal.page, '.sd-selectbase__label')).length).toBe(3)
      expect((await sizesOf(normal.page, '.rs-rank-move')).length).toBe(6)
      await normal.context.close()

      const { context, page, problems } = await wechatPage(browser, { elder: true })
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.getByRole('button', { name: ZH.next }).waitFor()
      expect(await undersized(page, 60)).toEqual([])
      for (const [width, height] of await sizesOf(page, '.sd-selectbase__label')) {
        expect(width).toBeGreaterThanOrEqual(60)
        expect(height).toBeGreaterThanOrEqual(60)
      }
      await page.getByText('满意', { exact: true }).click()
      await page.getByRole('button', { name: ZH.next }).click()
      await page.locator('.rs-rank-move').first().waitFor()
      expect(await undersized(page, 60)).toEqual([])
      const moves = await sizesOf(page, '.rs-rank-move')
      expect(moves.length).toBe(6)
      for (const [width, height] of moves)
        expect(Math.min(width, height)).toBeGreaterThanOrEqual(60)
      await page.locator('.rs-rank-move:not([disabled])').first().click()
      await page.getByRole('button', { name: ZH.next }).click()
      await page.locator('textarea').waitFor()
      expect(await undersized(page, 60)).toEqual([])
      expect(problems).toEqual([])
      await context.close()
    })

    it('ranks by tapping 上移 and 下移, and the order is what is submitted', async () => {
      const { context, page, problems } = await wechatPage(browser)
      await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}`)
      await page.locator('.rs-rank-move').first().waitFor()
      expect(await rankedOrder(page)).toEqual(['理论学习', '为民服务', '纪律建设'])
      // No drag: taps only (WeChat's touch).
      await page.getByRole('button', { name: ZH.moveDownLabel('理论学习') }).tap()
      expect(await rankedOrder(page)).toEqual(['为民服务', '理论学习', '纪律建设'])
      await page.getByRole('button', { name: ZH.moveUpLabel('纪律建设') }).tap()
      expect(await rankedOrder(page)).toEqual(['为民服务', '纪律建设', '理论学习'])
      // The moved choice keeps the focus, for the next tap or key.
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
      ).toContain('纪律建设')
      // At the ends the way out is closed, and says so by more than colour (a dashed border).
      expect(
        await page.getByRole('button', { name: ZH.moveUpLabel('为民服务') }).isDisabled(),
      ).toBe(true)

      const sent: unknown[] = []
      page.on('request', (request) => {
        if (request.url().endsWith('/responses')) sent.push(request.postDataJSON())
      })
      await page.getByText('满意', { exact: true }).tap()
      await page.getByRole('button', { name: '提交问卷' }).tap()
      await page.locator('[data-page="done"]').waitFor()
      expect(sent).toHaveLength(1)
      expect((sent[0] as { answers: Record<string, unknown> }).answers.priorities).toEqual([
        'service',
        'discipline',
        'study',
      ])
      expect(problems).toEqual([])
      await context.close()
    })

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`shows one question per page in ${lang}, the question as the heading, back and continue`, async () => {
        const text = TEXT[lang]
        const { context, page, problems } = await wechatPage(browser, { elder: true, locale: lang })
        await page.goto(`${server.url}${await tokenPath(server, admin, form, unit)}&lang=${lang}`)
        const next = page.getByRole('button', { name: text.next, exact: true })
        const back = page.getByRole('button', { name: text.back, exact: true })
        await next.waitFor()
        const titles = {
          'zh-CN': ['您对本支部“三会一课”开展情况是否满意？', '请按重要程度排列下列工作'],
          en: [
            'Are you satisfied with the branch’s regular meetings?',
            'Put these in order of importance',
          ],
        }[lang]
        expect(await page.locator('.sd-question').count()).toBe(1)
        expect(await page.getByRole('heading', { level: 2, name: titles[0] }).count()).toBe(1)
        expect(await back.isVisible()).toBe(false)
        await page
          .getByText(lang === 'en' ? 'Fairly satisfied' : '基本满意', { exact: true })
          .click()
        await next.click()
        await page.getByRole('heading', { level: 2, name: titles[1] }).waitFor()
        expect(await page.locator('.sd-question').count()).toBe(1)
        await back.click()
        await page.getByRole('heading', { level: 2, name: titles[0] }).waitFor()
        // The answer is still there.
        expect(await page.locator('input[type="radio"][value="basic"]').isChecked()).toBe(true)
        expect(problems).toEqual([])
        await context.close()
      })
    }
  },
)
