import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  chromiumAvailable,
  type OpenedPage,
  SCREENSHOTS,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer instruments per branch type e2e')
const NAME = '2026年党支部群众满意率测评（分类制定）'
const FORM = '企业党支部群众满意度测评表'
const rated = [
  { value: 'satisfied', text: { default: '满意', en: 'Satisfied' }, score: 100, satisfied: true },
  { value: 'basic', text: { default: '基本满意', en: 'Basic' }, score: 60, satisfied: true },
  { value: 'dissatisfied', text: { default: '不满意', en: 'Dissatisfied' }, score: 0 },
]
/** An enterprise branch's own satisfaction form: aspects of an enterprise's party work. */
const ENTERPRISE_FORM = {
  title: { default: FORM, en: 'Enterprise branch satisfaction survey' },
  kind: 'satisfaction',
  pages: [
    {
      name: 'rating',
      elements: [
        { name: 'production', title: '党建工作与生产经营深度融合' },
        { name: 'pioneers', title: '党员先锋岗、党员责任区作用发挥' },
      ].map(({ name, title }) => ({
        type: 'radiogroup',
        name,
        title: { default: title, en: name },
        isRequired: true,
        choices: rated,
      })),
    },
  ],
}

type Results = { units: Array<{ unitId: number; name: string; unitType: string | null }> }
type Links = { items: Array<{ unitId: number; slug: string }> }

describe.skipIf(!hasChromium)('instruments per branch type in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let form: { id: number; version: number }
  let defaultForm: number

  beforeAll(async () => {
    ;({ server, browser, token, admin } = await startAsAdmin())
    const created = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
      title: FORM,
      json: ENTERPRISE_FORM,
    })
    const version = await api<{ id: number }>(
      server,
      token,
      'POST',
      `/api/forms/${created.id}/publish`,
      { note: '企业党支部适用' },
    )
    form = { id: created.id, version: version.id }
    const forms = await api<{ items: Array<{ id: number; title: string }> }>(
      server,
      token,
      'GET',
      '/api/forms?limit=100',
    )
    defaultForm = forms.items.find((f) => f.title === '群众满意率测评表')?.id ?? 0
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('gives enterprise branches their own form, which their link shows the respondent', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/new`)
    await page.getByRole('heading', { name: '新建测评活动' }).waitFor()
    await page.getByLabel('活动名称').fill(NAME)
    for (const key of ['self', 'superior']) {
      await page.locator(`fieldset[data-source="${key}"] legend input[type="checkbox"]`).uncheck()
    }
    const members = page.locator('fieldset[data-source="members"]')
    // The default: the demo's 群众满意率测评表 (the newest satisfaction form is the enterprise one).
    await members.getByLabel('党员群众测评表单').selectOption(String(defaultForm))
    await until(() => members.getByLabel('党员群众测评发布版本').inputValue()).not.toBe('')
    // Signed members answer here, so a link opens without a one-time token.
    await members.getByLabel('党员群众测评不记名').uncheck()
    await members.getByLabel('按支部类型分别设表').check()
    await members.getByText('未单独设表的类型和未分类的支部使用上面的默认表').waitFor()
    await members.getByLabel('党员群众测评（企业）表单').selectOption(String(form.id))
    await until(() => members.getByLabel('党员群众测评（企业）发布版本').inputValue()).toBe(
      String(form.version),
    )
    await page.screenshot({
      path: join(SCREENSHOTS, 'campaign-forms-per-type-zh-CN-1440.png'),
      fullPage: true,
    })
    await page.getByRole('button', { name: '创建活动' }).click()
    await page.getByRole('heading', { name: `测评活动：${NAME}` }).waitFor()
    const campaignId = Number(/\/campaigns\/(\d+)\/admin/.exec(page.url())?.[1])
    const campaign = await api<{ sources: Array<{ key: string; formsByUnitType: object }> }>(
      server,
      token,
      'GET',
      `/api/campaigns/${campaignId}`,
    )
    expect(campaign.sources).toEqual([
      expect.objectContaining({ key: 'members', formsByUnitType: { enterprise: form.version } }),
    ])
    await page.getByRole('button', { name: '开始测评' }).click()
    await until(() => page.locator('.page-head [data-status]').getAttribute('data-status')).toBe(
      'open',
    )

    // The settings read the per-type form back.
    await page.goto(`${server.url}/campaigns/${campaignId}/settings`)
    await page.getByRole('heading', { name: `活动设置：${NAME}` }).waitFor()
    const settings = page.locator('fieldset[data-source="members"]')
    expect(await settings.getByLabel('按支部类型分别设表').isChecked()).toBe(true)
    await until(() => settings.getByLabel('党员群众测评（企业）表单').inputValue()).toBe(
      String(form.id),
    )

    // A branch of each kind opens its link as its members would.
    const results = await api<Results>(
      server,
      token,
      'GET',
      `/api/campaigns/${campaignId}/results?limit=10000`,
    )
    const slugOf = async (type: string) => {
      const unit = results.units.find((u) => u.unitType === type)
      const links = await api<Links>(
        server,
        token,
        'GET',
        `/api/campaigns/${campaignId}/links?source=members&unitId=${unit?.unitId}`,
      )
      return links.items[0]?.slug ?? ''
    }
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    })
    const respondent = await phone.newPage()
    await respondent.goto(`${server.url}/s/${await slugOf('enterprise')}`)
    await respondent.getByText('党建工作与生产经营深度融合').waitFor({ timeout: 20_000 })
    expect(await respondent.getByText('政治理论学习', { exact: false }).count()).toBe(0)
    await respondent.screenshot({
      path: join(SCREENSHOTS, 'respondent-enterprise-form-zh-CN-390.png'),
      fullPage: true,
    })
    await respondent.goto(`${server.url}/s/${await slugOf('organ')}`)
    await respondent
      .getByText('政治理论学习', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 })
    expect(await respondent.getByText('党建工作与生产经营深度融合').count()).toBe(0)
    await phone.close()

    // The branch's results say which form it answered.
    const enterprise = results.units.find((u) => u.unitType === 'enterprise')
    await page.goto(`${server.url}/campaigns/${campaignId}/units/${enterprise?.unitId}`)
    const used = page.locator('tr[data-source="members"] td[data-instrument]')
    await until(() => used.textContent()).toBe(FORM)
    expect(admin.problems).toEqual([])
  }, 180_000)
})
