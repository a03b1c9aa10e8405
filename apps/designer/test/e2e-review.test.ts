import { join } from 'node:path'
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

const hasChromium = chromiumAvailable('designer review e2e')
const FORM = '2026 年度自检自查（评审测试）'

const row = (page: Page, name: string) => page.locator(`.tree-row[data-name="${name}"]`)
const thread = (page: Page, body: string) =>
  page.locator('.comment-thread').filter({ has: page.getByText(body, { exact: true }) })

/**
 * Types a date into a native date field as a person does. SurveyJS's date inputs ignore a
 * programmatic fill, and the field's order of day, month and year follows the browser's locale,
 * so each order is tried until the field holds the date.
 */
async function typeDate(field: Locator, iso: string) {
  const [y = '', m = '', d = ''] = iso.split('-')
  for (const digits of [m + d + y, y + m + d, d + m + y]) {
    await field.click()
    await field.pressSequentially(digits)
    if ((await field.inputValue()) === iso) return
    await field.fill('')
  }
  throw new Error(`the date field did not take ${iso}`)
}

describe.skipIf(!hasChromium)('review, publishing and co-filling in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let editor: OpenedPage
  let reviewer: OpenedPage
  let formId: number

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    const token = await apiToken(server.url, 'editor@yardstick.local')
    formId = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: FORM,
        template: 'selfCheck',
      })
    ).id
    ;[editor, reviewer] = await Promise.all([
      signedInPage(browser, server.url, 'editor@yardstick.local'),
      signedInPage(browser, server.url, 'reviewer@yardstick.local'),
    ])
    for (const { page } of [editor, reviewer]) {
      await page.goto(`${server.url}/forms/${formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor()
      await page.getByRole('tab', { name: /评审意见/ }).click()
    }
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('a reviewer comments on a question; the editor sees it within seconds, replies and resolves it', async () => {
    // The reviewer reads the live form (read-only) and comments on the first self-check item.
    await row(reviewer.page, 'theoryStudy').click()
    const box = reviewer.page.getByLabel(/的意见$/)
    await box.fill('第 1 项表述过长，建议精简为一句话。')
    await reviewer.page.getByRole('button', { name: '发表', exact: true }).click()
    await thread(reviewer.page, '第 1 项表述过长，建议精简为一句话。').waitFor()

    // The editor's browser shows it within a few seconds (polling with an ETag), under the item.
    const seen = thread(editor.page, '第 1 项表述过长，建议精简为一句话。')
    await seen.waitFor({ timeout: 6000 })
    const group = editor.page.locator('.comment-group[data-element-name="theoryStudy"]')
    expect(await group.locator('.comment-thread').count()).toBe(1)
    expect(await editor.page.getByRole('tab', { name: /评审意见/ }).textContent()).toContain('1')

    // Clicking the element's heading selects it in the editor.
    await row(editor.page, 'threeMeetingsOneLesson').click()
    await group.getByRole('button', { name: '选中“theoryStudy”' }).click()
    await expect
      .poll(() => editor.page.locator('.tree-row.selected').getAttribute('data-name'))
      .toBe('theoryStudy')

    // The editor replies; the reviewer sees the reply.
    await seen.getByLabel(/^回复/).fill('已精简，请再看。')
    await seen.getByRole('button', { name: '发送' }).click()
    await seen.getByText('已精简，请再看。').waitFor()
    await thread(reviewer.page, '第 1 项表述过长，建议精简为一句话。')
      .getByText('已精简，请再看。')
      .waitFor({ timeout: 6000 })
    await editor.page.screenshot({ path: join(SCREENSHOTS, 'review-comment-thread.png') })

    // The editor resolves it: it leaves the open list for both, and comes back when reopened.
    await seen.getByRole('button', { name: '标记已解决' }).click()
    await expect.poll(() => seen.count()).toBe(0)
    await expect
      .poll(() => thread(reviewer.page, '第 1 项表述过长，建议精简为一句话。').count(), {
        timeout: 6000,
      })
      .toBe(0)
    await reviewer.page.getByLabel('显示已解决').check()
    const resolved = thread(reviewer.page, '第 1 项表述过长，建议精简为一句话。')
    await resolved.getByText('已解决（组织处 表单设计）').waitFor()
    await resolved.getByRole('button', { name: '重新打开' }).click()
    await seen.waitFor({ timeout: 6000 })

    expect(editor.problems).toEqual([])
    expect(reviewer.problems).toEqual([])
  }, 60_000)

  it('a thread stays on its question through a rename, and stays listed, orphaned, when it is deleted', async () => {
    await row(reviewer.page, 'partyDues').click()
    await reviewer.page.getByLabel(/的意见$/).fill('党费一项是否需要补充收缴标准？')
    await reviewer.page.getByRole('button', { name: '发表', exact: true }).click()
    const seen = thread(editor.page, '党费一项是否需要补充收缴标准？')
    await seen.waitFor({ timeout: 6000 })

    // Renaming the question keeps the thread on it (anchored to the element's id, not its name).
    await row(editor.page, 'partyDues').click()
    const name = editor.page.getByLabel('名称（英文标识）')
    await name.fill('partyDuesPaid')
    await name.press('Enter')
    await editor.page
      .locator('.comment-group[data-element-name="partyDuesPaid"]')
      .getByText('党费一项是否需要补充收缴标准？')
      .waitFor()

    // Deleting it leaves the thread, marked.
    await row(editor.page, 'partyDuesPaid').focus()
    await editor.page.keyboard.press('Delete')
    await expect.poll(() => row(editor.page, 'partyDuesPaid').count()).toBe(0)
    const orphan = editor.page.locator('.comment-group.orphaned')
    await orphan.getByText('所评元素已被删除').waitFor()
    expect(await orphan.textContent()).toContain('党费一项是否需要补充收缴标准？')
    await editor.page.keyboard.press('Control+z')
    // (The undo may take the rename with it: both fell within the 500 ms capture window.)
    await expect.poll(() => editor.page.locator('.comment-group.orphaned').count()).toBe(0)
    expect(
      await editor.page
        .locator('.comment-group:not(.orphaned)')
        .filter({ hasText: '党费一项是否需要补充收缴标准？' })
        .count(),
    ).toBe(1)
    expect(editor.problems).toEqual([])
  }, 60_000)

  it('lists every thread of a form with more than one page of them (105 threads, pages of 100)', async () => {
    const reviewerToken = await apiToken(server.url, 'reviewer@yardstick.local')
    const elementId = (await row(editor.page, 'threeMeetingsOneLesson').getAttribute(
      'data-node-id',
    )) as string
    for (let n = 1; n <= 105; n++) {
      await api(server, reviewerToken, 'POST', `/api/forms/${formId}/comments`, {
        elementId,
        elementName: 'threeMeetingsOneLesson',
        body: `批量意见 ${n}`,
      })
    }
    const group = editor.page.locator('.comment-group[data-element-name="threeMeetingsOneLesson"]')
    await expect.poll(() => group.locator('.comment-thread').count(), { timeout: 10_000 }).toBe(105)
    // The oldest, on the second page, is there.
    await group.getByText('批量意见 1', { exact: true }).waitFor()
    expect(editor.problems).toEqual([])
  }, 60_000)

  it('publishing asks for a note, is refused with the errors listed while invalid, and shows the new version; any two versions compare', async () => {
    const { page } = editor
    // Make the form invalid: two questions with one name.
    await row(page, 'threeMeetingsOneLesson').click()
    const name = page.getByLabel('名称（英文标识）')
    await name.fill('theoryStudy')
    await name.press('Enter')
    await page.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(/表单还有 \d+ 个错误/).waitFor()
    expect(await dialog.locator('.publish-issues li').count()).toBeGreaterThan(0)
    expect(await dialog.locator('.publish-issues').textContent()).toContain('theoryStudy')
    await dialog.getByLabel('发布说明').fill('不应发布')
    expect(await dialog.getByRole('button', { name: '确认发布' }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()

    // Fixed: the note is still required.
    await name.fill('threeMeetingsOneLesson')
    await name.press('Enter')
    const publish = async (note: string, version: number) => {
      await page.getByRole('button', { name: '发布', exact: true }).click()
      const d = page.getByRole('dialog')
      await d.getByText('必填：说明这一版改了什么').waitFor()
      expect(await d.getByRole('button', { name: '确认发布' }).isDisabled()).toBe(true)
      await d.getByLabel('发布说明').fill(note)
      await d.getByRole('button', { name: '确认发布' }).click()
      await page.getByText(`已发布第 ${version} 版`).waitFor()
    }
    await publish('第一版：评审前', 1)
    await page.getByRole('button', { name: '一票否决项' }).click()
    await expect.poll(() => row(page, 'veto1').count()).toBe(1)
    await publish('第二版：增加否决项', 2)
    await page.getByRole('button', { name: '加分项' }).click()
    await expect.poll(() => row(page, 'bonus1').count()).toBe(1)
    await publish('第三版：增加加分项', 3)

    // History: author, time and note; compare version 1 with version 3 directly.
    await page.getByRole('tab', { name: /版本/ }).click()
    const v3 = page.locator('li[data-version="3"]')
    await v3.getByText('第三版：增加加分项').waitFor()
    expect(await v3.textContent()).toContain('组织处 表单设计')
    await page.getByLabel('从', { exact: true }).selectOption('1')
    await page.getByLabel('到', { exact: true }).selectOption('3')
    await page.getByRole('button', { name: '显示差异' }).click()
    const diff = page.locator('.compare-picker .version-diff')
    await expect.poll(() => diff.textContent()).toContain('veto1')
    expect(await diff.textContent()).toContain('bonus1')
    expect(await diff.textContent()).toContain('新增（2）')
    expect(editor.problems).toEqual([])
  }, 90_000)

  it('a branch committee fills its self-check together live; the secretary records approval, announces, submits; problems become rectifications', async () => {
    // An open campaign whose self source is a freshly published self-check form, for the demo
    // secretary's branch (the demo campaign's self-check of that branch is already submitted).
    const admin = await apiToken(server.url, 'admin@yardstick.local')
    await openBranchCampaign(server, admin, {
      form: '2026 年第四季度自查',
      name: '2026 年第四季度支部自查',
      bands: [
        { min: 90, grade: '先进' },
        { min: 0, grade: '达标' },
      ],
    })

    const secretary = await signedInPage(
      browser,
      server.url,
      'secretary@yardstick.local',
      '支部自检自查',
    )
    const member = await signedInPage(browser, server.url, 'member@yardstick.local', '支部自检自查')
    // A branch-only user starts on the branch page; both open the same self-check.
    for (const { page } of [secretary, member]) {
      const campaignItem = page
        .locator('.branch-campaigns > li')
        .filter({ hasText: '2026 年第四季度支部自查' })
      await campaignItem.getByRole('link', { name: '打开 办公室第一党支部 的自查' }).click()
      await page.locator('.cofill-link[data-state="connected"]').waitFor()
    }
    const question = (page: Page, title: string) =>
      page.locator('.sd-question').filter({ hasText: title }).first()
    const choose = (page: Page, title: string, choice: '是' | '否') =>
      question(page, title).getByText(choice, { exact: true }).click()
    const chosen = (page: Page, title: string, choice: '是' | '否') =>
      question(page, title).getByRole('radio', { name: choice, exact: true }).isChecked()

    // Each answers different items; each sees the other's answers live.
    const items = [
      '是否落实“三会一课”制度',
      '是否按期换届',
      '是否按规定配齐支部委员，做到分工明确、各负其责',
      '是否开展民主评议党员',
    ]
    await choose(secretary.page, items[0] ?? '', '是')
    await choose(member.page, items[1] ?? '', '是')
    await expect.poll(() => chosen(member.page, items[0] ?? '', '是'), { timeout: 3000 }).toBe(true)
    await expect
      .poll(() => chosen(secretary.page, items[1] ?? '', '是'), { timeout: 3000 })
      .toBe(true)
    await choose(secretary.page, items[2] ?? '', '是')
    await choose(member.page, items[3] ?? '', '否')
    await expect
      .poll(() => chosen(secretary.page, items[3] ?? '', '否'), { timeout: 3000 })
      .toBe(true)
    await question(member.page, items[0] ?? '').scrollIntoViewIfNeeded()
    await member.page.evaluate(() => window.scrollBy(0, -260))
    await member.page.screenshot({ path: join(SCREENSHOTS, 'co-filling-two-members.png') })

    // The member describes the problem their "否" opened; the secretary answers the rest.
    const problem = question(member.page, '问题清单')
    await problem.getByRole('textbox', { name: '问题描述' }).fill('民主评议党员未按年度开展')
    await problem
      .getByRole('textbox', { name: '整改措施' })
      .fill('年底前召开组织生活会开展民主评议')
    await problem.getByRole('textbox', { name: '责任人' }).fill('支部书记')
    await typeDate(problem.getByRole('textbox', { name: '整改时限' }), '2026-12-31')
    // Out of the composite before anyone else writes: the problem list on the secretary's page
    // shows all four parts once the server has them.
    await problem.getByRole('textbox', { name: '责任人' }).click()
    await member.page.getByRole('heading', { name: '一起填写' }).click()
    await expect
      .poll(() => secretary.page.locator('.problem-list').textContent(), { timeout: 8000 })
      .toContain('时限：2026-12-31')
    expect(await secretary.page.locator('.problem-list').textContent()).toContain(
      '整改措施：年底前召开组织生活会开展民主评议',
    )
    const radios = secretary.page.locator('.sd-question:has(input[type="radio"])')
    for (let i = 0; i < (await radios.count()); i++) {
      const q = radios.nth(i)
      if ((await q.locator('input[type="radio"]:checked').count()) === 0) {
        await q.getByText('是', { exact: true }).click()
      }
    }
    await expect
      .poll(() => secretary.page.locator('.self-check-pending').getAttribute('data-pending'), {
        timeout: 8000,
      })
      .toBe('0')
    await expect
      .poll(() => secretary.page.locator('.problem-list li').first().textContent(), {
        timeout: 5000,
      })
      .toContain('民主评议党员未按年度开展')

    // The secretary records the committee's approval (the meeting's date); the survey freezes
    // for everyone; then the announcement, then the submission.
    await secretary.page.getByLabel('支委会审议日期').fill('2026-11-20')
    await secretary.page.getByRole('button', { name: '记录支委会审议通过' }).click()
    await secretary.page.locator('.self-check-page[data-status="approved"]').waitFor()
    await secretary.page.getByText('自查表已审议通过，已锁定为只读。').waitFor()
    // The server freezes the shared document when it next finds the row approved: at its next
    // write-back or access revalidation (COL25, COL9: every 10 s).
    await member.page.getByText('自查表已审议通过，已锁定为只读。').waitFor({ timeout: 15_000 })
    await secretary.page.getByRole('button', { name: '已向全体党员通报' }).click()
    await secretary.page.locator('.self-check-page[data-status="announced"]').waitFor()
    await secretary.page.getByRole('button', { name: '上报上级党组织' }).click()
    await secretary.page.locator('.self-check-page[data-status="submitted"]').waitFor()
    const rectifications = secretary.page.locator('.rectification-list li')
    await rectifications.first().waitFor()
    expect(await rectifications.count()).toBe(1)
    expect(await rectifications.first().textContent()).toContain('年底前召开组织生活会开展民主评议')
    expect(await rectifications.first().textContent()).toContain('时限：2026-12-31')
    expect(await secretary.page.locator('.workflow-steps').textContent()).toContain('审议通过')
    await secretary.page.evaluate(() => window.scrollTo(0, 0))
    await secretary.page.screenshot({ path: join(SCREENSHOTS, 'self-check-submitted.png') })

    expect(secretary.problems).toEqual([])
    expect(member.problems).toEqual([])
    await secretary.context.close()
    await member.context.close()
  }, 120_000)
})
