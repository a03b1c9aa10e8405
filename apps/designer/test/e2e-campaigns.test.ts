import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignResults, Page as ListPage, UnitResult } from '../src/api/types'
import {
  chromiumAvailable,
  DEMO_CAMPAIGN,
  downloadFile,
  type OpenedPage,
  SCREENSHOTS,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
  unzip,
} from './harness'

const hasChromium = chromiumAvailable('designer campaigns e2e')
const NEW_CAMPAIGN = '2026年第四季度综合部门考评（端到端）'

describe.skipIf(!hasChromium)('campaigns and results in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number
  /** The JavaScript files the browser fetched, in order (to see what loads when). */
  const scripts: string[] = []

  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }

  beforeAll(async () => {
    ;({ server, browser, token, demoId, admin } = await startAsAdmin())
    admin.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    })
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('creates a campaign with a live policy preview, opens and closes it, copies a link and an embed snippet, issues tokens', async () => {
    const { page } = admin
    await page.getByRole('link', { name: '测评活动', exact: true }).click()
    await page.getByRole('link', { name: '新建测评活动' }).click()
    await page.getByRole('heading', { name: '新建测评活动' }).waitFor()
    // No chart on the way here: ECharts stays out of every bundle loaded so far.
    expect(scripts.filter((s) => /BarChart/.test(s))).toEqual([])

    // Each source gets the newest version of the demo form of its kind.
    for (const source of ['自评', '党员群众测评', '上级考评']) {
      const version = page.getByLabel(`${source}发布版本`)
      await until(() => version.inputValue()).not.toBe('')
    }

    // The preview grades the samples with the SDK, and follows every edit.
    const result = (n: number) => page.locator(`tr[data-sample="${n}"] .preview-result`)
    await until(() => result(1).getAttribute('data-grade')).toBe('先进')
    // The quota (先进 at most 20 % of five graded) moves B down; D lacks participation.
    expect(await result(2).textContent()).toContain('受名额限制降档')
    expect(await result(4).textContent()).toContain('评价来源“党员群众测评”只有')
    expect(await result(4).textContent()).toContain('少于最低要求的 5 份')
    expect(await result(6).getAttribute('data-grade')).toBe('后进')
    await page.getByLabel('示例支部 A 上级考评得分').fill('20')
    await until(() => result(1).getAttribute('data-grade')).toBe('达标')
    await until(() => result(2).getAttribute('data-grade')).toBe('先进')
    await page.getByLabel('示例支部 A 一票否决').check()
    await until(() => result(1).textContent()).toContain('一票否决')
    await until(() => result(1).getAttribute('data-grade')).toBe('后进')
    // A rule the SDK refuses is named next to its field and in the preview.
    await page.getByLabel('第 2 档最低分').fill('95')
    await until(() => page.getByLabel('第 2 档最低分').getAttribute('aria-invalid')).toBe('true')
    await page.getByText('规则无法计算').waitFor()
    await page.getByLabel('第 2 档最低分').fill('60')
    await until(() => page.getByText('规则无法计算').count()).toBe(0)
    await page.getByLabel('自评权重').fill('20')
    await page.getByLabel('上级考评权重').fill('50')

    // The server's own validation lands next to the field it names (an empty name).
    await page.getByLabel('活动名称').fill('')
    await page.getByRole('button', { name: '创建活动' }).click()
    const nameIssue = page.locator('.field-issue').first()
    await nameIssue.waitFor()
    expect(await page.getByLabel('活动名称').getAttribute('aria-invalid')).toBe('true')
    expect(await nameIssue.textContent()).toBe('不能为空')
    expect(await page.getByLabel('活动名称').getAttribute('aria-describedby')).toBe(
      await nameIssue.getAttribute('id'),
    )
    // The browser logs that refused request; it is the one expected, and nothing else so far.
    expect(admin.problems.splice(0)).toEqual([expect.stringContaining('status of 400')])

    await page.getByLabel('活动名称').fill(NEW_CAMPAIGN)
    await page.getByLabel('周期').selectOption('quarterly')
    const orgs = await call<{ items: Array<{ children: Array<{ id: number; name: string }> }> }>(
      '/api/orgs',
    )
    const sub = orgs.items[0]?.children.find((o) => o.name === '综合部门分工委')
    await page.getByLabel('参评党支部（按组织）').selectOption(String(sub?.id))
    await page.getByLabel('向答题人显示得分').check()
    await page.screenshot({ path: join(SCREENSHOTS, 'campaign-creation.png'), fullPage: true })
    await page.getByRole('button', { name: '创建活动' }).click()

    await page.getByRole('heading', { name: `测评活动：${NEW_CAMPAIGN}` }).waitFor()
    const id = Number(/\/campaigns\/(\d+)\/admin/.exec(page.url())?.[1])
    expect(
      await page.getByRole('link', { name: '测评活动', exact: true }).getAttribute('aria-current'),
    ).toBe('page')
    const created = await call<{
      status: string
      unitCount: number
      cadence: string
      showScore: boolean
      sources: Array<{ key: string; weight: number }>
    }>(`/api/campaigns/${id}`)
    expect(created).toMatchObject({
      status: 'draft',
      unitCount: 20,
      cadence: 'quarterly',
      showScore: true,
    })
    await page.getByText('答题人提交后可看到本人得分').waitFor()
    expect(created.sources.map((s) => [s.key, s.weight])).toEqual([
      ['self', 20],
      ['members', 30],
      ['superior', 50],
    ])

    // Open, close, reopen.
    const status = page.locator('.page-head [data-status]')
    await page.getByRole('button', { name: '开始测评' }).click()
    await until(() => status.getAttribute('data-status')).toBe('open')
    await page.getByRole('button', { name: '结束测评' }).click()
    await until(() => status.getAttribute('data-status')).toBe('closed')
    await page.getByRole('button', { name: '重新开始' }).click()
    await until(() => status.getAttribute('data-status')).toBe('open')

    // One link per branch and source; copy one's URL and its embed snippet.
    const links = page.locator('.links-table tbody tr')
    await until(() => links.count()).toBe(60)
    const row = page.locator('.links-table tbody tr[data-source="members"]').first()
    await row.getByRole('button', { name: '复制链接' }).click()
    await row.getByText('已复制').waitFor()
    const url = await page.evaluate(() => navigator.clipboard.readText())
    expect(url).toMatch(new RegExp(`^${server.url}/s/[\\w-]+$`))
    const slug = url.split('/s/')[1] as string
    const link = await fetch(`${server.url}/api/links/${slug}`)
    expect(link.status).toBe(200)
    await row.getByRole('button', { name: '复制嵌入代码' }).click()
    // The members' survey is anonymous: the snippet says where each respondent's token goes.
    expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')).toEqual([
      `<script type="module" src="${server.url}/embed.js"></script>`,
      expect.stringMatching(/^<!-- 把 token 属性中的 TOKEN 换成答题人的一次性答题凭证.* -->$/),
      `<yardstick-survey server="${server.url}" link="${slug}" token="TOKEN" locale="zh-cn"></yardstick-survey>`,
    ])

    // Tokens: issued once, offered as CSV, JSON and a sheet that prints alone.
    await page.getByLabel('凭证数量').fill('5')
    await page.getByRole('button', { name: '生成凭证' }).click()
    await page.getByText(/生成 5 张凭证/).waitFor()
    expect(await page.locator('.token-sheet .slip').count()).toBe(5)
    const csv = await downloaded(page, '下载 CSV')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('token,link')
    expect(lines).toHaveLength(6)
    const tokens = lines.slice(1).map((l) => l.split(',')[0])
    for (const line of lines.slice(1)) expect(line).toContain(`${server.url}/s/`)
    const json = JSON.parse(await downloaded(page, '下载 JSON')) as { tokens: string[] }
    expect(json.tokens).toEqual(tokens)
    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => {
        ;(window as unknown as { printed: number }).printed++
      }
    })
    await page.getByRole('button', { name: '打印凭证' }).click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await page.locator('.links-table').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '生成凭证' }).isVisible()).toBe(false)
    expect(await page.locator('.token-sheet .slip').first().isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
    expect(admin.problems).toEqual([])
  }, 90_000)

  it("opens the demo campaign's dashboard: charts, participation, sort, filter, search, per-question charts", async () => {
    const { page } = admin
    await page.getByRole('link', { name: '测评活动', exact: true }).click()
    await page
      .locator('tr', { hasText: DEMO_CAMPAIGN })
      .getByRole('link', { name: '查看结果' })
      .click()
    // Grades and stars, each an ECharts canvas: the chart chunk loads only now.
    await until(() => page.locator('.results-top canvas').count()).toBe(2)
    expect(scripts.filter((s) => /BarChart/.test(s))).toHaveLength(1)
    const legend = await page.locator('.results-top .legend').textContent()
    expect(legend).toMatch(/先进：\d+ 个/)
    expect(legend).toMatch(/5 星：\d+ 个/)
    const participation = await page.locator('.participation').textContent()
    expect(participation).toContain('单位 60 个')
    expect(participation).toMatch(/党员群众测评：\d+ 份答卷，覆盖 60 个单位/)
    // The units, and each of the demo's four sources (自评, 党员群众测评, 上级考评, 述职评议).
    expect(await page.locator('.participation meter').count()).toBe(5)

    const cells = (column: number) =>
      page
        .locator(`.ranking-table tbody tr[data-unit-id] td:nth-child(${column})`)
        .allTextContents()
    const composites = async () => (await cells(4)).filter((c) => c !== '—').map((c) => Number(c))
    await until(async () => (await cells(1))[0]).toBe('1')
    await page.getByRole('button', { name: '按综合得分排序' }).click()
    await until(() => page.locator('th[aria-sort="descending"]').textContent()).toContain(
      '综合得分',
    )
    const down = await composites()
    expect(down.length).toBeGreaterThan(10)
    expect(down).toEqual([...down].sort((a, b) => b - a))
    await page.getByRole('button', { name: '按综合得分排序' }).click()
    await until(() => page.locator('th[aria-sort="ascending"]').textContent()).toContain('综合得分')
    const up = await composites()
    expect(up).toEqual([...up].sort((a, b) => a - b))
    expect(up[0]).toBeLessThan(down[0] as number)

    const shown = () => page.locator('.ranking-count').textContent()
    await page.getByLabel('分工委').selectOption({ label: '综合部门分工委' })
    await until(shown).toBe('显示 20 / 20')
    await page.getByLabel('支部类型').selectOption('organ')
    await until(shown).toBe('显示 5 / 5')
    expect(new Set(await cells(3))).toEqual(new Set(['机关']))
    await page.getByLabel('支部类型').selectOption('')
    await page.getByLabel('分工委').selectOption('')
    await until(shown).toBe('显示 60 / 60')
    await page.getByLabel('搜索支部').fill('办公室')
    await until(shown).toBe('显示 3 / 60')
    for (const name of await cells(2)) expect(name).toContain('办公室')
    await page.getByLabel('搜索支部').fill('')

    // Per-question figures of the members' survey: pooled satisfaction and one chart a question.
    const questions = page.locator('.questions')
    await until(() => questions.locator('.overall').textContent()).toMatch(/总体满意率 \d/)
    await until(() => questions.locator('figure.question canvas').count()).toBe(10)
    expect(await questions.locator('figure.question').first().textContent()).toMatch(
      /满意率 \d+(\.\d)?%/,
    )
    await page.getByRole('img', { name: '各方面满意率' }).locator('canvas').waitFor()
    expect(await questions.locator('figure.question li').first().textContent()).toMatch(
      /^(满意|基本满意|不满意)：\d+（/,
    )
    await page.getByRole('button', { name: '按名次排序' }).click()
    await until(async () => (await cells(1))[0]).toBe('1')
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true })
    expect(admin.problems).toEqual([])
  }, 60_000)

  it('exports the results as CSV and XLSX, and both parse with every branch', async () => {
    const { page } = admin
    const csv = await downloaded(page, '导出 CSV')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = csv.slice(1).trim().split('\r\n')
    expect(rows[0]).toContain('支部')
    expect(rows[0]).toContain('等次')
    expect(rows).toHaveLength(61)
    const xlsx = await downloadFile(page, '导出 Excel')
    const files = unzip(xlsx)
    expect([...files.keys()]).toEqual(expect.arrayContaining(['xl/workbook.xml']))
    const sheet = [...files.entries()].find(([name]) => name.startsWith('xl/worksheets/'))
    const rowsInSheet = (sheet?.[1].toString('utf8').match(/<row /g) ?? []).length
    expect(rowsInSheet).toBe(61)
    const strings = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? sheet?.[1].toString()
    expect(strings).toContain('办公室第一党支部')
  }, 30_000)

  it("opens a branch's detail: each source, the self-check's problems and rectifications with status and overdue", async () => {
    const { page } = admin
    const list = await call<ListPage<{ id: number; unitId: number; unitName: string }>>(
      `/api/campaigns/${demoId}/rectifications?limit=100`,
    )
    const first = list.items[0]
    if (!first) throw new Error('the demo campaign has no rectifications')
    const ofUnit = list.items.filter((r) => r.unitId === first.unitId)
    // One is overdue (deadline passed), another fixed: both shown as such.
    await call(`/api/rectifications/${ofUnit[0]?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ deadline: '2020-01-31' }),
    })
    if (ofUnit[1]) {
      await call(`/api/rectifications/${ofUnit[1].id}`, {
        method: 'PATCH',
        body: JSON.stringify({ status: 'fixed', evidence: '支委会会议记录（2026-03-02）' }),
      })
    }
    await page.getByLabel('搜索支部').fill(first.unitName)
    await page.getByRole('link', { name: first.unitName, exact: true }).click()
    await page.getByRole('heading', { name: first.unitName }).waitFor()
    await until(() => page.locator('tr[data-source]').count()).toBe(4)
    expect(await page.locator('tr[data-source="members"]').textContent()).toContain('满意率')
    expect(await page.locator('ol.problems li').count()).toBe(ofUnit.length)
    const rects = page.locator('table.rectifications tbody tr')
    expect(await rects.count()).toBe(ofUnit.length)
    const overdue = page.locator('table.rectifications tr[data-overdue="true"]')
    expect(await overdue.count()).toBe(1)
    expect(await overdue.textContent()).toContain('已逾期')
    expect(await overdue.textContent()).toContain('未整改')
    if (ofUnit[1]) {
      expect(await page.locator('tr[data-status="fixed"]').textContent()).toContain('已整改')
    }
    expect(await page.locator('.unit-detail').textContent()).toContain('已上报')
    expect(admin.problems).toEqual([])
  }, 30_000)

  it('keeps the ranking fast with 6,280 branches: only the rows in view are in the page, and sort still works', async () => {
    const { page } = admin
    const path = new RegExp(`/api/campaigns/${demoId}/results\\?`)
    await page.route(path, async (route) => {
      const real = (await (await route.fetch()).json()) as CampaignResults
      const template = real.units[0] as UnitResult
      const units = Array.from({ length: 6280 }, (_, i): UnitResult => {
        const composite = 100 - ((i * 37) % 6280) / 100
        return {
          ...template,
          unitId: 100_000 + i,
          name: `合成第${i + 1}党支部`,
          composite,
          rank: null,
          grade: composite >= 90 ? '先进' : '达标',
          stars: composite >= 90 ? 5 : 3,
          incomplete: null,
        }
      })
      await route.fulfill({ json: { ...real, total: units.length, units } })
    })
    await page.goto(`${server.url}/campaigns/${demoId}`)
    const shown = () => page.locator('.ranking-count').textContent()
    await until(shown).toBe('显示 6280 / 6280')
    const rendered = page.locator('.ranking-table tbody tr[data-unit-id]')
    expect(await rendered.count()).toBeLessThan(80)
    expect(await page.locator('.ranking-table').getAttribute('aria-rowcount')).toBe('6281')

    await page.getByRole('button', { name: '按综合得分排序' }).click()
    await until(() => rendered.first().locator('td').nth(3).textContent()).toBe('100.0')
    await page.locator('.ranking').evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    await until(() => rendered.last().getAttribute('aria-rowindex')).toBe('6281')
    expect(await rendered.count()).toBeLessThan(80)
    await page.getByLabel('搜索支部').fill('合成第6280党支部')
    await until(shown).toBe('显示 1 / 6280')
    await page.unroute(path)
    expect(admin.problems).toEqual([])
  }, 60_000)
})

/** Clicks a control that downloads a file (an export's link, a token sheet's button): its text. */
async function downloaded(page: Page, name: string): Promise<string> {
  return (await downloadFile(page, name, name.startsWith('导出') ? 'link' : 'button')).toString(
    'utf8',
  )
}
