import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AssessmentList } from '../src/api/types'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  SCREENSHOTS,
  signedInPage,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('debriefing e2e')
const CAMPAIGN = '2026年度党支部书记述职评议（端到端）'
const PANEL = [
  { email: 'reviewer@yardstick.local', name: '宣传处 审阅' },
  { email: 'editor@yardstick.local', name: '组织处 表单设计' },
]
const ITEMS = ['responsibility', 'organization', 'integrity', 'service', 'overall']

describe.skipIf(!hasChromium)('a 述职评议 panel in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let campaignId: number

  beforeAll(async () => {
    ;({ server, browser, token, admin } = await startAsAdmin())
  }, 400_000)

  afterAll(() => stopRun({ browser, server }))

  it('lets an office add a panel source with its own name and people to a new campaign', async () => {
    const { page } = admin
    await page.getByRole('link', { name: '测评活动', exact: true }).click()
    await page.getByRole('link', { name: '新建测评活动' }).click()
    // What the browser logged goes with a failure here: the page's own errors say why.
    await page
      .getByRole('heading', { name: '新建测评活动' })
      .waitFor()
      .catch((error) => {
        throw new Error(`${error}\n${admin.problems.join('\n')}`)
      })
    for (const source of ['自评', '党员群众测评', '上级考评']) {
      await until(() => page.getByLabel(`${source}发布版本`).inputValue()).not.toBe('')
    }
    await page.getByRole('button', { name: '增加评价来源（如述职评议）' }).click()
    const own = page.locator('fieldset[data-source="debriefing"]')
    await own.getByLabel('名称（中文）').fill('述职评议')
    await own.getByLabel('名称（英文）').fill('Debriefing review')
    expect(await own.getByLabel('述职评议由谁作答').inputValue()).toBe('panel')
    const form = own.getByLabel('述职评议表单')
    const option = form.locator('option', { hasText: '党支部书记述职评议表' })
    // A panel is answered on a generic form: the 述职评议表 may already be the one picked.
    const debriefingForm = (await option.getAttribute('value')) ?? ''
    if ((await form.inputValue()) !== debriefingForm) await form.selectOption(debriefingForm)
    await until(() => own.getByLabel('述职评议发布版本').inputValue()).not.toBe('')
    for (const person of PANEL) {
      await own.getByLabel('述职评议评议组成员').fill(person.email)
      await own.getByRole('checkbox', { name: new RegExp(person.name) }).check()
    }
    await own.getByText('已选 2 人').waitFor()
    await own.getByLabel('述职评议权重').fill('20')

    await page.getByLabel('活动名称').fill(CAMPAIGN)
    const orgs = await api<{ items: Array<{ children: Array<{ id: number; name: string }> }> }>(
      server,
      token,
      'GET',
      '/api/orgs',
    )
    const sub = orgs.items[0]?.children.find((o) => o.name === '综合部门分工委')
    await page.getByLabel('参评党支部（按组织）').selectOption(String(sub?.id))
    await own.screenshot({ path: join(SCREENSHOTS, 'debriefing-source-zh-CN.png') })
    await page.getByRole('button', { name: '创建活动' }).click()
    await page.getByRole('heading', { name: `测评活动：${CAMPAIGN}` }).waitFor()
    campaignId = Number(/\/campaigns\/(\d+)\/admin/.exec(page.url())?.[1])

    const created = await api<{
      sources: Array<{ key: string; answeredBy: string; label: unknown; panel: number[] }>
    }>(server, token, 'GET', `/api/campaigns/${campaignId}`)
    const debriefing = created.sources.find((s) => s.key === 'debriefing')
    expect(debriefing).toMatchObject({
      answeredBy: 'panel',
      label: { 'zh-CN': '述职评议', en: 'Debriefing review' },
    })
    expect(debriefing?.panel).toHaveLength(2)
    // The source is named by its own label wherever the campaign lists it.
    await page.getByText('述职评议').first().waitFor()
    await api(server, token, 'POST', `/api/campaigns/${campaignId}/open`)
  }, 120_000)

  it('shows a panel member the branches to rate, and stores their rating of one', async () => {
    const [first] = PANEL
    // Being on the panel puts 考评任务 first for them: they land there, and it is in the header.
    const panelist = await signedInPage(browser, server.url, first?.email ?? '', '考评任务')
    const { page } = panelist
    await page.locator('.app-nav').getByRole('link', { name: '考评任务' }).waitFor()
    const panelToken = await apiToken(server.url, first?.email ?? '')
    const card = page.locator(`[data-campaign="${campaignId}"]`)
    await card.waitFor()
    const todo = await api<AssessmentList>(
      server,
      panelToken,
      'GET',
      `/api/assessments?campaignId=${campaignId}&limit=100`,
    )
    expect(todo.items.length).toBe(20)
    const target = todo.items[0]
    if (!target) throw new Error('no branch to rate')
    await page.goto(`${server.url}${target.url}`)
    await page.getByText('党支部书记述职评议表').first().waitFor()
    for (const name of ITEMS) {
      await page.locator(`[data-name="${name}"]`).getByText('好', { exact: true }).click()
    }
    await page.screenshot({
      path: join(SCREENSHOTS, 'debriefing-rating-zh-CN.png'),
      fullPage: true,
    })
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().includes(`/links/${target.slug}/`),
      ),
      page.getByRole('button', { name: '提交问卷' }).click(),
    ])
    expect(response.status()).toBe(201)
    const after = await api<AssessmentList>(
      server,
      panelToken,
      'GET',
      `/api/assessments?campaignId=${campaignId}&limit=100`,
    )
    expect(after.items.find((i) => i.unitId === target.unitId)).toMatchObject({
      scoredByMe: true,
      responses: 1,
    })
    expect(panelist.problems).toEqual([])
    await panelist.context.close()
  }, 120_000)
})
