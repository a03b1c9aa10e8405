// An editor typing in Chromium while the server is SIGKILLed and started again on the same data
// (issue 16 item 2): the designer stays editable, says it is reconnecting (never "reload"), and
// everything typed before, during and after the restart reaches the server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  kill9,
  type ServerProcess,
  startServerProcess,
} from '@yardstick/testing'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import {
  apiToken,
  buildDesigner,
  chromiumAvailable,
  type OpenedPage,
  PASSWORD,
  signedInPage,
} from './harness'

const hasChromium = chromiumAvailable('designer restart e2e')
const QUESTION = 'theoryStudy'
const titleField = (page: Page) => page.locator('[data-field="title:default"]').first()
const row = (page: Page, name: string) => page.locator(`.tree-row[data-name="${name}"]`)

/** Every state and text the connection badge shows, recorded in the page as they change. */
async function recordBadge(
  page: Page,
): Promise<() => Promise<Array<{ state: string; text: string }>>> {
  await page.evaluate(() => {
    const seen: Array<{ state: string; text: string }> = []
    const badge = document.querySelector('.connection') as HTMLElement
    const note = () =>
      seen.push({ state: badge.dataset.state ?? '', text: badge.textContent ?? '' })
    new MutationObserver(note).observe(badge, {
      attributes: true,
      childList: true,
      subtree: true,
      characterData: true,
    })
    ;(window as unknown as { badgeSeen: typeof seen }).badgeSeen = seen
  })
  return () =>
    page.evaluate(
      () => (window as unknown as { badgeSeen: Array<{ state: string; text: string }> }).badgeSeen,
    )
}

describe.skipIf(!hasChromium)('the designer in Chromium through a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ys-e2e-restart-'))
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'true', SEED_PASSWORD: PASSWORD }
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  let editor: OpenedPage | undefined
  afterAll(async () => {
    await browser?.close()
    if (server) await kill9(server.child)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('[COL7] stays editable across a SIGKILL and restart, never asks for a reload, and stores what was typed', async () => {
    ;[server, browser] = await Promise.all([
      buildDesigner().then(() => startServerProcess(env)),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
    ])
    const url = server.url
    const port = new URL(url).port
    const token = await apiToken(url, 'editor@yardstick.local')
    const created = await fetch(`${url}/api/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: '重启时的协同编辑', template: 'selfCheck' }),
    })
    const formId = ((await created.json()) as { id: number }).id
    editor = await signedInPage(browser, url, 'editor@yardstick.local')
    const { page } = editor
    await page.goto(`${url}/forms/${formId}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    const badgeSeen = await recordBadge(page)

    await row(page, QUESTION).click()
    await titleField(page).click()
    await page.keyboard.press('End')
    await page.keyboard.type('【重启前】', { delay: 30 })
    await kill9(server.child)
    // Typed while the server is gone, then on through its restart without waiting for a sync.
    await page.keyboard.type('【断开时】', { delay: 30 })
    const restarting = startServerProcess({ ...env, PORT: port })
    await page.keyboard.type('【重启中】', { delay: 60 })
    server = await restarting
    await page.keyboard.type('【重启后】', { delay: 20 })
    await page.locator('.connection[data-state="synced"]').waitFor({ timeout: 30_000 })
    await page.keyboard.type('【同步后】', { delay: 20 })

    const typed = ['【重启前】', '【断开时】', '【重启中】', '【重启后】', '【同步后】']
    expect(await titleField(page).isEditable()).toBe(true)
    // What the server holds (the form's document is its truth, SPEC [COL20]).
    await expect
      .poll(
        async () => {
          const form = (await (
            await fetch(`${url}/api/forms/${formId}`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as { json: unknown }
          const text = JSON.stringify(form.json)
          return typed.filter((t) => !text.includes(t))
        },
        { timeout: 15_000 },
      )
      .toEqual([])
    const seen = await badgeSeen()
    expect(seen.map((s) => s.state)).not.toContain('closed')
    expect(seen.filter((s) => /刷新|reload/i.test(s.text))).toEqual([])
    // It did go through a reconnect, and said so.
    expect(seen.some((s) => s.state === 'offline' && s.text.includes('正在重连'))).toBe(true)
    expect(
      editor.problems.filter((p) => !/WebSocket|ERR_CONNECTION|Failed to load resource/.test(p)),
    ).toEqual([])
  }, 240_000)
})
