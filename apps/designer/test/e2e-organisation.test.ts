import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  collectProblems,
  type OpenedPage,
  SCREENSHOTS,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer organisation e2e')
const SUB = '测试直属分工委'
const FIRST = '测试第一党支部'
const SECOND = '测试第二党支部'
const CAMPAIGN = '2026 年导入支部自查'
const SECRETARY = 'shuji.yi@e2e.yardstick.local'
const NEW_PASSWORD = 'Lantern-harbour-7319'

/** The branch office's spreadsheet: a sub-committee and two branches, in the columns offices use. */
const branchesCsv = (secondType: string) =>
  [
    '编码,名称,上级编码,层级,支部类型',
    `E2E-S,${SUB},,分工委,`,
    `E2E-01,${FIRST},E2E-S,党支部,机关`,
    `E2E-02,${SECOND},E2E-S,党支部,${secondType}`,
  ].join('\r\n')

/** Their secretaries, one per branch. */
const PEOPLE_CSV = [
  '姓名,邮箱,单位编码,角色',
  `第一支部 书记,${SECRETARY},E2E-01,书记`,
  '第二支部 书记,shuji.er@e2e.yardstick.local,E2E-02,书记',
].join('\r\n')

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}-zh-CN-1440.png`), fullPage: true })

/** Chooses a CSV in the import's file field and tries it (the dry run). */
async function tryFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('选择文件（CSV 或 Excel .xlsx）').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  })
  await page.getByRole('button', { name: '试导入（只检查，不写入）' }).click()
  await page.getByRole('heading', { name: '试导入结果' }).waitFor()
}

describe.skipIf(!hasChromium)('an office brings its own organisation, in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let temporaryPassword = ''

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    admin = await signedInPage(browser, server.url, 'admin@yardstick.local', '需要关注')
  }, 240_000)

  afterAll(() => stopRun({ browser, server }))

  it('imports a spreadsheet of branches: the dry run shows the bad row, the fixed file applies', async () => {
    const { page } = admin
    await page.getByRole('link', { name: '系统管理' }).click()
    await page.getByRole('heading', { name: '组织管理', exact: true }).waitFor()
    await page
      .getByRole('navigation', { name: '系统管理' })
      .getByRole('link', { name: '导入组织' })
      .click()
    await page.getByRole('heading', { name: '导入组织', exact: true }).waitFor()

    // An unknown branch type on the spreadsheet's row 4: refused by row, column and reason.
    await tryFile(page, '支部.csv', branchesCsv('外星单位'))
    const bad = page.locator('.import-table tbody[data-action="refuse"] tr[data-row="4"]')
    await expect(bad.textContent()).resolves.toContain(SECOND)
    await expect(bad.textContent()).resolves.toContain('支部类型不认识')
    await expect(bad.locator('td').nth(3).textContent()).resolves.toBe('类型')
    await page.getByText('有问题 1', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true)
    await shot(page, 'org-import-dry-run')

    // The file fixed: three units to create, nothing refused; applying writes them.
    await tryFile(page, '支部（改）.csv', branchesCsv('学校'))
    await page.getByText('新建 3', { exact: true }).waitFor()
    expect(await page.locator('tbody[data-action="refuse"]').count()).toBe(0)
    await page.getByRole('button', { name: '正式导入' }).click()
    await page.getByRole('heading', { name: '导入完成' }).waitFor()
    await shot(page, 'org-import-applied')

    // The tree shows them, with their codes and types.
    await page
      .getByRole('navigation', { name: '系统管理' })
      .getByRole('link', { name: '组织管理' })
      .click()
    await page.getByLabel('按名称或编码查找').fill('E2E')
    const row = page.locator('.org-tree tr').filter({ hasText: SECOND })
    await until(() => row.textContent()).toContain('E2E-02')
    await expect(row.textContent()).resolves.toContain('学校')
    await shot(page, 'org-tree')
    expect(admin.problems.splice(0)).toEqual([])
  }, 120_000)

  it('imports the branches’ secretaries and lists each new account’s temporary password once', async () => {
    const { page } = admin
    await page
      .getByRole('navigation', { name: '系统管理' })
      .getByRole('link', { name: '导入人员' })
      .click()
    await page.getByRole('heading', { name: '导入人员', exact: true }).waitFor()
    await tryFile(page, '书记.csv', PEOPLE_CSV)
    await page.getByText('新建 2', { exact: true }).waitFor()
    await page.getByRole('button', { name: '正式导入' }).click()
    await page.getByRole('heading', { name: '新账号的临时密码（2 个）' }).waitFor()
    temporaryPassword =
      (await page.locator(`tr[data-credential="${SECRETARY}"] td.mono`).textContent()) ?? ''
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10)
    await shot(page, 'people-import-credentials')
    expect(admin.problems.splice(0)).toEqual([])
  }, 60_000)

  it('makes the secretary change the temporary password, refusing a weak one in words, then shows their branch home with a campaign over the imported branches', async () => {
    // A campaign over the two imported branches (through the API), open now.
    const token = await apiToken(server.url, 'admin@yardstick.local')
    const tree = await api<{ items: Array<{ id: number; name: string; children?: unknown[] }> }>(
      server,
      token,
      'GET',
      '/api/orgs',
    )
    const ids = branchIds(tree.items, [FIRST, SECOND])
    expect(ids).toHaveLength(2)
    const form = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
      title: '导入支部的自查表',
      template: 'selfCheck',
    })
    const version = await api<{ id: number }>(
      server,
      token,
      'POST',
      `/api/forms/${form.id}/publish`,
      {
        note: '首版',
      },
    )
    const campaign = await api<{ id: number }>(server, token, 'POST', '/api/campaigns', {
      name: CAMPAIGN,
      cadence: 'quarterly',
      opensAt: '2026-01-01T00:00:00+08:00',
      closesAt: '2027-12-31T23:59:59+08:00',
      units: { ids },
      sources: [
        { key: 'self', weight: 100, required: true, measure: 'percent', formVersion: version.id },
      ],
      bands: [{ min: 0, grade: '达标' }],
    })
    await api(server, token, 'POST', `/api/campaigns/${campaign.id}/open`)

    // The secretary signs in with the temporary password, on a computer of their own.
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    // The weak password's refusal is a 422 the browser logs; anything else is a problem.
    const problems = collectProblems(page, (m) => m.text().includes('status of 422'))
    await page.goto(server.url)
    await page.getByLabel('邮箱').fill(SECRETARY)
    await page.getByLabel('密码').fill(temporaryPassword)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '修改密码', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/account/password')
    // Nowhere else to go until it is changed.
    expect(await page.locator('.app-nav a').count()).toBe(0)
    await page.goto(`${server.url}/branch`)
    await page.getByRole('heading', { name: '修改密码', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/account/password')

    // A common password is refused, and why is said in words.
    await page.getByLabel('当前密码').fill(temporaryPassword)
    await page.getByLabel('新密码', { exact: true }).fill('password123')
    await page.getByLabel('再次输入新密码').fill('password123')
    await page.getByRole('button', { name: '修改密码' }).click()
    const refusal = page.locator('main [role="alert"]')
    await until(() => refusal.textContent()).toContain('密码强度不够')
    await expect(refusal.textContent()).resolves.toMatch(/常见密码|太容易猜到|太短/)
    await shot(page, 'password-weak-refused')

    // A strong one: on to the branch's home, which lists the campaign over the imported branches.
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: '修改密码' }).click()
    await page.getByRole('heading', { name: '支部自检自查', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/branch')
    await page.locator('.branch-campaigns > li').filter({ hasText: CAMPAIGN }).waitFor()
    await shot(page, 'branch-home-imported-secretary')

    // The new password signs in; the temporary one no longer does.
    await expect(apiLogin(server, SECRETARY, NEW_PASSWORD)).resolves.toBe(200)
    await expect(apiLogin(server, SECRETARY, temporaryPassword)).resolves.toBe(401)
    expect(problems).toEqual([])
    await context.close()
  }, 120_000)

  it('lets the admin add and retire a unit on the tree, reset a password shown once, and read it all in the log', async () => {
    const { page } = admin
    const tabs = page.getByRole('navigation', { name: '系统管理' })
    await tabs.getByRole('link', { name: '组织管理' }).click()
    await page.getByLabel('按名称或编码查找').fill('E2E')
    await page.getByRole('button', { name: `在 ${SUB} 下添加组织` }).click()
    await page.getByLabel('名称', { exact: true }).fill('测试第三党支部')
    await page.getByLabel('支部类型').selectOption({ label: '企业' })
    await page.getByLabel('编码', { exact: true }).fill('E2E-03')
    await page.getByRole('button', { name: '添加', exact: true }).click()
    await page.getByText(`已在「${SUB}」下添加「测试第三党支部」`).waitFor()
    await page.getByRole('button', { name: '撤销 测试第三党支部' }).click()
    await page.getByText('撤销后，「测试第三党支部」及其下级保留全部历史记录').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('已撤销「测试第三党支部」').waitFor()
    const third = page.locator('.org-tree tr.retired').filter({ hasText: '测试第三党支部' })
    await until(() => third.textContent()).toContain('已撤销')

    // A password reset: confirmed, then the temporary password shown once with a copy button.
    await tabs.getByRole('link', { name: '人员与角色' }).click()
    await page.getByLabel('按姓名或邮箱查找').fill('shuji.er')
    const row = page.locator('tr[data-user="shuji.er@e2e.yardstick.local"]')
    await until(() => row.textContent()).toContain(`${SECOND} · 支部书记`)
    page.once('dialog', (dialog) => void dialog.accept())
    await row.getByRole('button', { name: /重置密码/ }).click()
    const shown = page.locator('[data-temporary-password="shuji.er@e2e.yardstick.local"]')
    await until(async () => ((await shown.textContent()) ?? '').length).toBeGreaterThanOrEqual(10)
    await page.getByRole('button', { name: '复制临时密码' }).waitFor()
    await shot(page, 'users-temporary-password')

    // The log: the import, the new unit and its retirement, each in words.
    await tabs.getByRole('link', { name: '操作日志' }).click()
    await page.getByRole('heading', { name: '操作日志', exact: true }).waitFor()
    const retired = page.locator('.audit-table tr[data-action="org.retire"]').first()
    await until(() => retired.textContent()).toContain('组织撤销')
    await page.locator('.audit-table tr[data-action="user.resetPassword"]').first().waitFor()
    await page.locator('.audit-table tr[data-action="org.create"]').first().waitFor()
    await shot(page, 'audit-log')
    expect(admin.problems.splice(0)).toEqual([])
  }, 60_000)
})

/** The ids of the branches named, anywhere in the tree. */
function branchIds(
  nodes: ReadonlyArray<{ id: number; name: string; children?: unknown[] }>,
  names: readonly string[],
): number[] {
  const found: number[] = []
  const walk = (list: ReadonlyArray<{ id: number; name: string; children?: unknown[] }>) => {
    for (const node of list) {
      if (names.includes(node.name)) found.push(node.id)
      walk((node.children ?? []) as typeof list)
    }
  }
  walk(nodes)
  return found
}

async function apiLogin(server: TestServer, email: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return response.status
}
