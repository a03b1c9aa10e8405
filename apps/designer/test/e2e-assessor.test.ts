import { join } from 'node:path'
import {
  compileForm,
  type FormJson,
  localizedText,
  scorecardTemplateIds,
  templates,
} from '@yardstick/sdk'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AssessmentItem, AssessmentList } from '../src/api/types'
import {
  api,
  apiToken,
  campaignIdByName,
  chromiumAvailable,
  collectProblems,
  DEMO_CAMPAIGN,
  PASSWORD,
  SCREENSHOTS,
  startServerAndBrowser,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('assessor e2e')
const ASSESSOR = 'assessor@yardstick.local'
const ASSESSOR_NAME = '综合部门分工委 考评员'
const REASON = '年内被上级党组织通报批评一次（机关工委通报〔2026〕3号）'
const DEDUCTION_TITLE = '负面清单扣分（最多扣10分）'

/** A scorecard's questions page by page, as the respondent fills them in. */
const pagesOf = (form: FormJson) =>
  (form.pages ?? []).map((page) => (page.elements ?? []).map((e) => e.name))
/** Each required number of a scorecard and its most points (some types' indicators count 3). */
const requiredNumbers = (form: FormJson) =>
  new Map(
    compileForm(form)
      .questions.filter((q) => q.isRequired && q.maxScore !== undefined)
      .map((q) => [q.name, q.maxScore as number]),
  )

describe.skipIf(!hasChromium)('the assessor in Chromium (上级考评)', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[] = []
  /** HTTP statuses the current test provokes on purpose (the browser logs each as an error). */
  const expectedRefusals = new Set<number>()
  let assessorToken: string
  let demoId: number
  let target: AssessmentItem
  let scorecard: FormJson

  const call = <T>(path: string, token: string) => api<T>(server, token, 'GET', path)
  const noOverflow = async () =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
  const shoot = async (name: string, width: number) => {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 950 })
    await noOverflow()
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    const admin = await apiToken(server.url, 'admin@yardstick.local')
    demoId = await campaignIdByName(server, admin, DEMO_CAMPAIGN)
    assessorToken = await apiToken(server.url, ASSESSOR)
    const todo = await call<AssessmentList>('/api/assessments?todo=true&limit=100', assessorToken)
    // A branch nobody has scored yet, so its detail shows this scorecard alone.
    const fresh = todo.items.find((item) => item.responses === 0)
    if (!fresh) throw new Error('the demo has no unscored branch for the assessor')
    target = fresh
    // The demo scores each branch type on its own scorecard (分类制定).
    scorecard = templates[scorecardTemplateIds[target.unitType ?? 'organ']]
    // A phone, signed out: the link as an assessor receives it in a chat group.
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    page = await context.newPage()
    page.setDefaultTimeout(10_000)
    problems = collectProblems(page, (message) => {
      // A refusal a test provokes on purpose is logged by the browser as a failed resource.
      const status = /status of (\d+)/.exec(message.text())?.[1]
      return status !== undefined && expectedRefusals.has(Number(status))
    })
  }, 240_000)

  afterAll(() => stopRun({ browser, server }))

  it('from a signed-out scorecard link, signs in and lands back on the scorecard', async () => {
    await page.goto(`${server.url}${target.url}`)
    // The link asks an assessor to sign in, and sends them to the sign-in page with `next`.
    await page.getByRole('link', { name: /登录/ }).first().click()
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('next'))
    await page.getByText('登录后将回到您打开的链接。').waitFor()
    await page.getByLabel('邮箱').fill(ASSESSOR)
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((url) => url.pathname === target.url)
    await page
      .getByText(localizedText(scorecard.title, 'zh-CN', ''))
      .first()
      .waitFor()
    await page.getByText(target.unitName).first().waitFor()
  }, 60_000)

  it('refuses a deduction without its reason, with the message under the question in Chinese', async () => {
    const required = requiredNumbers(scorecard)
    for (const names of pagesOf(scorecard)) {
      for (const name of names) {
        const most = required.get(name)
        if (most === undefined) continue
        await page.locator(`[data-name="${name}"] input`).fill(String(Math.min(4, most)))
      }
      if (names.includes('deduction')) break
      await page.getByRole('button', { name: '下一页' }).click()
    }
    const deduction = page.locator('[data-name="deduction"]')
    const veto = page.locator('[data-name="veto"]')
    // Each deduction and veto item has its reason area, required only when it deducts or vetoes.
    await deduction.getByText('扣分理由（扣分时必填）').waitFor()
    await veto.getByText('否决理由（选择否决时必填）').waitFor()
    await deduction.locator('input').fill('3')
    await veto.getByText('否', { exact: true }).click()
    expect(await veto.getByRole('radio', { name: '否' }).isChecked()).toBe(true)
    await deduction.getByText('扣分理由（必填）').waitFor()
    let posted = 0
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/responses')) posted++
    })
    await page.getByRole('button', { name: '提交问卷' }).click()
    await deduction.getByText('请填写理由：扣分或一票否决须写明理由').waitFor()
    expect(posted).toBe(0)

    // The server refuses it too, whatever sends it: 422 reasonRequired at the question, in Chinese.
    expectedRefusals.add(422)
    const refused = await page.evaluate(async (slug) => {
      const response = await fetch(`/api/links/${slug}/responses`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': 'zh-CN',
          'idempotency-key': `e2e-no-reason-${Date.now()}`,
        },
        body: JSON.stringify({ answers: { deduction: 3, veto: 'no' } }),
      })
      return { status: response.status, body: await response.json() }
    }, target.slug)
    expect(refused.status).toBe(422)
    expect(refused.body.error.details.errors).toContainEqual({
      question: 'deduction',
      code: 'reasonRequired',
      message: '此项扣分或一票否决，须填写理由',
    })
    expectedRefusals.clear()
  }, 60_000)

  it('stores the scorecard with its reason', async () => {
    const deduction = page.locator('[data-name="deduction"]')
    await deduction.locator('textarea').fill(REASON)
    // SurveyJS takes a comment when the area loses focus, as a person moving on does.
    await deduction.locator('textarea').press('Tab')
    await until(() => deduction.getByText('请填写理由').count()).toBe(0)
    await shoot('assessor-scorecard-zh-CN', 1440)
    await shoot('assessor-scorecard-zh-CN', 390)
    await page.getByRole('button', { name: 'English' }).first().click()
    await deduction.getByText('Reason for the deduction (required)').waitFor()
    await shoot('assessor-scorecard-en', 390)
    await shoot('assessor-scorecard-en', 1440)
    await page.getByRole('button', { name: '中文' }).first().click()
    await deduction.getByText('扣分理由（必填）').waitFor()

    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().includes(`/links/${target.slug}/`),
      ),
      page.getByRole('button', { name: '提交问卷' }).click(),
    ])
    expect(response.status()).toBe(201)
    const mine = await call<AssessmentList>(
      `/api/assessments?campaignId=${demoId}&limit=100`,
      assessorToken,
    )
    expect(mine.items.find((i) => i.unitId === target.unitId)).toMatchObject({
      scoredByMe: true,
      responses: 1,
    })
  }, 60_000)

  it('lists the branches still to score first on the assessor’s home, with progress', async () => {
    await page.setViewportSize({ width: 1440, height: 950 })
    await page.goto(`${server.url}/assess`)
    await page.getByRole('heading', { name: '考评任务', level: 1 }).waitFor()
    const card = page.locator(`[data-campaign="${demoId}"]`)
    await card.getByText(/^我已评 1 \/ 20$/).waitFor()
    const rows = page.locator('.assess-list > li')
    await until(() => rows.count()).toBe(20)
    // To score first; the branch just scored last, marked as scored.
    expect(await rows.first().getAttribute('data-scored')).toBe('false')
    const scored = page.locator(`.assess-list > li[data-unit="${target.unitId}"]`)
    expect(await scored.getAttribute('data-scored')).toBe('true')
    expect(await rows.last().getAttribute('data-unit')).toBe(String(target.unitId))
    expect(await scored.textContent()).toContain('已评分')
    // Each branch opens its scorecard, the server's page.
    expect(await rows.first().getByRole('link').first().getAttribute('href')).toMatch(/^\/s\//)
    await shoot('assessor-home-zh-CN', 1440)
    await shoot('assessor-home-zh-CN', 390)
    await page
      .getByRole('button', { name: /English/ })
      .first()
      .click()
    await page.getByRole('heading', { name: 'Branches to score', level: 1 }).waitFor()
    await shoot('assessor-home-en', 390)
    await shoot('assessor-home-en', 1440)
    await page.getByRole('button', { name: /中文/ }).first().click()
    await page.getByRole('heading', { name: '考评任务', level: 1 }).waitFor()
  }, 60_000)

  it('goes straight back to a link when already signed in, and asks again when the cookie is gone', async () => {
    const back = `${server.url}/?next=${encodeURIComponent(target.url)}`
    await page.goto(back)
    await page.waitForURL((url) => url.pathname === target.url)
    await page
      .getByText(localizedText(scorecard.title, 'zh-CN', ''))
      .first()
      .waitFor()
    // The designer's session is kept in this browser, but the page behind the link reads the
    // cookie: without it, sign in again rather than be sent back and forth.
    await context.clearCookies()
    expectedRefusals.add(401)
    await page.goto(back)
    await page.getByText('登录后将回到您打开的链接。').waitFor()
    await page.getByLabel('邮箱').fill(ASSESSOR)
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((url) => url.pathname === target.url)
    expectedRefusals.clear()
    // Another site is never where a sign-in sends anyone.
    await page.goto(`${server.url}/?next=${encodeURIComponent('//example.com/s/x')}`)
    await page.getByRole('heading', { name: '考评任务', level: 1 }).waitFor()
    expect(new URL(page.url()).host).toBe(new URL(server.url).host)
  }, 60_000)

  it("shows the deduction and its reason in the branch's detail", async () => {
    await page.goto(`${server.url}/campaigns/${demoId}/units/${target.unitId}`)
    const section = page.locator('[data-section="scorecards"]')
    await section.getByRole('heading', { name: '上级考评（1 份）' }).waitFor()
    expect(await section.textContent()).toContain(ASSESSOR_NAME)
    const row = section.locator('tr[data-question="deduction"]')
    expect(await row.locator('th').textContent()).toBe(DEDUCTION_TITLE)
    expect(await row.locator('td').first().textContent()).toBe('−3')
    expect(await row.locator('td.reason').textContent()).toBe(REASON)
    await noOverflow()
  }, 30_000)

  it('carries the reason in the XLSX of the superior responses', async () => {
    const response = await fetch(
      `${server.url}/api/campaigns/${demoId}/responses.xlsx?source=superior`,
      { headers: { authorization: `Bearer ${assessorToken}` } },
    )
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]
    if (!sheet) throw new Error('the export has no sheet')
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''))
    // The superior source has a scorecard per branch type: each one's columns carry its title.
    const title = localizedText(scorecard.title, 'zh-CN', '')
    const reasonAt = header.indexOf(`【${title}】${DEDUCTION_TITLE}·理由`)
    const unitAt = header.indexOf('支部')
    expect(reasonAt).toBeGreaterThan(0)
    const ours: unknown[][] = []
    sheet.eachRow((row, n) => {
      const values = row.values as unknown[]
      if (n > 1 && values[unitAt] === target.unitName) ours.push(values)
    })
    expect(ours).toHaveLength(1)
    expect(ours[0]?.[reasonAt]).toBe(REASON)
    expect(ours[0]?.[reasonAt - 1]).toBe(3)
    expect(ours[0]?.[header.indexOf('答卷人')]).toBe(ASSESSOR_NAME)
    expect(problems).toEqual([])
  }, 30_000)
})
