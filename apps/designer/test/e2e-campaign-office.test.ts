import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePortal } from '../../../examples/portal-embed/src/serve'
import { buildUi } from '../../../scripts/build-ui.mjs'
import type { Page as ListPage } from '../src/api/types'
import {
  api,
  apiToken,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  decodeQr,
  downloadFile,
  type OpenedPage,
  printedPages,
  SCREENSHOTS,
  signedInPage,
  startTestServer,
  type TestServer,
} from './harness'

const hasChromium = chromiumAvailable('designer campaign office e2e')
const NAME = '2026年机关党支部群众满意率测评（门户）'
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })

describe.skipIf(!hasChromium)('an office running a campaign, in Chromium', () => {
  let server: TestServer
  let portal: Awaited<ReturnType<typeof servePortal>>
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let campaignId: number
  /** The branch whose members answer in these tests, and its link. */
  let unit: string
  let slug: string

  const call = <T>(path: string) => api<T>(server, token, 'GET', path)

  beforeAll(async () => {
    ;[browser] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
      buildUi(['designer', 'embed', 'respondent']),
    ])
    ;[server, portal] = await Promise.all([startTestServer(), servePortal({ port: 0 })])
    token = await apiToken(server.url, 'admin@yardstick.local')
    admin = await signedInPage(browser, server.url, 'admin@yardstick.local')
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    })
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await portal?.close()
    await server?.stop()
  })

  it('makes a campaign in the designer over chosen branches, adds a portal in its settings, and counts a response answered in the portal', async () => {
    const { page } = admin
    await page.getByRole('link', { name: '测评活动', exact: true }).click()
    await page.getByRole('link', { name: '新建测评活动' }).click()
    await page.getByRole('heading', { name: '新建测评活动' }).waitFor()
    await page.getByLabel('活动名称').fill(NAME)
    // Only the members' survey: the self-check and the superior's scorecard are switched off.
    for (const key of ['self', 'superior']) {
      await page.locator(`fieldset[data-source="${key}"] legend input[type="checkbox"]`).uncheck()
    }
    const version = page.locator('fieldset[data-source="members"] select').nth(1)
    await until(() => version.inputValue()).not.toBe('')

    // The branches: the organ-type ones of one sub-committee, less one taken off by hand.
    const orgs = await call<{ items: Array<{ children: Array<{ id: number; name: string }> }> }>(
      '/api/orgs',
    )
    const sub = orgs.items[0]?.children.find((o) => o.name === '综合部门分工委')
    await page.getByLabel('参评党支部（按组织）').selectOption(String(sub?.id))
    const picker = page.locator('fieldset.unit-picker')
    await picker.getByText('全部 20 个党支部').waitFor()
    await picker.getByLabel('按类型或逐个选择').check()
    await picker.getByRole('button', { name: '全不选' }).click()
    const organType = picker.getByLabel(/^机关（\d+ 个）$/)
    await organType.check()
    const organs = Number(
      /（(\d+) 个）/.exec(
        (await picker.locator('.type-picks label', { hasText: /^机关（/ }).textContent()) ?? '',
      )?.[1],
    )
    expect(organs).toBeGreaterThan(1)
    const chosen = picker.locator('.branch-picks li', { has: page.locator('input:checked') })
    expect(await chosen.count()).toBe(organs)
    const dropped = (await chosen.first().getAttribute('data-branch')) ?? ''
    await chosen.first().locator('input').uncheck()
    await picker.getByText(`已选 ${organs - 1} / 20 个党支部`).waitFor()
    // A type partly chosen shows as such.
    expect(await organType.evaluate((e) => (e as HTMLInputElement).indeterminate)).toBe(true)

    await page.getByRole('button', { name: '创建活动' }).click()
    await page.getByRole('heading', { name: `测评活动：${NAME}` }).waitFor()
    campaignId = Number(/\/campaigns\/(\d+)\/admin/.exec(page.url())?.[1])
    const created = await call<{ unitCount: number; orgId: number; sources: unknown[] }>(
      `/api/campaigns/${campaignId}`,
    )
    expect(created).toMatchObject({ unitCount: organs - 1, orgId: sub?.id })
    expect(created.sources).toHaveLength(1)
    const links = await call<ListPage<{ unitName: string; slug: string }>>(
      `/api/campaigns/${campaignId}/links?limit=100`,
    )
    expect(links.items.map((l) => l.unitName)).not.toContain(dropped)
    await page.getByRole('button', { name: '开始测评' }).click()
    await until(() => page.locator('.page-head [data-status]').getAttribute('data-status')).toBe(
      'open',
    )

    // Settings: a portal origin, first written wrong (a path), then as the portal's address.
    await page.getByRole('link', { name: '活动设置' }).click()
    await page.getByRole('heading', { name: `活动设置：${NAME}` }).waitFor()
    const origin = page.getByLabel('门户网站 1', { exact: true })
    await origin.fill(`${portal.url}/survey`)
    await page.getByRole('button', { name: '保存设置' }).click()
    await until(() => origin.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('.origin-row .field-issue').textContent()).toMatch(/不能带路径/)
    expect(await page.locator('.settings-form > p[role="alert"]').textContent()).toMatch(
      /1 处不符合要求/,
    )
    expect(admin.problems.splice(0)).toEqual([expect.stringContaining('status of 400')])
    await origin.fill(`${portal.url}/`)
    await page.getByRole('button', { name: '保存设置' }).click()
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor()
    // Saved as the browser will send it: lower case, no trailing slash.
    expect(await origin.inputValue()).toBe(portal.url)
    expect(
      (await call<{ allowedOrigins: string[] }>(`/api/campaigns/${campaignId}`)).allowedOrigins,
    ).toEqual([portal.url])

    // Back on the admin page: the embed snippet of a branch, and a token printed for it.
    await page.getByRole('link', { name: '返回活动管理' }).click()
    await page.getByText(`允许嵌入的门户网站：${portal.url}`).waitFor()
    const row = page.locator('.links-table tbody tr[data-source="members"]').first()
    unit = (await row.getAttribute('data-unit')) ?? ''
    await row.getByRole('button', { name: '复制嵌入代码' }).click()
    const snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet).toContain('token="TOKEN"')
    slug = /link="([\w-]+)"/.exec(snippet)?.[1] ?? ''
    expect(slug).not.toBe('')
    await page.getByLabel('凭证所属党支部').selectOption({ label: unit })
    await page.getByLabel('凭证数量').fill('1')
    await page.getByRole('button', { name: '生成凭证' }).click()
    const tokenText = (await page.locator('.slip .slip-token').first().textContent()) ?? ''
    expect(tokenText).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)

    // A member answers inside the portal, which embeds the survey as the snippet says.
    const member = await browser.newContext({ locale: 'zh-CN' })
    const portalPage = await member.newPage()
    const errors: string[] = []
    portalPage.on('pageerror', (error) => errors.push(error.message))
    const params = new URLSearchParams({ server: server.url, link: slug, token: tokenText })
    await portalPage.goto(`${portal.url}/?${params}`)
    await portalPage
      .locator('#events li[data-event="yardstick:ready"]')
      .waitFor({ timeout: 30_000 })
    const choices = portalPage
      .locator('yardstick-survey .sd-item')
      .filter({ hasText: /^满意$/ })
      .locator('label')
    await until(() => choices.count()).toBe(10)
    for (let i = 0; i < 10; i++) await choices.nth(i).click()
    await portalPage.locator('yardstick-survey .sd-navigation__complete-btn').click()
    await portalPage.locator('#events li[data-event="yardstick:submitted"]').waitFor()
    expect(errors).toEqual([])
    await member.close()

    // Counted: on the results dashboard and on the participation page (1 of the 1 token issued).
    await page.getByRole('link', { name: '查看结果' }).click()
    await until(() => page.locator('.participation').textContent()).toMatch(
      /党员群众测评：1 份答卷/,
    )
    await page.getByRole('link', { name: '查看各支部参与情况与未作答名单' }).click()
    await page.getByRole('heading', { name: `参与情况：${NAME}` }).waitFor()
    await page.getByLabel('只看未完成的支部').uncheck()
    const cell = page.locator(`tr[data-unit="${unit}"] td[data-source="members"]`)
    await until(() => cell.getAttribute('data-status')).toBe('complete')
    expect(await cell.textContent()).toContain('1 / 1')
    expect(await cell.textContent()).toContain('凭证已用 1 / 1 张')
    // And the sources can no longer change in the settings.
    await page.goto(`${server.url}/campaigns/${campaignId}/settings`)
    await page
      .getByText('已收到 1 份答卷：评价来源不能再增加、删除或修改（答卷是按现有来源作答的）。')
      .waitFor()
    expect(await page.getByLabel('党员群众测评权重').isDisabled()).toBe(true)
    expect(admin.problems).toEqual([])
  }, 180_000)

  it('prints token slips whose QR codes open the respondent page, signed out, on a phone', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${campaignId}/admin`)
    await page.getByLabel('凭证所属党支部').selectOption({ label: unit })
    await page.getByLabel('凭证数量').fill('9')
    await page.getByRole('button', { name: '生成凭证' }).click()
    await page.getByText(/生成 9 张凭证/).waitFor()
    await until(() => page.locator('.slip img.qr[data-ready]').count()).toBe(9)

    // On paper: A4, eight slips to a page, so nine take two pages and nothing else prints.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await page.locator('.links-table').isVisible()).toBe(false)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(printedPages(pdf)).toEqual({ pages: 2, a4: true })

    // The office reads a slip as a member would: the token printed, and the QR code beside it.
    const slip = page.locator('.slip').nth(2)
    const printedToken = (await slip.locator('.slip-token').textContent()) ?? ''
    const decoded = await decodeQr(page, await slip.locator('img.qr').screenshot())
    await page.emulateMedia({ media: 'screen' })
    expect(decoded).toBe(`${server.url}/s/${slug}?token=${encodeURIComponent(printedToken)}`)

    // Opened signed out on a phone: the respondent page of this campaign, not the sign-in.
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    })
    const respondent = await phone.newPage()
    await respondent.goto(decoded ?? '')
    await respondent.getByRole('heading', { name: NAME }).waitFor({ timeout: 20_000 })
    expect(await respondent.getByLabel('密码').count()).toBe(0)
    expect(await respondent.locator('.rs-shell').count()).toBe(1)
    await phone.close()
    expect(admin.problems).toEqual([])
  }, 120_000)

  it('prints every branch’s link as a card with a QR code, fifteen to an A4 page', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${campaignId}/admin`)
    await page.getByRole('link', { name: '打印链接二维码' }).click()
    await page.getByRole('heading', { name: `答题链接二维码：${NAME}` }).waitFor()
    const cards = page.locator('.link-card')
    const total = (
      await call<ListPage<unknown>>(`/api/campaigns/${campaignId}/links?source=members`)
    ).total
    await until(() => page.locator('.link-card img.qr[data-ready]').count()).toBe(total)
    const card = cards.filter({ hasText: unit }).first()
    expect(await decodeQr(page, await card.locator('img.qr').screenshot())).toBe(
      `${server.url}/s/${slug}`,
    )
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    expect(printedPages(await page.pdf({ preferCSSPageSize: true }))).toEqual({
      pages: Math.ceil(total / 15),
      a4: true,
    })
    await page.emulateMedia({ media: 'screen' })
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('lists the branches that have not answered, copies the reminder and exports it', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${campaignId}/participation`)
    await page.getByRole('heading', { name: `参与情况：${NAME}` }).waitFor()
    const rows = page.locator('.participation-table tbody tr')
    const units = (await call<{ unitCount: number }>(`/api/campaigns/${campaignId}`)).unitCount
    // The branch that answered 1 of its 10 tokens is still owed; the others have no answer.
    await until(() => rows.count()).toBe(units)
    expect(await page.locator('p.muted[role="status"]').textContent()).toBe(
      `未完成的支部 ${units} 个`,
    )
    expect(
      await page.locator(`tr[data-unit="${unit}"] td[data-source="members"]`).textContent(),
    ).toContain('1 / 10')
    await page.getByRole('button', { name: '复制提醒名单' }).click()
    await page.getByRole('button', { name: /已复制/ }).waitFor()
    const reminder = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')
    expect(reminder).toHaveLength(units)
    expect(reminder).toContain(
      `综合部门分工委 ${unit}：党员群众测评 1 / 10 ${server.url}/s/${slug}`,
    )
    const csv = (await downloadFile(page, '导出未完成名单 CSV'))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(csv[0]).toContain('答题链接')
    expect(csv).toHaveLength(units + 1)
    expect(
      csv.some((line) => line.includes(unit) && line.endsWith(`${server.url}/s/${slug}`)),
    ).toBe(true)
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('offers for each link only what works: no link for a self-check nor for signed-in assessors', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/1/admin`)
    const row = (source: string) => page.locator(`.links-table tr[data-source="${source}"]`).first()
    await row('self').waitFor()
    expect(await row('self').textContent()).toContain('自评通过支部自检自查填写，无答题链接')
    expect(await row('self').getByRole('button').count()).toBe(0)
    await row('self').getByRole('link', { name: '查看自查进度' }).click()
    await page.locator('.unit-detail').waitFor()
    await page.goBack()
    // Assessors score signed in, from their 考评任务: no public link to copy, embed or scan.
    expect(await row('superior').textContent()).toContain(
      '考评人登录后在“考评任务”中评分，无公开链接',
    )
    expect(await row('superior').getByRole('button').count()).toBe(0)
    expect(await row('superior').locator('img.qr').count()).toBe(0)
    expect(await row('members').getByRole('button', { name: '复制嵌入代码' }).count()).toBe(1)
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('refuses changes to a closed campaign and says why in the user’s language', async () => {
    const { page } = admin
    const closedId = await draftCampaign('已结束的测评（设置）')
    await page.goto(`${server.url}/campaigns/${closedId}/settings`)
    await page.getByText('测评已结束，设置不能修改；重新开始测评后才能修改。').waitFor()
    expect(await page.getByLabel('活动名称').isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: '保存设置' }).isDisabled()).toBe(true)
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'en'))
    await page.reload()
    await page
      .getByText('The campaign is closed and its settings cannot change; reopen it to change them.')
      .waitFor()
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('shows the settings, slip, link sheet and participation pages in both languages at 390 and 1440 px, without overflow', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    // The admin's session is its HttpOnly cookie: the new context is signed in by a copy of it.
    await context.addCookies(await admin.context.cookies())
    const page = await context.newPage()
    await page.goto(server.url)
    for (const locale of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('yardstick.locale', l), locale)
      for (const width of [390, 1440]) {
        await page.setViewportSize({ width, height: 900 })
        const shots: Array<[string, string, string]> = [
          ['settings', `/campaigns/${campaignId}/settings`, '.settings-form'],
          [
            'participation',
            `/campaigns/${campaignId}/participation`,
            '.participation-table tbody tr',
          ],
          ['link-sheet', `/campaigns/${campaignId}/links/print`, '.link-card img.qr[data-ready]'],
        ]
        for (const [name, path, ready] of shots) {
          await page.goto(`${server.url}${path}`)
          await page.locator(ready).first().waitFor()
          if (name === 'settings') {
            // The source's form and version lists have loaded and show the current ones.
            const version = page.locator('.source-fields select').nth(1)
            await until(() => version.inputValue()).not.toBe('')
          }
          await expectNoOverflow(page, `${name} ${locale} ${width}`)
          await page.screenshot({
            path: join(SCREENSHOTS, `campaign-${name}-${locale}-${width}.png`),
            fullPage: true,
          })
        }
        // The slip page: tokens issued on the admin page, the sheet below the form.
        await page.goto(`${server.url}/campaigns/${campaignId}/admin`)
        await page.locator('.tokens-panel select').selectOption({ label: unit })
        await page.locator('.tokens-panel input[type="number"]').fill('4')
        await page.locator('.tokens-panel button[type="submit"]').click()
        await until(() => page.locator('.slip img.qr[data-ready]').count()).toBe(4)
        await expectNoOverflow(page, `slips ${locale} ${width}`)
        await page
          .locator('.tokens-panel')
          .screenshot({ path: join(SCREENSHOTS, `campaign-slips-${locale}-${width}.png`) })
        if (width === 1440) {
          await page.emulateMedia({ media: 'print' })
          await page.screenshot({
            path: join(SCREENSHOTS, `campaign-slips-print-${locale}.png`),
            fullPage: true,
          })
          await page.emulateMedia({ media: 'screen' })
        }
      }
    }
    await context.close()
  }, 240_000)

  /** A campaign over one branch, created and closed through the API (its UI is tested above). */
  async function draftCampaign(name: string): Promise<number> {
    const demo = await call<{ sources: Array<{ key: string; formVersion: number }> }>(
      '/api/campaigns/1',
    )
    const members = demo.sources.find((s) => s.key === 'members')?.formVersion
    const response = await fetch(`${server.url}/api/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        cadence: 'yearly',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        units: {
          ids: [
            (await call<ListPage<{ unitId: number }>>('/api/campaigns/1/links?limit=1')).items[0]
              ?.unitId,
          ],
        },
        sources: [{ key: 'members', formVersion: members, weight: 1, anonymous: true }],
        bands: [{ min: 0, grade: '达标' }],
      }),
    })
    const { id } = (await response.json()) as { id: number }
    for (const action of ['open', 'close']) {
      await fetch(`${server.url}/api/campaigns/${id}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
    }
    return id
  }
})

async function expectNoOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, what).toBeLessThanOrEqual(0)
}
