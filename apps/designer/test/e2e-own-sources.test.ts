import { join } from 'node:path'
import { type Answers, compileForm, templates } from '@yardstick/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  SCREENSHOTS,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('own sources e2e')
const CAMPAIGN = '2026年度服务对象评议（端到端）'
const LABEL = { zh: '服务对象评议', en: 'Service users’ review' }

/** Every required question of the satisfaction template answered with its first choice. */
function satisfactionAnswers(): Answers {
  const answers: Answers = {}
  for (const question of compileForm(templates.satisfaction).questions) {
    if (!question.isRequired) continue
    const [first] = [...question.choices.values()]
    answers[question.name] = first ? first.value : (question.maxScore ?? '好')
  }
  return answers
}

describe.skipIf(!hasChromium)('a source added to an existing campaign, in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let campaignId: number
  let unitId: number
  let tokens: string[] = []

  beforeAll(async () => {
    ;({ server, browser, token, admin } = await startAsAdmin())
    const publish = async (title: string, template: string) => {
      const form = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title,
        template,
      })
      const version = await api<{ id: number }>(
        server,
        token,
        'POST',
        `/api/forms/${form.id}/publish`,
        { note: '第一版' },
      )
      return version.id
    }
    const members = await publish('群众满意度测评表（来源）', 'satisfaction')
    const superior = await publish('上级考评表（来源）', 'scorecard')
    const secretary = await apiToken(server.url, 'secretary@yardstick.local')
    const me = await api<{ grants: Array<{ role: string; orgId: number }> }>(
      server,
      secretary,
      'GET',
      '/api/me',
    )
    unitId = me.grants.find((g) => g.role === 'secretary')?.orgId ?? 0
    const created = await api<{ id: number }>(server, token, 'POST', '/api/campaigns', {
      name: CAMPAIGN,
      cadence: 'yearly',
      opensAt: '2026-01-01T00:00:00+08:00',
      closesAt: '2027-12-31T23:59:59+08:00',
      units: { ids: [unitId] },
      sources: [
        { key: 'members', formVersion: members, weight: 40, measure: 'satisfactionRate' },
        { key: 'superior', formVersion: superior, weight: 60 },
      ],
      bands: [{ min: 0, grade: '达标' }],
    })
    campaignId = created.id
  }, 400_000)

  afterAll(() => stopRun({ browser, server }))

  it('lets the office add its own members source on the settings page', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${campaignId}/settings`)
    await page.getByRole('heading', { name: new RegExp(CAMPAIGN) }).waitFor()
    await page.getByRole('button', { name: '增加评价来源（如述职评议）' }).click()
    const added = page.locator('fieldset.source-fields').nth(2)
    await added.getByLabel('来源标识（英文字母开头，字母或数字）').fill('clients')
    await added.getByLabel('名称（中文）').fill(LABEL.zh)
    await added.getByLabel('名称（英文）').fill(LABEL.en)
    await added.getByLabel(`${LABEL.zh}由谁作答`).selectOption('members')
    // Answered by members: a satisfaction form is picked first, and its newest version.
    await until(() => added.getByLabel(`${LABEL.zh}发布版本`).inputValue()).not.toBe('')
    await added.getByLabel(`${LABEL.zh}权重`).fill('20')
    await added.getByLabel(`${LABEL.zh}最少答卷数`).fill('1')
    await added.getByLabel(`${LABEL.zh}不记名`).check()
    await added.screenshot({ path: join(SCREENSHOTS, 'settings-own-source-zh-CN.png') })
    await page.getByRole('button', { name: '保存设置' }).click()
    await page.getByText('已保存').waitFor()

    const campaign = await api<{
      sources: Array<{ key: string; answeredBy: string; label: unknown; minResponses: number }>
    }>(server, token, 'GET', `/api/campaigns/${campaignId}`)
    expect(campaign.sources.map((s) => s.key)).toEqual(['members', 'superior', 'clients'])
    expect(campaign.sources[2]).toMatchObject({
      answeredBy: 'members',
      label: { 'zh-CN': LABEL.zh, en: LABEL.en },
      minResponses: 1,
    })
    // Saved, it is one of the campaign's: its key stays, the rest can still change.
    await until(() =>
      page.getByLabel('来源标识（英文字母开头，字母或数字）').first().isDisabled(),
    ).toBe(true)
    expect(admin.problems).toEqual([])
  }, 120_000)

  it('hands out links and tokens for it, and none for the signed-in superior', async () => {
    const { page } = admin
    await api(server, token, 'POST', `/api/campaigns/${campaignId}/open`)
    await page.goto(`${server.url}/campaigns/${campaignId}/admin`)
    const row = (source: string) => page.locator(`.links-table tr[data-source="${source}"]`)
    await row('clients').waitFor()
    expect(await row('clients').locator('td').nth(1).textContent()).toBe(LABEL.zh)
    await row('clients').getByRole('button', { name: '复制链接' }).waitFor()
    expect(await row('clients').getByRole('button', { name: '复制嵌入代码' }).count()).toBe(1)
    expect(await row('superior').textContent()).toContain(
      '考评人登录后在“考评任务”中评分，无公开链接',
    )
    expect(await row('superior').getByRole('button').count()).toBe(0)

    await page.getByLabel('凭证所属评价来源').selectOption({ label: LABEL.zh })
    await page.getByLabel('凭证数量').fill('2')
    const [issued] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' && r.url().endsWith(`/campaigns/${campaignId}/tokens`),
      ),
      page.getByRole('button', { name: '生成凭证' }).click(),
    ])
    expect(issued.status()).toBe(201)
    const body = (await issued.json()) as { source: string; tokens: string[]; slug: string }
    expect(body.source).toBe('clients')
    expect(body.tokens).toHaveLength(2)
    tokens = body.tokens
    await page.getByText(/生成 2 张凭证/).waitFor()
    expect(admin.problems).toEqual([])
  }, 120_000)

  it('names it by its label on the results and participation pages, in both languages', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    const card = page.locator('.participation li[data-source="clients"]')
    await until(() => card.textContent()).toMatch(new RegExp(`^${LABEL.zh}：0 份答卷`))
    await page.goto(`${server.url}/campaigns/${campaignId}/participation`)
    const head = page.locator('.participation-table thead')
    await until(() => head.textContent()).toContain(LABEL.zh)
    expect(await head.textContent()).not.toContain('clients')
    await page.screenshot({ path: join(SCREENSHOTS, 'participation-own-source-zh-CN.png') })
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'en'))
    await page.reload()
    await until(() => head.textContent()).toContain(LABEL.en)
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('refuses source changes once answered, in the user’s language, and locks them', async () => {
    const { page } = admin
    // The page opens before the first answer: its sources can still be edited.
    await page.goto(`${server.url}/campaigns/${campaignId}/settings`)
    const weight = page.getByLabel(`${LABEL.zh}权重`)
    await until(() => weight.isDisabled()).toBe(false)
    const slug = (
      await api<{ items: Array<{ slug: string }> }>(
        server,
        token,
        'GET',
        `/api/campaigns/${campaignId}/links?source=clients&unitId=${unitId}`,
      )
    ).items[0]?.slug
    const answered = await fetch(`${server.url}/api/links/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'own-source-1' },
      body: JSON.stringify({ answers: satisfactionAnswers(), token: tokens[0] }),
    })
    expect(answered.status).toBe(201)
    // Saving a new weight now is refused, said in Chinese from the error's code, and locks.
    await weight.fill('30')
    await page.getByRole('button', { name: '保存设置' }).click()
    await page
      .getByRole('alert')
      .getByText('已收到 1 份答卷：评价来源不能再增加、删除或修改。')
      .waitFor()
    await page
      .getByText('已收到 1 份答卷：评价来源不能再增加、删除或修改（答卷是按现有来源作答的）。')
      .waitFor()
    expect(await weight.isDisabled()).toBe(true)
    expect(await weight.inputValue()).toBe('20')
    expect(await page.getByRole('button', { name: '增加评价来源（如述职评议）' }).count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-sources-locked-zh-CN.png') })
    // In English, the page says so as it loads.
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'en'))
    await page.reload()
    await page
      .getByText(
        '1 responses received: sources can no longer be added, removed or changed (their answers were given against them).',
      )
      .waitFor()
    expect(await page.getByLabel(`${LABEL.en} weight`).isDisabled()).toBe(true)
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
    const campaign = await api<{ sources: Array<{ key: string; weight: number }> }>(
      server,
      token,
      'GET',
      `/api/campaigns/${campaignId}`,
    )
    expect(campaign.sources.find((s) => s.key === 'clients')?.weight).toBe(20)
    expect(admin.problems.filter((p) => !p.includes('409'))).toEqual([])
  }, 60_000)
})
