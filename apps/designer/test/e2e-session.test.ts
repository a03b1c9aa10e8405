import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer session e2e')

// Issue 16, item 9: the session is the server's HttpOnly cookie; no script on the page can read
// it, and the co-editing socket is signed in by that cookie, never by a token in its URL.
describe.skipIf(!hasChromium)('the session in Chromium: an HttpOnly cookie only', () => {
  let server: TestServer
  let browser: Browser
  let formId: number

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    const token = await apiToken(server.url, 'editor@yardstick.local')
    formId = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: '会话测试表',
        template: 'satisfaction',
      })
    ).id
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('removes an old session from localStorage on load', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.evaluate(() =>
      localStorage.setItem(
        'yardstick.session',
        JSON.stringify({ token: 'left-by-an-old-version' }),
      ),
    )
    await page.reload()
    await page.getByLabel('邮箱').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('yardstick.session'))).toBeNull()
    await context.close()
  })

  it('keeps the token out of script reach and the socket URL; a reload stays signed in; sign-out ends the socket', async () => {
    const { context, page, problems } = await signedInPage(
      browser,
      server.url,
      'editor@yardstick.local',
    )
    const cookie = (await context.cookies()).find((c) => c.name === 'yardstick_session')
    expect(cookie?.httpOnly).toBe(true)
    const token = cookie?.value as string
    expect(token.length).toBeGreaterThan(20)

    const sockets: Array<{ url: string; closed: boolean }> = []
    page.on('websocket', (ws) => {
      const seen = { url: ws.url(), closed: false }
      sockets.push(seen)
      ws.on('close', () => {
        seen.closed = true
      })
    })
    await page.goto(`${server.url}/forms/${formId}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    const reachable = () =>
      page.evaluate(() =>
        JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
      )
    expect(await reachable()).not.toContain(token)
    expect(sockets.length).toBeGreaterThan(0)
    for (const { url } of sockets) expect(url).not.toContain(token)
    expect(sockets.map((s) => new URL(s.url).search)).toEqual(sockets.map(() => ''))

    // A reload asks the server who the cookie signs in: still the editor, still co-editing.
    sockets.length = 0
    await page.reload()
    await page.locator('.connection[data-state="synced"]').waitFor()
    expect(await reachable()).not.toContain(token)

    expect(sockets.length).toBeGreaterThan(0)
    for (const { url } of sockets) expect(new URL(url).search).toBe('')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByLabel('邮箱').waitFor()
    await until(() => sockets.every((s) => s.closed)).toBe(true)
    const after = await fetch(`${server.url}/api/auth/session`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await after.json()).toEqual({ user: null })
    expect(problems).toEqual([])
    await context.close()
  })
})
