import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '@yardstick/testing'
import { type Browser, chromium, type Page } from 'playwright-core'
import { Version as CORE_VERSION, Model } from 'survey-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import '../../src/extensions'
import { drawQuestions } from '../../src/draw'
import { type TemplateId, templates } from '../../src/templates'
import type { Answers } from '../../src/types'
import { PROBE_PAYLOAD, PROBE_QUESTION } from './harness-form'
import { type Harness, startHarness } from './harness-server'

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots')
const IDS = Object.keys(templates) as TemplateId[]
const QUIZ = IDS.find((id) => templates[id].kind === 'quiz')
const SEED = 'member-42'

const hasChromium = chromiumAvailable('render-templates')

// survey-core logs this once per page when survey-react-ui's version differs from its own.
const UI_VERSION = await readUiVersion()
const VERSION_MISMATCH = `survey-core has version '${CORE_VERSION}' and survey-react-ui has version '${UI_VERSION}'. SurveyJS libraries should have the same versions to work correctly.`

// The probe arrived in an HTML sink but cannot run: escaped to text (the temporary sanitiser), or
// an <img> without its handler (DOMPurify).
const DEFUSED = /&lt;img src=x onerror=|<img src="x">/

interface Opened {
  page: Page
  /** Console errors and warnings, and uncaught page errors, except VERSION_MISMATCH. */
  problems: string[]
  mismatchLogged: number
}

