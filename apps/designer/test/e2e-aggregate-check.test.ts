import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type OpenedPage,
  signedInPage,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

/**
 * 数据核对 on a campaign's settings page: the office admin checks the running totals against the
 * responses (`GET /api/campaigns/:id/aggregates/verify`) and reads the outcome in Chinese and in
 * English; whoever reads the campaign without managing it is not offered the check: a branch
 * secretary, and an editor of a sub-committee (another office) who sees the committee's campaign
 * through its branches there.
 */

const hasChromium = chromiumAvailable('designer aggregate check e2e')

describe.runIf(hasChromium)('checking a campaign’s totals, in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number
  beforeAll(async () => {
    ;({ server, browser, demoId, admin, token } = await startAsAdmin())
    // Building the designer can take minutes on a busy machine.
  }, 600_000)
  afterAll(() => stopRun({ server, browser }))

  const groupsIn = (text: string | null, pattern: RegExp) => Number(pattern.exec(text ?? '')?.[1])

  it('tells the office admin the totals agree, with the groups compared, in zh-CN and English', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${demoId}/settings`)
    await page.getByRole('heading', { name: '数据核对' }).waitFor()
    await page.getByRole('button', { name: '核对', exact: true }).click()
    const outcome = page.locator('[data-outcome]')
    await until(() => outcome.getAttribute('data-outcome'), 60_000).toBe('consistent')
    const zh = groupsIn(await outcome.textContent(), /^一致：已比对 (\d+) 组$/)
    expect(zh).toBeGreaterThan(0)

    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'en'))
    await page.reload()
    await page.getByRole('heading', { name: 'Check the totals' }).waitFor()
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await until(() => outcome.getAttribute('data-outcome'), 60_000).toBe('consistent')
    expect(groupsIn(await outcome.textContent(), /^Consistent: (\d+) groups compared$/)).toBe(zh)
    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'zh-CN'))
  })

  it('offers no check to a branch secretary', async () => {
    const { context, page } = await signedInPage(browser, server.url, 'secretary@yardstick.local')
    await page.goto(`${server.url}/campaigns/${demoId}/settings`)
    await page.getByRole('heading', { name: `活动设置：${DEMO_CAMPAIGN}` }).waitFor()
    await page.locator('form.settings-form').waitFor()
    expect(await page.getByRole('button', { name: '核对', exact: true }).count()).toBe(0)
    expect(await page.getByRole('heading', { name: '数据核对' }).count()).toBe(0)
    await context.close()
  })

  it('offers no check to an editor of a sub-committee who reads the committee’s campaign, in zh-CN and English', async () => {
    // The demo assessor of 综合部门分工委 is made an editor there too: an editor of another
    // office than the campaign's, who sees it through the sub-committee's branches.
    const assessor = await apiToken(server.url, 'assessor@yardstick.local')
    const me = await api<{ id: number; grants: Array<{ role: string; orgId: number }> }>(
      server,
      assessor,
      'GET',
      '/api/me',
    )
    const sub = me.grants.find((grant) => grant.role === 'assessor')?.orgId
    await api(server, token, 'POST', `/api/users/${me.id}/grants`, { role: 'editor', orgId: sub })
    const { context, page } = await signedInPage(browser, server.url, 'assessor@yardstick.local')
    await page.goto(`${server.url}/campaigns/${demoId}/settings`)
    await page.getByRole('heading', { name: `活动设置：${DEMO_CAMPAIGN}` }).waitFor()
    await page.locator('form.settings-form').waitFor()
    expect(await page.getByRole('heading', { name: '数据核对' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '核对', exact: true }).count()).toBe(0)
    // The settings are theirs to read, not to change: said, and every field and Save disabled.
    await page.getByText('只有本测评所属单位的管理员或编辑可以修改').waitFor()
    expect(await page.getByLabel('活动名称').isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: '保存设置' }).isDisabled()).toBe(true)

    await page.evaluate(() => localStorage.setItem('yardstick.locale', 'en'))
    await page.reload()
    await page.getByRole('heading', { name: `Settings: ${DEMO_CAMPAIGN}` }).waitFor()
    await page.locator('form.settings-form').waitFor()
    expect(await page.getByRole('heading', { name: 'Check the totals' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Check', exact: true }).count()).toBe(0)
    await page
      .getByText('only an administrator or editor of the campaign’s office can change them')
      .waitFor()
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true)
    await context.close()
  })
})
