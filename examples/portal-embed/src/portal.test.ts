import {
  buildEmbed,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  type EmbedCampaign,
  embedCampaign,
  startTestServer,
  type TestServer,
} from '@yardstick/testing'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePortal } from './serve'

const hasChromium = chromiumAvailable('portal-embed')

// The portal's own elements and the properties its CSS sets on them.
const PORTAL_PARTS = ['body', '.portal-header', '.portal-brand', '.portal-title', '.portal-button']
const PROPERTIES = [
  'font-family',
  'font-size',
  'line-height',
  'color',
  'background-color',
  'padding-top',
  'margin-top',
  'border-bottom-style',
  'box-sizing',
]

describe.skipIf(!hasChromium)(
  'a portal page embedding a live survey with <yardstick-survey>',
  () => {
    let server: TestServer
    let portal: Awaited<ReturnType<typeof servePortal>>
    let campaign: EmbedCampaign
    let browser: Browser
    const pageErrors: string[] = []

    beforeAll(async () => {
      await buildEmbed()
      ;[server, portal] = await Promise.all([startTestServer(), servePortal({ port: 0 })])
      campaign = await embedCampaign(server.url, [portal.url])
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    })
    afterAll(async () => {
      await browser?.close()
      await portal?.close()
      await server?.stop()
    })

    async function open(context: BrowserContext, query: Record<string, string>): Promise<Page> {
      const page = await context.newPage()
      page.setDefaultTimeout(20_000)
      page.on('pageerror', (error) => pageErrors.push(error.message))
      const params = new URLSearchParams({ server: server.url, link: campaign.slug, ...query })
      await page.goto(`${portal.url}/?${params}`)
      return page
    }

    const event = (page: Page, name: string) => page.locator(`#events li[data-event="${name}"]`)

    async function ready(page: Page) {
      await event(page, 'yardstick:ready').waitFor()
      await page.locator('yardstick-survey .sd-navigation__complete-btn').waitFor()
    }

    /** Answers every rating with 满意 (inside the shadow root: Playwright pierces open ones). */
    async function answerAll(page: Page) {
      const choices = page
        .locator('yardstick-survey .sd-item')
        .filter({ hasText: /^满意$/ })
        .locator('label')
      const count = await choices.count()
      expect(count).toBe(10)
      for (let i = 0; i < count; i++) await choices.nth(i).click()
    }

    const submit = (page: Page) =>
      page.locator('yardstick-survey .sd-navigation__complete-btn').click()

    async function portalStyles(page: Page) {
      return page.evaluate(
        ([parts, properties]) =>
          Object.fromEntries(
            parts.map((selector) => {
              const style = getComputedStyle(document.querySelector(selector) as Element)
              return [
                selector,
                Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)])),
              ]
            }),
          ),
        [PORTAL_PARTS, PROPERTIES] as const,
      )
    }

    it('answers and submits inside the portal, leaving its styles untouched; the result counts', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await campaign.tokens(1)
      const alone = await open(context, { embed: '0' })
      const before = await portalStyles(alone)
      const sheets = await alone.evaluate(() => document.styleSheets.length)
      await alone.close()

      const page = await open(context, { token: String(token) })
      await ready(page)
      // The heavy renderer is fetched only after the portal's own page has loaded.
      const lazy = await page.evaluate(() => {
        const navigation = performance.getEntriesByType(
          'navigation',
        )[0] as PerformanceNavigationTiming
        const renderer = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.endsWith('/embed/renderer.js'))
        return { loadStart: navigation.loadEventStart, rendererStart: renderer?.startTime ?? -1 }
      })
      expect(lazy.loadStart).toBeGreaterThan(0)
      expect(lazy.rendererStart).toBeGreaterThanOrEqual(lazy.loadStart)
      // The portal's rules aimed at SurveyJS classes do not reach into the shadow root.
      const inside = await page
        .locator('yardstick-survey .sd-navigation__complete-btn')
        .evaluate((button) => {
          const root = button.closest('.sd-root-modern') as Element
          return {
            button: getComputedStyle(button).backgroundColor,
            rootDisplay: getComputedStyle(root).display,
          }
        })
      expect(inside.button).not.toBe('rgb(0, 128, 0)')
      expect(inside.rootDisplay).not.toBe('none')

      const stored = await campaign.responses()
      await answerAll(page)
      await submit(page)
      await event(page, 'yardstick:submitted').waitFor()
      await page.locator('yardstick-survey .sd-completedpage').waitFor()
      expect(await event(page, 'yardstick:submitted').textContent()).toMatch(/"replayed":false/)
      // This campaign does not show respondents their score.
      expect(await page.locator('yardstick-survey .ys-score').count()).toBe(0)
      expect(await campaign.responses()).toBe(stored + 1)

      // And the survey's styles did not reach the portal.
      expect(await portalStyles(page)).toEqual(before)
      expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheets)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('refuses a second tab answering with the same token, with a clear message', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await campaign.tokens(1)
      const first = await open(context, { token: String(token) })
      const second = await open(context, { token: String(token) })
      await ready(first)
      await ready(second)
      const stored = await campaign.responses()

      await first.bringToFront()
      await answerAll(first)
      await submit(first)
      await event(first, 'yardstick:submitted').waitFor()

      await second.bringToFront()
      await answerAll(second)
      await submit(second)
      const alert = second.locator('yardstick-survey [role="alert"]')
      await alert.waitFor()
      expect(await alert.textContent()).toBe(
        '这个答题凭证已经用过了：每个凭证只能提交一份答卷，不能重复提交。',
      )
      expect(await event(second, 'yardstick:error').textContent()).toMatch(/"code":"tokenUsed"/)
      expect(await second.locator('yardstick-survey .sd-completedpage').count()).toBe(0)

      // Opened again later, the tab says so before anyone answers.
      await second.reload()
      await second.locator('yardstick-survey [role="alert"][data-code="tokenUsed"]').waitFor()
      expect(await campaign.responses()).toBe(stored + 1)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('keeps a response submitted offline and sends it once the network is back: one stored', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await campaign.tokens(1)
      const page = await open(context, { token: String(token) })
      await ready(page)
      const stored = await campaign.responses()
      await answerAll(page)

      await context.setOffline(true)
      await submit(page)
      await page.locator('yardstick-survey .ys-notice', { hasText: '网络已断开' }).waitFor()
      const pending = () =>
        page.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith('yardstick:pending:')),
        )
      expect(await pending()).toHaveLength(1)
      // Let it retry while offline for a while: still nothing stored, still kept.
      await page.waitForTimeout(2500)
      expect(await campaign.responses()).toBe(stored)

      await context.setOffline(false)
      await event(page, 'yardstick:submitted').waitFor()
      await page.locator('yardstick-survey .sd-completedpage').waitFor()
      expect(await campaign.responses()).toBe(stored + 1)
      expect(await pending()).toEqual([])
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('sends a response saved offline when the page is opened again, once', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await campaign.tokens(1)
      const page = await open(context, { token: String(token) })
      await ready(page)
      await answerAll(page)
      await context.setOffline(true)
      await submit(page)
      await page.locator('yardstick-survey .ys-notice', { hasText: '网络已断开' }).waitFor()
      await page.close()
      const stored = await campaign.responses()

      await context.setOffline(false)
      const posts: string[] = []
      context.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.headers()['idempotency-key'] ?? '')
      })
      const again = await open(context, { token: String(token) })
      await event(again, 'yardstick:submitted').waitFor()
      await again.locator('yardstick-survey .sd-completedpage').waitFor()
      expect(posts).toHaveLength(1)
      expect(await again.locator('yardstick-survey [role="alert"]').count()).toBe(0)
      expect(await campaign.responses()).toBe(stored + 1)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('retries a submission whose answer was lost with the same key: stored once, replayed', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await campaign.tokens(1)
      const page = await open(context, { token: String(token) })
      await ready(page)
      const stored = await campaign.responses()
      const keys: string[] = []
      let lost = false
      await page.route('**/api/links/*/responses', async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        keys.push(route.request().headers()['idempotency-key'] ?? '')
        if (lost) return route.continue()
        lost = true
        // The server stores it; the answer never reaches the page.
        await route.fetch()
        await route.abort('connectionreset')
      })
      await answerAll(page)
      await submit(page)
      await event(page, 'yardstick:submitted').waitFor()
      expect(await event(page, 'yardstick:submitted').textContent()).toMatch(/"replayed":true/)
      expect(keys).toHaveLength(2)
      expect(keys[1]).toBe(keys[0])
      expect(await campaign.responses()).toBe(stored + 1)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('shows the server’s errors under the questions; a quiz shows its score where the campaign allows; answers stay text', async () => {
      // A quiz whose thank-you page pipes an answer in, and a point entry the server caps
      // (`maxScore`, which SurveyJS itself does not check).
      const quiz = await embedCampaign(server.url, [portal.url], {
        form: {
          kind: 'quiz',
          title: { default: '党章知识小测', en: 'Party rules quiz' },
          completedHtml: '<h3 class="quiz-thanks">谢谢，{name}！</h3>',
          pages: [
            {
              name: 'quiz',
              elements: [
                { type: 'text', name: 'name', title: '姓名' },
                {
                  type: 'text',
                  inputType: 'number',
                  name: 'hours',
                  title: '本年度集中学习学时',
                  maxScore: 40,
                },
                {
                  type: 'radiogroup',
                  name: 'ideal',
                  title: '党的最高理想和最终目标是什么？',
                  isRequired: true,
                  choices: [
                    { value: 'communism', text: '实现共产主义' },
                    { value: 'other', text: '其他' },
                  ],
                  correctAnswer: 'communism',
                  points: 5,
                },
              ],
            },
          ],
        },
        showScore: true,
      })
      const context = await browser.newContext({ locale: 'zh-CN' })
      const [token] = await quiz.tokens(1)
      const page = await open(context, { token: String(token), link: quiz.slug })
      await ready(page)
      const survey = page.locator('yardstick-survey')
      await survey
        .locator('.sd-question', { hasText: '姓名' })
        .locator('input')
        .fill('<img src=x onerror="window.__pwned=1">')
      const hours = survey.locator('.sd-question', { hasText: '本年度集中学习学时' })
      await hours.locator('input').fill('99')
      await survey.locator('.sd-item', { hasText: '实现共产主义' }).locator('label').click()
      await submit(page)
      await survey.locator('[role="alert"]', { hasText: '有答案未通过校验' }).waitFor()
      // Under the question it is about, in SurveyJS's own error box.
      const under = hours.locator('.sd-question__erbox')
      await under.waitFor()
      expect(await under.textContent()).toMatch(/40/)
      expect(await event(page, 'yardstick:error').textContent()).toMatch(/"code":"invalidAnswers"/)
      expect(await quiz.responses()).toBe(0)

      await hours.locator('input').fill('8')
      await submit(page)
      await event(page, 'yardstick:submitted').waitFor()
      const thanks = survey.locator('.quiz-thanks')
      await thanks.waitFor()
      // An answer piped into the authored thank-you page is text: the markup it planted shows as
      // typed and makes no element (no image request, no handler).
      expect(await thanks.textContent()).toBe('谢谢，<img src=x onerror="window.__pwned=1">！')
      expect(await thanks.locator('img').count()).toBe(0)
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
      expect(await survey.locator('.ys-score').textContent()).toBe('您的得分：13 / 45（28.9%）')
      expect(await event(page, 'yardstick:submitted').textContent()).toMatch(/"score":\{/)
      expect(await quiz.responses()).toBe(1)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('says what is wrong: a bad attribute, a portal the campaign does not allow', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' })
      const bad = await open(context, { link: '../api/forms' })
      await bad.locator('yardstick-survey [role="alert"]', { hasText: 'link attribute' }).waitFor()
      expect(await event(bad, 'yardstick:error').textContent()).toMatch(/"code":"badAttributes"/)

      const elsewhere = await embedCampaign(server.url, ['https://other-portal.example'])
      const [token] = await elsewhere.tokens(1)
      const refused = await open(context, { link: elsewhere.slug, token: String(token) })
      const alert = refused.locator('yardstick-survey [role="alert"]')
      await alert.waitFor()
      expect(await alert.textContent()).toMatch(/本网站未获准嵌入这份问卷/)
      expect(await event(refused, 'yardstick:error').textContent()).toMatch(/"code":"network"/)
      expect(pageErrors).toEqual([])
      await context.close()
    })

    it('works from the classic script too, and in English', async () => {
      const context = await browser.newContext({ locale: 'en-GB' })
      const [token] = await campaign.tokens(1)
      const page = await open(context, { token: String(token), classic: '1', locale: 'en' })
      await ready(page)
      await page
        .locator('yardstick-survey')
        .getByText('Political theory study', { exact: false })
        .waitFor()
      await page.locator('yardstick-survey').getByRole('button', { name: '中文' }).click()
      await page
        .locator('yardstick-survey')
        .getByText('政治理论学习', { exact: false })
        .first()
        .waitFor()
      expect(pageErrors).toEqual([])
      await context.close()
    })
  },
)
