import { join } from 'node:path'
import { type Answers, templates } from '@yardstick/sdk'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  openBranchCampaign,
  SCREENSHOTS,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
} from './harness'

const hasChromium = chromiumAvailable('designer homes e2e')
const CAMPAIGN = '2026 年第四季度整改检查'
const REASON = '缺少党费补交凭证，请补充后再报'
const DRAFT = '2027 年度群众满意度测评（起草中）'
const NO_SELF_CHECK = '2026 年第四季度群众满意度测评'

/** Each demo account, where it lands, the heading it sees there and the sections it is shown. */
const ROLES = [
  {
    role: 'admin',
    email: 'admin@yardstick.local',
    path: '/overview',
    heading: '需要关注',
    nav: ['工作概览', '考评任务', '表单', '测评活动', '整改销号', '系统管理'],
  },
  {
    role: 'editor',
    email: 'editor@yardstick.local',
    path: '/forms',
    heading: '表单',
    nav: ['表单', '审阅', '测评活动', '整改销号'],
  },
  {
    role: 'reviewer',
    email: 'reviewer@yardstick.local',
    path: '/review',
    heading: '待审阅',
    nav: ['表单', '审阅'],
  },
  {
    role: 'assessor',
    email: 'assessor@yardstick.local',
    path: '/assess',
    heading: '考评任务',
    nav: ['考评任务', '测评活动', '整改销号'],
  },
  {
    role: 'secretary',
    email: 'secretary@yardstick.local',
    path: '/branch',
    heading: '支部自检自查',
    nav: ['支部自查', '测评活动'],
  },
  {
    role: 'member',
    email: 'member@yardstick.local',
    path: '/branch',
    heading: '支部自检自查',
    nav: ['支部自查', '测评活动'],
  },
] as const

/** The self-check template answered "yes" everywhere but two items, each with its entry. */
function answersWithTwoProblems(): Answers {
  const answers: Answers = {}
  const entry = (description: string) => ({
    description,
    measure: '限期整改',
    owner: '支部书记',
    deadline: '2026-06-30',
  })
  for (const page of templates.selfCheck.pages ?? []) {
    for (const element of page.elements ?? []) {
      if (element.type === 'radiogroup') answers[element.name] = 'yes'
    }
  }
  answers.theoryStudy = 'no'
  answers.theoryStudy_problem = entry('集中学习次数不足')
  answers.partyDues = 'no'
  answers.partyDues_problem = entry('个别党员党费迟交')
  answers.themePartyDay = 'no'
  answers.themePartyDay_problem = entry('主题党日内容单一')
  return answers
}

/** The card of this test's campaign's rectification (the demo campaign may list the same item). */
const card = (page: Page, title: string): Locator =>
  page
    .locator('.rect-card')
    .filter({ has: page.getByText(title, { exact: true }) })
    .filter({ hasText: CAMPAIGN })

