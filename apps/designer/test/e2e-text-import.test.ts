import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer text import e2e')
// The SDK's 问卷星 fixture, as an office pastes it (its lines 5, 147–148, 150 and 155 unread).
const WJX = readFileSync(
  new URL('../../../packages/sdk/test/fixtures/text-import/wjx.txt', import.meta.url),
  'utf8',
)

type FormJson = { pages?: Array<{ elements?: Array<{ name: string }> }> }
const card = (page: Page, name: string) => page.locator(`.simple-card[data-name="${name}"]`)

describe.skipIf(!hasChromium)('pasting a form from text in Chromium (issue 19)', () => {
  let server: TestServer
  let browser: Browser
  let a: OpenedPage
  let b: OpenedPage
  let token: string
  let formId: number
  const names = async () =>
    (await api<{ json: FormJson }>(server, token, 'GET', `/api/forms/${formId}`)).json.pages
      ?.flatMap((page) => page.elements ?? [])
      .map((e) => e.name) ?? []

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    token = await apiToken(server.url, 'editor@yardstick.local')
    formId = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: '文本导入测试',
        json: {
          pages: [{ name: 'page1', elements: [{ type: 'text', name: 'dues', title: '党费' }] }],
        },
      })
    ).id
    ;[a, b] = await Promise.all([
      signedInPage(browser, server.url, 'editor@yardstick.local', undefined, {
        editorMode: 'simple',
      }),
      signedInPage(browser, server.url, 'admin@yardstick.local', undefined, {
        editorMode: 'simple',
      }),
    ])
    for (const { page } of [a, b]) {
      await page.goto(`${server.url}/forms/${formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor()
      await card(page, 'dues').waitFor()
    }
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('pastes the 问卷星 fixture, fixes a reported line, applies it as B watches, and undoes it in one step', async () => {
    const { page } = a
    await page.getByRole('button', { name: '从文本导入' }).click()
    const dialog = page.getByRole('dialog', { name: '从文本导入表单' })
    await dialog.getByLabel('粘贴的文本').fill(WJX)
    const summary = dialog.getByTestId('text-import-summary')
    await until(() => summary.textContent()).toContain('共 50 题')
    expect(await summary.textContent()).toContain('问卷星格式')
    // Every unread line is listed with its number and why.
    const lines = () =>
      dialog
        .locator('li[data-line]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))))
    expect(await lines()).toEqual([5, 147, 148, 150, 155])
    const noOptions = dialog.locator('li[data-line="150"]')
    expect(await noOptions.textContent()).toContain('选择题没有选项，整题未导入')
    // The preview beside the text shows the form it reads as.
    expect(await dialog.getByTestId('text-import-preview').textContent()).toContain(
      '您的年龄段（周岁）',
    )

    // Fix line 150: its button selects the line in the text; typing replaces it.
    await noOptions.getByRole('button', { name: '第 150 行' }).click()
    await page.keyboard.type('31. 您的学历[填空题]')
    await until(lines).toEqual([5, 147, 148, 155])
    await until(() => summary.textContent()).toContain('共 51 题')

    // Apply: one transaction, which B sees arrive.
    await dialog.getByRole('button', { name: '应用到表单' }).click()
    await dialog.waitFor({ state: 'detached' })
    await card(b.page, 'q1').waitFor()
    expect(await card(b.page, 'dues').count()).toBe(0)
    await until(async () => (await names()).length).toBe(56)
    const applied = await names()
    expect(applied.slice(0, 2)).toEqual(['q1', 'q2'])
    expect(applied).toContain('q31')
    expect(applied.at(-1)).toBe('q52')

    // One Ctrl+Z takes the whole import back, for both editors.
    await page.keyboard.press('Control+z')
    await until(names).toEqual(['dues'])
    await card(b.page, 'dues').waitFor()
    expect(await card(b.page, 'q1').count()).toBe(0)

    expect(a.problems).toEqual([])
    expect(b.problems).toEqual([])
  }, 120_000)
})
