import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CampaignResults } from '../src/api/types'
import {
  api,
  chromiumAvailable,
  downloadFile,
  type OpenedPage,
  publishVersion,
  SCREENSHOTS,
  signedInPage,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
  unzip,
} from './harness'

const hasChromium = chromiumAvailable('designer errors, version diff and raw exports e2e')
// A source or measure key, or the server's English prose, where people read Chinese.
const RAW_KEYS = /\b(self|members|superior|percent|satisfactionRate)\b/
const SERVER_PROSE = /request is not valid|Too small|Invalid input|No campaign|Expected/i
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1440, height: 900 }

/**
 * What sticks out of the window sideways: the page's extra width, and the innermost elements
 * reaching past its right edge (empty when nothing scrolls sideways).
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const extra = document.documentElement.scrollWidth - width
    if (extra <= 0) return []
    const past = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > width + 0.5,
    )
    const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)))
    return [
      `${extra}px`,
      ...innermost
        .slice(0, 8)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 30)}`,
        ),
    ]
  })

/** Screenshots at 1440 px and 390 px, asserting that nothing scrolls sideways on the phone. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP)
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1440.png`), fullPage: true })
  await page.setViewportSize(PHONE)
  await until(() => overflow(page)).toEqual([])
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true })
  await page.setViewportSize(DESKTOP)
}

const toggleLanguage = (page: Page) => page.locator('.lang-toggle').first().click()

describe.skipIf(!hasChromium)('errors, version diff and raw exports in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number

  const call = <T>(method: string, path: string, body?: unknown) =>
    api<T>(server, token, method, path, body)

  beforeAll(async () => {
    ;({ server, browser, token, demoId, admin } = await startAsAdmin())
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  // Each test starts in Chinese, whatever the one before switched to.
  beforeEach(async () => {
    await admin.page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
    await admin.page.setViewportSize(DESKTOP)
    admin.problems.splice(0)
  })

  it('shows a refused request per field and on the page in the reader’s language, and rewords it when the language switches', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/new`)
    await page.getByRole('heading', { name: '新建测评活动' }).waitFor()
    await until(() => page.getByLabel('自评发布版本').inputValue()).not.toBe('')
    await page.getByLabel('活动名称').fill('')
    await page.getByRole('button', { name: '创建活动' }).click()
    const nameIssue = page.locator('.field-issue').first()
    await until(() => nameIssue.textContent()).toBe('不能为空')
    const failure = page.locator('.campaign-form-side [role="alert"]')
    await until(() => failure.textContent()).toBe(
      '未能创建：提交的内容有 1 处不符合要求，请按提示修改。',
    )
    const main = page.locator('main')
    expect(await main.textContent()).not.toMatch(SERVER_PROSE)
    await shoot(page, 'errors-fields-zh')

    await toggleLanguage(page)
    await until(() => nameIssue.textContent()).toBe('Must not be empty')
    expect(await failure.textContent()).toBe(
      'Not created: Some entries are not accepted (1): see the notes beside them.',
    )
    expect(await main.textContent()).not.toMatch(SERVER_PROSE)
    await shoot(page, 'errors-fields-en')
    await toggleLanguage(page)
    // The browser logs the refused requests; they are the ones expected.
    expect(admin.problems.splice(0)).toEqual([expect.stringContaining('status of 400')])
  }, 60_000)

  it('says a missing campaign is not found, in Chinese and in English, never the server’s prose', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/987654`)
    const alert = page.locator('main [role="alert"]').first()
    await until(() => alert.textContent()).toBe('找不到要访问的内容：它可能已被删除，或链接有误。')
    expect(await page.locator('main').textContent()).not.toMatch(SERVER_PROSE)
    await shoot(page, 'errors-not-found-zh')
    await toggleLanguage(page)
    await until(() => alert.textContent()).toBe(
      'Not found: it may have been deleted, or the link is wrong.',
    )
    await shoot(page, 'errors-not-found-en')
    await toggleLanguage(page)
    expect(admin.problems.splice(0).every((p) => p.includes('status of 404'))).toBe(true)
  }, 60_000)

  it('names sources by their labels on the dashboard, a branch’s detail and the rules preview, never by key', async () => {
    const { page } = admin
    const results = await call<CampaignResults>(
      'GET',
      `/api/campaigns/${demoId}/results?limit=10000`,
    )
    await page.goto(`${server.url}/campaigns/${demoId}`)
    await page.locator('.ranking tbody tr').first().waitFor()
    const main = page.locator('main')
    await until(() => main.textContent()).toContain('党员群众测评')
    expect(await main.textContent()).not.toMatch(RAW_KEYS)

    const incomplete = results.units.find((unit) => unit.incomplete)
    const unit = incomplete ?? results.units[0]
    if (!unit) throw new Error('the demo campaign has units')
    await page.goto(`${server.url}/campaigns/${demoId}/units/${unit.unitId}`)
    await page.locator('.unit-summary').waitFor()
    await until(() => main.textContent()).toContain('上级考评')
    expect(await main.textContent()).not.toMatch(RAW_KEYS)

    await page.goto(`${server.url}/campaigns/new`)
    const preview = page.locator('.policy-preview')
    await until(() => preview.textContent()).toContain('评价来源“党员群众测评”只有')
    // A rule the SDK refuses names the source by its label too, not `source "members"`.
    await page.getByLabel('党员群众测评权重').fill('0')
    await until(() => preview.textContent()).toContain('党员群众测评的权重必须是大于 0 的数')
    expect(await page.locator('main').textContent()).not.toMatch(RAW_KEYS)
    await toggleLanguage(page)
    await until(() => preview.textContent()).toContain(
      'The weight of Member and public survey must be a number above 0',
    )
    expect(await preview.textContent()).not.toMatch(/source "\w+"/)
    await toggleLanguage(page)
    expect(admin.problems.splice(0)).toEqual([])
  }, 60_000)

  it('shows a localised title that changed as text per language in the version diff', async () => {
    const { page } = admin
    const form = await call<{ id: number }>('POST', '/api/forms', {
      title: '版本比较',
      json: {
        title: '版本比较',
        pages: [
          {
            name: 'p1',
            elements: [{ type: 'boolean', name: 'dues', title: '是否按时交纳党费' }],
          },
        ],
      },
    })
    await call('POST', `/api/forms/${form.id}/publish`, { note: '第一版' })
    await page.goto(`${server.url}/forms/${form.id}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    await page.locator('.tree-row[data-name="dues"]').click()
    await page.locator('[data-field="title:default"]').first().fill('是否按月交纳党费')
    await page.locator('[data-field="title:en"]').first().fill('Dues paid monthly?')
    await publishVersion(page, '标题改为按月，并加英文', 2)
    await page.getByRole('tab', { name: /版本/ }).click()
    await page.getByRole('button', { name: '与第 1 版比较' }).click()
    const diff = page.locator('.version-diff')
    const line = (locale: string) =>
      diff.locator(`li[data-property="title"][data-locale="${locale}"]`)
    await until(() => line('default').textContent()).toBe(
      '标题（中文）：是否按时交纳党费 → 是否按月交纳党费',
    )
    expect(await line('en').textContent()).toBe('标题（English）：（无） → Dues paid monthly?')
    expect(await diff.textContent()).not.toMatch(/[{}"]/)
    await diff.scrollIntoViewIfNeeded()
    await shoot(page, 'diff-zh')
    await toggleLanguage(page)
    await until(() => line('en').textContent()).toBe('Title (English): (none) → Dues paid monthly?')
    expect(await line('default').textContent()).toBe(
      'Title (中文): 是否按时交纳党费 → 是否按月交纳党费',
    )
    await shoot(page, 'diff-en')
    await toggleLanguage(page)
    expect(admin.problems.splice(0)).toEqual([])
  }, 90_000)

  it('exports the raw responses of a source as CSV and XLSX from the results page: one row per response', async () => {
    const { page } = admin
    const results = await call<CampaignResults>('GET', `/api/campaigns/${demoId}/results`)
    expect(results.canExportResponses).toBe(true)
    const members = results.participation.bySource.members?.responses ?? 0
    const superior = results.participation.bySource.superior?.responses ?? 0
    expect(members).toBeGreaterThan(0)
    await page.goto(`${server.url}/campaigns/${demoId}`)
    await page.locator('.ranking tbody tr').first().waitFor()

    const csv = (await downloadFile(page, '导出原始答卷 CSV')).toString('utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = csv.slice(1).trim().split('\r\n')
    expect(rows[0]).toMatch(/^编号,支部,类型,提交时间（北京时间）,得分率,一票否决,/)
    expect(rows).toHaveLength(members + 1)

    await page.getByLabel('原始答卷的评价来源').selectOption('superior')
    const xlsx = unzip(await downloadFile(page, '导出原始答卷 Excel'))
    const sheet = [...xlsx.entries()].find(([name]) => name.startsWith('xl/worksheets/'))
    expect((sheet?.[1].toString('utf8').match(/<row /g) ?? []).length).toBe(superior + 1)
    const strings = xlsx.get('xl/sharedStrings.xml') ?? sheet?.[1]
    expect(strings?.toString('utf8')).toContain('答卷人')
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('offers no raw export to a secretary, who may not take members’ answers', async () => {
    const secretary = await signedInPage(browser, server.url, 'secretary@yardstick.local')
    const { page } = secretary
    await page.goto(`${server.url}/campaigns/${demoId}`)
    await page.locator('.ranking tbody tr').first().waitFor()
    await page.getByRole('link', { name: '导出 CSV' }).waitFor()
    expect(await page.getByRole('link', { name: /导出原始答卷/ }).count()).toBe(0)
    expect(secretary.problems).toEqual([])
    await secretary.context.close()
  }, 60_000)
})
