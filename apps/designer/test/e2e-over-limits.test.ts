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

/**
 * Two editors push a form past `FORM_LIMITS` together (apps/server/src/collab/SPEC.md [COL27]):
 * the form starts 3 elements under the cap of 1,000 pages, panels and questions; editor A, offline,
 * adds 2 questions and editor B, online, adds 2 — each under the cap in its own browser (the
 * designer refuses over-limit edits locally), 1,001 once merged. When A is back online the server
 * refuses A's changes with close 4423 `overFormLimits`. A must then say so (not "reconnecting"),
 * stop reconnecting (before the fix it sent the same changes again every few seconds, forever),
 * and offer to discard its unsaved changes and reload — after which it shows exactly the
 * server's form (B's questions, not A's) and edits again.
 */

const hasChromium = chromiumAvailable('designer over-limits e2e')
const TITLE = '两人合起来超出上限的表单'
const REFUSED = '服务器拒绝了你最近的修改'
const DISCARD = '放弃未保存的修改并重新载入'

const question = (n: number) => ({ type: 'text', name: `q${n}`, title: `第 ${n} 题` })
// 2 pages and 995 questions: 997 of the 1,000 elements `FORM_LIMITS` allows.
const NEAR_THE_CAP = {
  pages: [
    { name: 'page1', elements: [1, 2, 3].map(question) },
    { name: 'page2', elements: Array.from({ length: 992 }, (_, i) => question(i + 4)) },
  ],
}

type FormJson = { pages: Array<{ name: string; elements: Array<{ name: string; type: string }> }> }

const badge = (page: Page) => page.locator('.connection')

/** The first page's rows in the tree (near the top, so inside the tree's window): label, name. */
async function firstPageRows(page: Page): Promise<Array<{ label: string; name: string }>> {
  const rows = await page.locator('.tree-row').evaluateAll((elements) =>
    elements.map((e) => ({
      label: e.getAttribute('aria-label') ?? '',
      name: e.getAttribute('data-name') ?? '',
    })),
  )
  const start = rows.findIndex((r) => r.name === 'page1')
  const end = rows.findIndex((r) => r.name === 'page2')
  return rows.slice(start + 1, end)
}

/** Selects question `q1` and adds `type` after it, `count` times, with the toolbox. */
async function addAfterFirst(page: Page, type: string, count: number): Promise<void> {
  await page.locator('.tree-row[data-name="q1"]').click()
  const types = page.locator('.toolbox details').nth(1)
  if ((await types.getAttribute('open')) === null) await types.locator('summary').click()
  for (let i = 0; i < count; i++) await page.locator(`[data-tool="${type}"]`).click()
}

describe.skipIf(!hasChromium)('two editors whose edits together pass the form limits', () => {
  let server: TestServer
  let browser: Browser
  let token: string
  let formId: number
  let a: OpenedPage
  let b: OpenedPage
  const serverForm = async () =>
    (await api<{ json: FormJson }>(server, token, 'GET', `/api/forms/${formId}`)).json
  const count = (json: FormJson) =>
    json.pages.reduce((sum, page) => sum + 1 + page.elements.length, 0)

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    token = await apiToken(server.url, 'editor@yardstick.local')
    formId = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: TITLE,
        json: NEAR_THE_CAP,
      })
    ).id
    ;[a, b] = await Promise.all([
      signedInPage(browser, server.url, 'editor@yardstick.local'),
      signedInPage(browser, server.url, 'editor@yardstick.local'),
    ])
    for (const { page } of [a, b]) {
      await page.goto(`${server.url}/forms/${formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor({ timeout: 30_000 })
    }
    // Building the designer can take minutes on a busy machine.
  }, 600_000)
  afterAll(() => stopRun({ server, browser }))

  it('[COL27] the refused editor stops reconnecting, says why, and reloads the server’s form on request', async () => {
    // A goes offline and adds 2 yes/no questions; B adds 2 ratings, which the server takes.
    await a.context.setOffline(true)
    await until(() => badge(a.page).getAttribute('data-state')).toBe('offline')
    await addAfterFirst(a.page, 'boolean', 2)
    await addAfterFirst(b.page, 'rating', 2)
    await until(async () => count(await serverForm()), 15_000).toBe(999)

    // A is back: its 2 questions would make 1,001, and the server refuses them (4423).
    let opens = 0
    a.page.on('websocket', (socket) => {
      if (socket.url().includes('/collab/')) opens++
    })
    await a.context.setOffline(false)
    await until(() => opens).toBeGreaterThan(0)
    // Long enough for y-websocket's backoff (at most 5 s) to have tried again, had it.
    await a.page.waitForTimeout(8_000)
    expect({
      state: await badge(a.page).getAttribute('data-state'),
      code: await badge(a.page).getAttribute('data-code'),
      opens,
    }).toEqual({ state: 'closed', code: '4423', opens: 1 })
    const said = (await badge(a.page).textContent()) ?? ''
    expect(said).toContain(REFUSED)
    expect(said).toContain('将被丢弃')
    expect(said).not.toContain('正在重连')
    // The server kept B's form; A still shows its own questions until it discards them.
    expect((await serverForm()).pages[0]?.elements.map((e) => e.type)).toEqual([
      'text',
      'rating',
      'rating',
      'text',
      'text',
    ])
    expect((await firstPageRows(a.page)).filter((r) => r.label.startsWith('是/否：'))).toHaveLength(
      2,
    )
    expect(await b.page.locator('.connection').getAttribute('data-state')).toBe('synced')

    // Discard and reload: A shows exactly the server's first page (B's ratings, no yes/no).
    await a.page.getByRole('button', { name: DISCARD }).click()
    await a.page.locator('.connection[data-state="synced"]').waitFor({ timeout: 20_000 })
    const kept = (await serverForm()).pages[0]?.elements ?? []
    await until(async () => (await firstPageRows(a.page)).map((r) => r.name)).toEqual(
      kept.map((e) => e.name),
    )
    const rows = await firstPageRows(a.page)
    expect(rows.filter((r) => r.label.startsWith('评分：'))).toHaveLength(2)
    expect(rows.filter((r) => r.label.startsWith('是/否：'))).toEqual([])
    expect(await badge(a.page).textContent()).not.toContain(REFUSED)

    // And A edits again: its next question reaches the server, which now holds 1,000.
    await addAfterFirst(a.page, 'comment', 1)
    await until(async () => (await serverForm()).pages[0]?.elements[1]?.type).toBe('comment')
    expect(count(await serverForm())).toBe(1000)
    expect(await badge(a.page).getAttribute('data-state')).toBe('synced')
    // Nothing went wrong on either page but the refused socket itself.
    const unexpected = (problems: string[]) =>
      problems.filter((p) => !/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))
    expect([...unexpected(a.problems), ...unexpected(b.problems)]).toEqual([])
  }, 120_000)
})
