import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  chromiumAvailable,
  type DemoCampaign,
  issueTokens,
  membersResult,
  overflows,
  respondentPage,
  screenshot,
  startOnDemo,
  stopRun,
  type TestServer,
  WIDTHS,
} from './harness'

/** The demo's timed quiz (apps/server/src/seed/demo-quiz.ts): 30 of the bank, 20 minutes. */
const DEMO_QUIZ = '2026年党章党规知识测试'
const MINUTES = 20
const NEXT = { 'zh-CN': '下一页', en: 'Next' } as const

describe.runIf(chromiumAvailable('respondent quiz'))('a member takes the timed quiz', () => {
  let server: TestServer
  let browser: Browser
  let admin: string
  let quiz: DemoCampaign
  let unit: number
  let slug: string

  beforeAll(async () => {
    ;({ server, browser, admin, campaign: quiz, unit, slug } = await startOnDemo(DEMO_QUIZ, 2))
  }, 300_000)

  afterAll(() => stopRun({ browser, server }))

  it('draws 30 questions, counts down, submits the answers once as they stand when time is up, and shows the score and the correct answers', async () => {
    const [token] = await issueTokens(server, admin, quiz.id, unit, 1)
    const { context, page, problems } = await respondentPage(browser)
    // The page's clock, so 20 minutes pass in a moment; the server keeps real time.
    await page.clock.install()
    const posts: number[] = []
    page.on('response', (response) => {
      if (response.url().endsWith('/responses')) posts.push(response.status())
    })
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    const start = page.locator('[data-page="start"]')
    await start.waitFor()
    expect(await start.textContent()).toContain(TEXT['zh-CN'].startIntro(MINUTES, 30))
    // Nothing to read before the clock runs.
    expect(await page.locator('.sd-question').count()).toBe(0)
    await start.getByRole('button', { name: TEXT['zh-CN'].startButton }).click()

    const timer = page.getByRole('timer')
    await timer.waitFor()
    expect(await timer.textContent()).toMatch(/^(20:00|19:5\d)$/)
    await page.getByRole('button', { name: NEXT['zh-CN'] }).click()
    const questions = page.locator('.sd-question:has(.sd-item)')
    await questions.first().waitFor()
    expect(await questions.count()).toBe(30)
    for (let i = 0; i < 3; i++) await questions.nth(i).locator('.sd-item label').first().click()

    // Screen readers hear the marks, not every second.
    const live = page.locator('.rs-countdown [aria-live]')
    expect(await live.textContent()).toContain(TEXT['zh-CN'].timedStart(MINUTES))
    await page.clock.fastForward('10:00')
    await page.getByText(TEXT['zh-CN'].timeLeft(10)).waitFor({ state: 'attached' })
    await page.clock.fastForward('09:00')
    await page.getByText(TEXT['zh-CN'].timeLeft(1)).waitFor({ state: 'attached' })
    expect(await page.locator('.rs-urgent').count()).toBe(1)
    await screenshot(page, 'quiz-countdown-zh-CN-390')
    expect(posts).toEqual([])

    await page.clock.fastForward('01:01')
    const done = page.locator('[data-page="done"]')
    await done.waitFor()
    expect(posts).toEqual([201])
    const review = done.locator('.rs-review li')
    expect(await review.count()).toBe(30)
    const right = await done.locator('.rs-review li.rs-right').count()
    expect(await done.locator('.rs-score').textContent()).toContain(
      TEXT['zh-CN'].score(String(right), '30', String(Math.round((right / 30) * 1000) / 10)),
    )
    expect(await done.locator('.rs-review-summary').textContent()).toBe(
      TEXT['zh-CN'].quizCorrect(right, 30),
    )
    // The three answers given went with it, each marked right or wrong.
    for (let i = 0; i < 3; i++)
      expect(await review.nth(i).textContent()).not.toContain(TEXT['zh-CN'].unanswered)
    // Unanswered questions are marked so, and a wrong one shows its correct answer.
    expect(await review.nth(29).textContent()).toContain(TEXT['zh-CN'].unanswered)
    expect(await review.nth(29).textContent()).toContain(TEXT['zh-CN'].correctAnswer)
    expect(await overflows(page)).toBe(false)
    await screenshot(page, 'quiz-done-zh-CN-390')
    // Stored once, scored as shown: the unit's first quiz response.
    const result = await membersResult(server, admin, quiz.id, unit)
    expect(result.n).toBe(1)
    expect(result.value).toBeCloseTo((right / 30) * 100, 5)
    expect(posts).toEqual([201])
    expect(problems).toEqual([])
    await context.close()
  })

  it('counts down on the server’s clock: a phone whose clock is 25 minutes fast still has the full time', async () => {
    const [token] = await issueTokens(server, admin, quiz.id, unit, 1)
    const { context, page, problems } = await respondentPage(browser)
    await page.clock.install({ time: Date.now() + 25 * 60_000 })
    await page.goto(`${server.url}/s/${slug}?token=${token}`)
    await page.getByRole('button', { name: TEXT['zh-CN'].startButton }).click()
    const timer = page.getByRole('timer')
    await timer.waitFor()
    expect(await timer.textContent()).toMatch(/^(20:00|19:5\d)$/)
    // A reload keeps the clock where it was: it started on the server.
    await page.reload()
    await timer.waitFor()
    expect(await timer.textContent()).toMatch(/^(20:00|19:5\d)$/)
    expect(await page.locator('[data-page="start"]').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows the start, the countdown and the review in both languages at 390 px and 1440 px', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
        const [token] = await issueTokens(server, admin, quiz.id, unit, 1)
        const { context, page, problems } = await respondentPage(browser, { width })
        await page.clock.install()
        await page.goto(`${server.url}/s/${slug}?token=${token}&lang=${lang}`)
        const start = page.locator('[data-page="start"]')
        await start.waitFor()
        expect(await overflows(page), `start ${lang} ${width}`).toBe(false)
        await screenshot(page, `quiz-start-${lang}-${width}`)
        await start.getByRole('button', { name: TEXT[lang].startButton }).click()
        await page.getByRole('button', { name: NEXT[lang] }).click()
        const questions = page.locator('.sd-question:has(.sd-item)')
        await questions.first().waitFor()
        await questions.nth(0).locator('.sd-item label').first().click()
        expect(await overflows(page), `quiz ${lang} ${width}`).toBe(false)
        await screenshot(page, `quiz-form-${lang}-${width}`)
        await page.clock.fastForward(`${MINUTES}:01`)
        await page.locator('[data-page="done"]').waitFor()
        expect(await page.locator('.rs-review h3').textContent()).toBe(TEXT[lang].reviewTitle)
        expect(await overflows(page), `done ${lang} ${width}`).toBe(false)
        await screenshot(page, `quiz-done-${lang}-${width}`)
        expect(problems).toEqual([])
        await context.close()
      }
    }
  })
})