describe.skipIf(!hasChromium)('every template renders with survey-react-ui in Chromium', () => {
  let harness: Harness
  let browser: Browser

  beforeAll(async () => {
    ;[harness, browser] = await Promise.all([
      startHarness(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      }),
    ])
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })

  async function open(query: string): Promise<Opened> {
    const page = await browser.newPage()
    page.setDefaultTimeout(10_000)
    const opened: Opened = { page, problems: [], mismatchLogged: 0 }
    page.on('console', (message) => {
      if (message.text() === VERSION_MISMATCH) opened.mismatchLogged++
      else if (message.type() === 'error' || message.type() === 'warning') {
        opened.problems.push(`console.${message.type()}: ${message.text()}`)
      }
    })
    page.on('pageerror', (error) => opened.problems.push(`page error: ${error.message}`))
    await page.goto(`${harness.url}?${query}`)
    await page.locator('.sd-question').first().waitFor()
    return opened
  }

  it(`survey-core ${CORE_VERSION} with survey-react-ui ${UI_VERSION} logs only SurveyJS's version notice`, async () => {
    const { page, problems, mismatchLogged } = await open('template=satisfaction')
    expect(problems).toEqual([])
    expect(mismatchLogged).toBe(CORE_VERSION === UI_VERSION ? 0 : 1)
    await page.close()
  }, 20_000)

  it.each(IDS)(
    '%s: styled, shows every question title of its first page in Chinese, error-free',
    async (id) => {
      const { page, problems } = await open(`template=${id}`)
      const model = new Model(templates[id])
      const first = model.pages[0]?.questions.filter((q) => q.isVisible) ?? []
      expect(first.length).toBeGreaterThan(0)
      for (const question of first) {
        const title = page.locator(`[data-name="${question.name}"] .sd-question__title`).first()
        expect(await title.textContent()).toContain(question.locTitle.renderedHtml)
      }
      expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('zh-cn')
      // survey-core.css arrived: unstyled, the root is transparent (and icons are huge discs).
      const background = await page
        .locator('.sd-root-modern')
        .evaluate((root) => getComputedStyle(root).backgroundColor)
      expect(background).not.toBe('rgba(0, 0, 0, 0)')
      if (templates[id].kind === 'satisfaction') {
        await page.screenshot({ path: join(SCREENSHOTS, `${id}.png`), fullPage: true })
      }
      expect(problems).toEqual([])
      await page.close()
    },
    20_000,
  )

  it.each(IDS)(
    '%s: completes after an answer in the page; a piped answer never runs',
    async (id) => {
      const { page, problems } = await open(`template=${id}&probe=1`)
      const ask = await page.evaluate(() => window.yardstick.answerInPage)
      if (!ask) throw new Error('the harness names no question to answer')
      const question = page.locator(`[data-name="${ask.name}"]`)
      if (ask.type === 'text') await question.locator('input').fill(String(ask.value))
      else await question.locator(`input[value="${String(ask.value)}"]`).check({ force: true })
      await page.locator(`[data-name="${PROBE_QUESTION}"] input`).fill(PROBE_PAYLOAD)
      await page.locator(`[data-name="${PROBE_QUESTION}"] input`).blur()

      // Piped into the html question and the table of contents: shown as text, not as an element.
      await expect.poll(() => page.locator('.sd-html').innerHTML()).toMatch(DEFUSED)
      expect(await page.locator('.sv-list__item').first().textContent()).toContain(PROBE_PAYLOAD)

      const completed = await completeSurvey(page)
      expect(completed[ask.name]).toEqual(ask.value)
      expect(completed[PROBE_QUESTION]).toBe(PROBE_PAYLOAD)
      expect(await page.locator('.sd-completedpage').innerHTML()).toMatch(DEFUSED)
      expect(await page.locator('img[onerror]').count()).toBe(0)
      expect(await page.evaluate(() => window.yardstickXss)).toBeUndefined()
      expect(problems).toEqual([])
      await page.close()
    },
    20_000,
  )

  it('the probe is real: survey-react-ui on a plain Model runs the piped answer', async () => {
    const { page } = await open('template=satisfaction&probe=1&raw=1')
    await page.locator(`[data-name="${PROBE_QUESTION}"] input`).fill(PROBE_PAYLOAD)
    await page.locator(`[data-name="${PROBE_QUESTION}"] input`).blur()
    await expect.poll(() => page.evaluate(() => window.yardstickXss ?? 0)).toBeGreaterThan(0)
    await page.close()
  }, 20_000)

  it.runIf(QUIZ)(
    'the quiz with a seed shows exactly the 30 questions drawn for it',
    async () => {
      const id = QUIZ as TemplateId
      const { page, problems } = await open(`template=${id}&seed=${SEED}`)
      await page.locator('.sd-navigation__next-btn').click()
      const drawn = drawQuestions(templates[id], SEED)
      expect(drawn).toHaveLength(30)
      await page.locator(`[data-name="${drawn[0]}"]`).waitFor()
      const shown = await page
        .locator('.sd-question[data-name]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name')))
      expect(shown).toEqual(drawn)
      expect(problems).toEqual([])
      await page.close()
    },
    20_000,
  )
})

/** Clicks Next until Complete, then Complete; fails with the page's errors if it cannot. */
async function completeSurvey(page: Page): Promise<Answers> {
  // Read without Playwright's auto-waiting: the page title is gone once the survey completes.
  const state = () =>
    page.evaluate(() => ({
      title: document.querySelector('.sd-page__title')?.textContent ?? null,
      errors: Array.from(document.querySelectorAll('.sd-question__erbox'), (e) => e.textContent),
      completed: window.yardstick.completed,
    }))
  for (let step = 0; step < 20; step++) {
    const before = await state()
    if (before.completed) return before.completed
    const complete = page.locator('.sd-navigation__complete-btn')
    await ((await complete.isVisible())
      ? complete
      : page.locator('.sd-navigation__next-btn')
    ).click()
    await expect
      .poll(async () => {
        const after = await state()
        return (
          after.completed !== undefined || after.title !== before.title || after.errors.length > 0
        )
      })
      .toBe(true)
    const { errors } = await state()
    if (errors.length > 0) throw new Error(`cannot complete: ${errors.join('; ')}`)
  }
  throw new Error('no completion after 20 steps')
}

async function readUiVersion(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('survey-react-ui')
  const json = JSON.parse(await readFile(join(dirname(main), 'package.json'), 'utf8'))
  return String(json.version)
}