describe.skipIf(!hasChromium)('every role’s home and the rectification screens in Chromium', () => {
  let server: TestServer
  let browser: Browser
  const signedIn = new Map<string, OpenedPage>()

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    // An open campaign over the demo secretary's branch, its self-check submitted with two
    // problems: two rectifications, overdue (due mid-2026).
    const admin = await apiToken(server.url, 'admin@yardstick.local')
    const campaign = await openBranchCampaign(server, admin, {
      form: '2026 年第四季度自查（整改）',
      name: CAMPAIGN,
    })
    const { unitId, secretary } = campaign
    // An open campaign of the branch with no self-check: not the branch's to do.
    await openBranchCampaign(server, admin, {
      form: '2026 年第四季度满意度测评表',
      name: NO_SELF_CHECK,
      template: 'satisfaction',
      note: '季度测评',
      source: { key: 'members', weight: 100, measure: 'satisfactionRate', anonymous: true },
    })
    const at = `/api/campaigns/${campaign.id}/self-checks/${unitId}`
    await api(server, secretary, 'PUT', at, { answers: answersWithTwoProblems() })
    await api(server, secretary, 'POST', `${at}/approve`, { approvedOn: '2026-11-20' })
    await api(server, secretary, 'POST', `${at}/announce`)
    await api(server, secretary, 'POST', `${at}/submit`)
    // A reviewer's to-do: a form being drafted, with a review thread open on it.
    const editor = await apiToken(server.url, 'editor@yardstick.local')
    const draft = await api<{ id: number }>(server, editor, 'POST', '/api/forms', {
      title: DRAFT,
      template: 'satisfaction',
    })
    const reviewer = await apiToken(server.url, 'reviewer@yardstick.local')
    await api(server, reviewer, 'POST', `/api/forms/${draft.id}/comments`, {
      elementId: 'study_el',
      elementName: 'study',
      body: '第 1 项的表述请再斟酌',
    })
  }, 240_000)

  afterAll(() => stopRun({ browser, server }))

  it('lands each demo role on a home that fits it, with only its sections, never a refusal', async () => {
    for (const role of ROLES) {
      const opened = await signedInPage(browser, server.url, role.email, role.heading)
      signedIn.set(role.role, opened)
      const { page } = opened
      expect(new URL(page.url()).pathname, role.role).toBe(role.path)
      const nav = await page.locator('.app-nav a').allTextContents()
      expect(nav, role.role).toEqual(role.nav)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('main [role="alert"]').count(), role.role).toBe(0)
      expect(await page.locator('main').textContent(), role.role).not.toMatch(/403|无权|Only/)
      expect(opened.problems, role.role).toEqual([])
    }
    // The reviewer's home lists the draft both as commented on and as to review.
    const reviewer = signedIn.get('reviewer')?.page as Page
    for (const filter of ['openThreads', 'unpublished']) {
      await reviewer.locator(`.review-forms[data-filter="${filter}"]`).getByText(DRAFT).waitFor()
    }
    // The branch home lists the campaign with its self-check and its rectifications.
    const secretary = signedIn.get('secretary')?.page as Page
    const item = secretary.locator('.branch-campaigns > li').filter({ hasText: CAMPAIGN })
    await item.getByText('已上报').waitFor()
    // Only campaigns with a self-check for the branch, each link opening a self-check that exists.
    const token = await apiToken(server.url, 'secretary@yardstick.local')
    const visible = await api<{ items: Array<{ id: number; status: string }> }>(
      server,
      token,
      'GET',
      '/api/campaigns?limit=100',
    )
    const links = await secretary
      .locator('.branch-campaigns a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(await secretary.locator('main').textContent()).not.toContain(NO_SELF_CHECK)
    expect(links.length).toBeGreaterThan(0)
    expect(links.length).toBeLessThan(visible.items.filter((c) => c.status === 'open').length)
    for (const href of links) {
      const [, campaignId, unitId] = /^\/branch\/campaigns\/(\d+)\/units\/(\d+)$/.exec(href) ?? []
      const selfCheck = await api<{ status: string }>(
        server,
        token,
        'GET',
        `/api/campaigns/${campaignId}/self-checks/${unitId}`,
      )
      expect(selfCheck.status, href).toMatch(/draft|approved|announced|submitted/)
    }
    await card(secretary, '是否按时足额交纳党费').waitFor()
  }, 120_000)

  it('lets the secretary record progress, evidence and a new deadline on a rectification and mark it fixed', async () => {
    const { page, problems } = signedIn.get('secretary') as OpenedPage
    for (const title of [
      '是否按时足额交纳党费',
      '是否把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，经常性开展政治理论学习',
    ]) {
      await page.goto(`${server.url}/branch`)
      await card(page, title).getByRole('link', { name: title }).click()
      await page.getByRole('heading', { name: '整改事项' }).waitFor()
      const fixed = page.getByRole('button', { name: '整改完成，提交销号' })
      expect(await fixed.isDisabled()).toBe(true)
      await page.getByLabel('整改进展').fill('已逐一提醒并督促补交')
      await page.getByLabel('整改时限（可调整）').fill('2027-03-31')
      await page.getByRole('button', { name: '保存', exact: true }).click()
      await page.getByText('已保存').waitFor()
      await page.locator('.rect-card[data-status="inProgress"]').waitFor()
      expect(await page.locator('.rect-card').textContent()).toContain('2027-03-31')
      await page.getByLabel('佐证材料').fill('党费补交收据 3 张')
      await fixed.click()
      await page.locator('.rect-card[data-status="fixed"]').waitFor()
      await page.getByText('已标记整改完成，等待上级党组织销号。').waitFor()
    }
    expect(problems).toEqual([])
  }, 60_000)

  it('lets the superior office accept one and return the other with a required reason, which the secretary reads', async () => {
    const { page, problems } = signedIn.get('assessor') as OpenedPage
    await page.getByRole('link', { name: '整改销号', exact: true }).click()
    await page.getByRole('heading', { name: '整改销号' }).waitFor()
    await page.getByLabel('测评活动').selectOption({ label: CAMPAIGN })
    await page.getByLabel('状态').selectOption('fixed')
    // The list as filtered: this campaign's two fixed rectifications, nothing else.
    await expect.poll(() => page.locator('.rect-card').count()).toBe(2)
    await expect.poll(() => page.locator('.rect-card:not([data-status="fixed"])').count()).toBe(0)
    const dues = card(page, '是否按时足额交纳党费')
    const study = page.locator('.rect-card').filter({ hasText: '集中学习次数不足' })
    await dues.waitFor()
    await study.getByRole('button', { name: '销号', exact: true }).click()
    await page
      .locator('.rect-card[data-status="accepted"]')
      .filter({ hasText: '集中学习次数不足' })
      .waitFor()
    await dues.getByRole('button', { name: '退回', exact: true }).click()
    const confirm = dues.getByRole('button', { name: '确认退回' })
    expect(await confirm.isDisabled()).toBe(true)
    await dues.getByLabel('退回理由').fill(REASON)
    await confirm.click()
    await page.getByText('已退回：办公室第一党支部 · 是否按时足额交纳党费').waitFor()
    expect(await dues.getAttribute('data-status')).toBe('returned')
    expect(problems).toEqual([])

    const secretary = signedIn.get('secretary') as OpenedPage
    await secretary.page.goto(`${server.url}/branch`)
    const returned = card(secretary.page, '是否按时足额交纳党费')
    await returned.getByText(REASON).waitFor()
    expect(await returned.getAttribute('data-status')).toBe('returned')
    await returned.getByRole('link', { name: '是否按时足额交纳党费' }).click()
    await secretary.page.locator('.rect-returned').getByText(REASON).waitFor()
    expect(secretary.problems).toEqual([])
  }, 60_000)

  it('shows every home and both rectification screens in both languages at 390 and 1440 px, without overflow', async () => {
    const secretary = signedIn.get('secretary') as OpenedPage
    const rectificationUrl = new URL(secretary.page.url()).pathname
    // The third problem marked fixed: the office's list shows one waiting for its decision.
    const token = await apiToken(server.url, 'secretary@yardstick.local')
    const mine = await api<{
      items: Array<{ id: number; question: string; campaignName: string }>
    }>(server, token, 'GET', '/api/rectifications?status=open&limit=100')
    const third = mine.items.find(
      (r) => r.question === 'themePartyDay' && r.campaignName === CAMPAIGN,
    )
    await api(server, token, 'PATCH', `/api/rectifications/${third?.id}`, {
      evidence: '主题党日活动记录 2 份',
      status: 'fixed',
    })
    const shots: Array<[string, string, string]> = [
      ...ROLES.filter((r) => r.role !== 'member').map(
        (r) => [r.role, `home-${r.role}`, r.path] as [string, string, string],
      ),
      ['secretary', 'rectifications-branch', rectificationUrl],
      ['assessor', 'rectifications-review', '/rectifications'],
    ]
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [role, name, path] of shots) {
        const { page } = signedIn.get(role) as OpenedPage
        await page.evaluate((l) => localStorage.setItem('yardstick.locale', l), locale)
        for (const width of [390, 1440]) {
          await page.setViewportSize({ width, height: width < 500 ? 844 : 950 })
          await page.goto(`${server.url}${path}`)
          await page.locator('main h1').first().waitFor()
          await page.waitForLoadState('networkidle')
          expect(await page.locator('html').getAttribute('lang'), name).toBe(locale)
          if (width === 390) {
            // The page never scrolls sideways; the culprit is named when it does.
            const overflow = await page.evaluate(() => {
              const width = document.documentElement.clientWidth
              const by = document.documentElement.scrollWidth - width
              const wide = [...document.querySelectorAll('body *')].find(
                (e) => e.getBoundingClientRect().right > width + 0.5,
              )
              return { by, culprit: by > 0 && wide ? `${wide.tagName}.${wide.className}` : null }
            })
            expect(overflow, `${name} ${locale}`).toEqual({ by: 0, culprit: null })
          }
          await page.screenshot({
            path: join(SCREENSHOTS, `${name}-${locale}-${width}.png`),
            fullPage: true,
          })
        }
        await page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
      }
    }
    for (const { problems } of signedIn.values()) expect(problems).toEqual([])
  }, 240_000)
})
