import { join } from 'node:path'
import { type Answers, templates } from '@yardstick/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  chromiumAvailable,
  type OpenedPage,
  openBranchCampaign,
  SCREENSHOTS,
  signedInPage,
  startAsAdmin,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer periods and stars e2e')
const NEXT = '2027年度党支部综合评定（下一期）'

/** Every item of the SDK's self-check template answered 是: no problem. */
function allYes(): Answers {
  const answers: Answers = {}
  for (const page of templates.selfCheck.pages ?? []) {
    for (const element of page.elements ?? []) {
      if (element.type === 'radiogroup') answers[element.name] = 'yes'
    }
  }
  return answers
}

type Results = { units: Array<{ unitId: number; name: string; grade: string | null }> }

describe.skipIf(!hasChromium)('periods and stars in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let admin: OpenedPage
  let token: string
  let demoId: number
  let results: Results

  beforeAll(async () => {
    ;({ server, browser, token, demoId, admin } = await startAsAdmin())
    results = await api<Results>(
      server,
      token,
      'GET',
      `/api/campaigns/${demoId}/results?limit=10000`,
    )
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('sets the 转化 plan of a branch graded lowest, which then lists as a rectification of that origin', async () => {
    const { page } = admin
    // A campaign of the demo secretary's branch whose only band above 后进 no score reaches,
    // its self-check submitted all 是 (no problem): graded 后进, with no rectification yet.
    const campaign = await openBranchCampaign(server, token, {
      form: '2026 年第四季度自查（转化）',
      name: '2026 年第四季度党支部自查（转化）',
      bands: [
        { min: 101, grade: '先进' },
        { min: 0, grade: '后进' },
      ],
    })
    const at = `/api/campaigns/${campaign.id}/self-checks/${campaign.unitId}`
    await api(server, campaign.secretary, 'PUT', at, { answers: allYes() })
    await api(server, campaign.secretary, 'POST', `${at}/approve`, { approvedOn: '2026-11-20' })
    await api(server, campaign.secretary, 'POST', `${at}/announce`)
    await api(server, campaign.secretary, 'POST', `${at}/submit`)

    await page.goto(`${server.url}/campaigns/${campaign.id}/units/${campaign.unitId}`)
    await page.getByRole('heading', { name: '转化工程' }).waitFor()
    await page.getByLabel('责任领导').fill('王书记（党委副书记）')
    await page.getByLabel('转化措施').fill('结对帮扶，每月集中学习一次')
    await page.getByLabel('完成时限').fill('2027-06-30')
    await page.getByRole('button', { name: '制定转化计划' }).click()
    await page.getByText('已制定转化计划，见下方整改清单。').waitFor()
    const row = page.locator('table.rectifications tr[data-origin="transformation"]')
    await until(() => row.count()).toBe(1)
    expect(await row.locator('td').first().textContent()).toBe('转化工程')
    // A branch graded higher has no such form.
    const advanced = results.units.find((unit) => unit.grade === '先进')
    await page.goto(`${server.url}/campaigns/${demoId}/units/${advanced?.unitId}`)
    await page.getByRole('heading', { name: '历期对比（评星晋级）' }).waitFor()
    expect(await page.getByRole('heading', { name: '转化工程' }).count()).toBe(0)
  })

  it('starts the next period from the campaign page and shows a branch across both periods', async () => {
    const { page } = admin
    await page.goto(`${server.url}/campaigns/${demoId}/admin`)
    await page.getByRole('button', { name: '开始下一期' }).click()
    const dialog = page.getByRole('dialog', { name: '开始下一期' })
    const name = dialog.getByLabel('下一期名称')
    // The suggestion is the period after this one, by the campaign's cadence.
    expect(await name.inputValue()).not.toBe('')
    await name.fill(NEXT)
    await dialog.getByRole('button', { name: '创建下一期草稿' }).click()
    await page.getByRole('heading', { name: `测评活动：${NEXT}` }).waitFor()
    const nextId = Number(/\/campaigns\/(\d+)\/admin/.exec(page.url())?.[1])
    expect(nextId).not.toBe(demoId)
    expect(await page.locator('.page-head [data-status]').getAttribute('data-status')).toBe('draft')
    const [before, after] = await Promise.all(
      [demoId, nextId].map((id) =>
        api<{ unitCount: number; sources: unknown[] }>(
          server,
          token,
          'GET',
          `/api/campaigns/${id}`,
        ),
      ),
    )
    expect(after?.unitCount).toBe(before?.unitCount)
    expect(after?.sources).toHaveLength(before?.sources.length ?? -1)

    // The series on a branch's page: last period graded, this one not yet.
    const graded = results.units.find((unit) => unit.grade !== null)
    await page.goto(`${server.url}/campaigns/${nextId}/units/${graded?.unitId}`)
    const series = page.locator('section.unit-series')
    await series.getByRole('heading', { name: '历期对比（评星晋级）' }).waitFor()
    const rows = series.locator('tbody tr')
    await until(() => rows.count()).toBe(2)
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(graded?.grade)
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('未评定')
    expect(await rows.nth(1).locator('th').textContent()).toBe(NEXT)
    await series.getByRole('img', { name: '各期综合得分' }).waitFor()
    await until(() => series.locator('canvas').count()).toBeGreaterThan(0)
    await page.getByText('上期或本期未评定，无法比较').first().waitFor()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SCREENSHOTS, 'unit-series-zh-CN-1440.png'), fullPage: true })

    // A second next period of the same campaign is refused, in words.
    await page.goto(`${server.url}/campaigns/${demoId}/admin`)
    await page.getByRole('button', { name: '开始下一期' }).click()
    await page.getByRole('button', { name: '创建下一期草稿' }).click()
    await page.getByText('本期已开始过下一期：每一期只能有一个下一期。').waitFor()
    expect(admin.problems.splice(0)).toEqual([expect.stringContaining('status of 409')])
  })

  it('raises a rectification from an assessor’s deduction on the branch’s page', async () => {
    const { page } = admin
    type Detail = { scorecards: Array<{ items: unknown[] }> | null }
    let unitId: number | undefined
    for (const unit of results.units) {
      const detail = await api<Detail>(
        server,
        token,
        'GET',
        `/api/campaigns/${demoId}/results/units/${unit.unitId}`,
      )
      if (detail.scorecards?.some((card) => card.items.length > 0)) {
        unitId = unit.unitId
        break
      }
    }
    expect(unitId, 'some demo scorecard deducts points').toBeDefined()
    await page.goto(`${server.url}/campaigns/${demoId}/units/${unitId}`)
    const item = page.locator('[data-section="scorecards"] tbody tr').first()
    await item.getByRole('button', { name: '提出整改' }).click()
    await item.getByText('已提出整改').waitFor()
    const row = page.locator('table.rectifications tr[data-origin="deduction"]')
    await until(() => row.count()).toBe(1)
    expect(await row.locator('td').first().textContent()).toBe('考评扣分')
  })

  it('shows a branch’s own secretary no 转化 form and no 提出整改 button: only the office above raises them', async () => {
    // A 后进 campaign of the demo secretary's branch, as above, with no plan yet.
    const campaign = await openBranchCampaign(server, token, {
      form: '2026 年第四季度自查（书记视角）',
      name: '2026 年第四季度党支部自查（书记视角）',
      bands: [
        { min: 101, grade: '先进' },
        { min: 0, grade: '后进' },
      ],
    })
    const at = `/api/campaigns/${campaign.id}/self-checks/${campaign.unitId}`
    await api(server, campaign.secretary, 'PUT', at, { answers: allYes() })
    await api(server, campaign.secretary, 'POST', `${at}/approve`, { approvedOn: '2026-11-20' })
    await api(server, campaign.secretary, 'POST', `${at}/announce`)
    await api(server, campaign.secretary, 'POST', `${at}/submit`)
    const secretary = await signedInPage(browser, server.url, 'secretary@yardstick.local')
    const { page } = secretary
    await page.goto(`${server.url}/campaigns/${campaign.id}/units/${campaign.unitId}`)
    await page.getByRole('heading', { name: '历期对比（评星晋级）' }).waitFor()
    expect(await page.getByText('后进').count()).toBeGreaterThan(0)
    expect(await page.getByRole('heading', { name: '转化工程' }).count()).toBe(0)
    // A demo branch whose assessor's scorecard deducts points, made the secretary's too: its
    // deductions are listed to them, with nothing to raise from them.
    type Detail = { scorecards: Array<{ items: unknown[] }> | null }
    let deducted: number | undefined
    for (const unit of results.units) {
      const path = `/api/campaigns/${demoId}/results/units/${unit.unitId}`
      const detail = await api<Detail>(server, token, 'GET', path)
      if (detail.scorecards?.some((card) => card.items.length > 0)) {
        deducted = unit.unitId
        break
      }
    }
    const me = await api<{ id: number }>(server, campaign.secretary, 'GET', '/api/me')
    await api(server, token, 'POST', `/api/users/${me.id}/grants`, {
      role: 'secretary',
      orgId: deducted,
    })
    await page.goto(`${server.url}/campaigns/${demoId}/units/${deducted}`)
    const items = page.locator('[data-section="scorecards"] tbody tr')
    await until(() => items.count()).toBeGreaterThan(0)
    expect(await page.getByRole('columnheader', { name: '整改', exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '提出整改' }).count()).toBe(0)
    // The office sees both on the same pages.
    await admin.page.goto(`${server.url}/campaigns/${campaign.id}/units/${campaign.unitId}`)
    await admin.page.getByRole('heading', { name: '转化工程' }).waitFor()
    await admin.page.goto(`${server.url}/campaigns/${demoId}/units/${deducted}`)
    await admin.page.locator('[data-section="scorecards"] tbody tr').first().waitFor()
    expect(
      await admin.page.getByRole('columnheader', { name: '整改', exact: true }).count(),
    ).toBeGreaterThan(0)
    expect(secretary.problems).toEqual([])
    await secretary.context.close()
  }, 120_000)
})
