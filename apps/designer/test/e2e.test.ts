import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toSurveyJson } from '@yardstick/doc'
import type { FormJson } from '@yardstick/sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  apiToken,
  chromiumAvailable,
  downloadFile,
  type OpenedPage,
  publishVersion,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
} from './harness'

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots')
const hasChromium = chromiumAvailable('designer e2e')
const QUESTION = 'theoryStudy'
const ORIGINAL_TITLE =
  '是否把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，经常性开展政治理论学习'
const TYPED = '（A 补充）'

/** The zh-CN title field of the selected node's properties. */
const titleField = (page: Page) => page.locator('[data-field="title:default"]').first()
const row = (page: Page, name: string) => page.locator(`.tree-row[data-name="${name}"]`)

describe.skipIf(!hasChromium)('the designer in Chromium, two editors on one form', () => {
  let server: TestServer
  let browser: Browser
  let a: OpenedPage
  let b: OpenedPage
  let formId: number

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    const token = await apiToken(server.url, 'editor@yardstick.local')
    const created = await fetch(`${server.url}/api/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: '2026 年度自检自查（协同测试）', template: 'selfCheck' }),
    })
    formId = ((await created.json()) as { id: number }).id
    ;[a, b] = await Promise.all([
      signedInPage(browser, server.url, 'editor@yardstick.local'),
      signedInPage(browser, server.url, 'admin@yardstick.local'),
    ])
  }, 120_000)

  afterAll(() => stopRun({ browser, server }))

  it('A types a title while B adds a question and reorders it; each sees the other within 1 s; A undoes only A; publish', async () => {
    // Both open the form from the list, as a user would (the admin lands on 需要关注 first).
    await b.page.getByRole('link', { name: '表单', exact: true }).click()
    for (const { page } of [a, b]) {
      await page.getByRole('link', { name: '2026 年度自检自查（协同测试）' }).first().click()
      await page.locator('.connection[data-state="synced"]').waitFor()
    }
    for (const { page } of [a, b]) {
      await expect.poll(() => page.locator('.presence .avatar').count()).toBe(2)
    }

    // A selects the first self-check item; B sees A's colour on it.
    await row(a.page, QUESTION).click()
    await expect.poll(() => titleField(a.page).inputValue()).toBe(ORIGINAL_TITLE)
    await expect
      .poll(() => row(b.page, QUESTION).locator('.peer-dot').count(), { timeout: 1000 })
      .toBe(1)

    // At the same time: A types at the end of the title, B adds a self-check item on that page.
    await titleField(a.page).click()
    await a.page.keyboard.press('End')
    await row(b.page, QUESTION).click()
    await Promise.all([
      a.page.keyboard.type(TYPED, { delay: 40 }),
      b.page.getByRole('button', { name: '自查项（含问题清单）' }).click(),
    ])
    const typedTitle = `${ORIGINAL_TITLE}${TYPED}`
    await expect.poll(() => titleField(a.page).inputValue()).toBe(typedTitle)

    // Each sees the other's change within one second.
    await expect.poll(() => row(a.page, 'item1').count(), { timeout: 1000 }).toBe(1)
    await expect
      .poll(() => row(b.page, QUESTION).locator('.row-title').textContent(), { timeout: 1000 })
      .toBe(typedTitle)
    await expect
      .poll(() => b.page.getByTestId('preview').textContent(), { timeout: 1000 })
      .toContain(TYPED)

    // B reorders the new item above the first one by dragging it; A sees the order within 1 s.
    await dragRow(b.page, 'item1', QUESTION)
    const order = (page: Page) =>
      page
        .locator('.tree-row[data-name]')
        .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-name')))
    await expect.poll(() => order(b.page)).toEqual(['politicalFunction', 'item1', QUESTION])
    await expect
      .poll(() => order(a.page), { timeout: 1000 })
      .toEqual(['politicalFunction', 'item1', QUESTION])

    mkdirSync(SCREENSHOTS, { recursive: true })
    await a.page.screenshot({ path: join(SCREENSHOTS, 'editor-two-editors.png') })

    // A's undo reverts A's typing only: B's item stays, for both.
    await titleField(a.page).click()
    await a.page.keyboard.press('Control+z')
    await expect.poll(() => titleField(a.page).inputValue()).toBe(ORIGINAL_TITLE)
    await expect
      .poll(() => row(b.page, QUESTION).locator('.row-title').textContent(), { timeout: 1000 })
      .toBe(ORIGINAL_TITLE)
    expect(await row(a.page, 'item1').count()).toBe(1)
    expect(await row(b.page, 'item1').count()).toBe(1)

    // Publish with a note; the new version is shown, and it holds what both editors see.
    await expect.poll(() => a.page.locator('[role="tab"] .count').textContent()).toBe('0')
    await publishVersion(a.page, '增加一项自查内容', 1)
    const token = await apiToken(server.url, 'editor@yardstick.local')
    const version = (await (
      await fetch(`${server.url}/api/forms/${formId}/versions/1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { note: string; json: { pages: Array<{ elements: Array<{ name: string }> }> } }
    expect(version.note).toBe('增加一项自查内容')
    expect(version.json.pages[0]?.elements.slice(0, 2).map((e) => e.name)).toEqual([
      'item1',
      QUESTION,
    ])

    expect(a.problems).toEqual([])
    expect(b.problems).toEqual([])
  }, 60_000)

  it('A goes offline, edits, comes back, and both converge; offline edits are kept in IndexedDB', async () => {
    const english = (page: Page) => page.locator('[data-field="title:en"]').first()
    await row(a.page, QUESTION).click()
    const before = await english(a.page).inputValue()

    await a.context.setOffline(true)
    await a.page.locator('.connection[data-state="offline"]').waitFor()
    await english(a.page).click()
    await a.page.keyboard.press('End')
    await a.page.keyboard.type(' [offline]', { delay: 20 })
    // What IndexedDB holds, read back into a document of its own: the offline edit is there.
    const storedTitle = async () => {
      const updates = await a.page.evaluate(async (form) => {
        const name = (await indexedDB.databases())
          .map((d) => d.name ?? '')
          .find((n) => n.includes(`:form:${form}:`))
        if (!name) return []
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name)
          open.onsuccess = () => resolve(open.result)
          open.onerror = () => reject(open.error)
        })
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('updates').objectStore('updates').getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        db.close()
        return all.map((update) => [...(update as Uint8Array)])
      }, formId)
      const doc = new Y.Doc()
      for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update))
      const questions = (toSurveyJson(doc) as FormJson).pages?.flatMap((p) => p.elements ?? [])
      const title = questions?.find((q) => q.name === QUESTION)?.title
      return typeof title === 'object' && title !== null ? (title as { en?: string }).en : null
    }
    await expect.poll(storedTitle, { timeout: 3000 }).toBe(`${before} [offline]`)

    // Meanwhile B, online, adds a bonus item; A, offline, cannot see it yet.
    await row(b.page, QUESTION).click()
    await b.page.getByRole('button', { name: '加分项' }).click()
    await expect.poll(() => row(b.page, 'bonus1').count()).toBe(1)
    expect(await row(a.page, 'bonus1').count()).toBe(0)

    // Back online: both converge on both edits.
    await a.context.setOffline(false)
    await a.page.locator('.connection[data-state="synced"]').waitFor()
    await expect.poll(() => row(a.page, 'bonus1').count(), { timeout: 3000 }).toBe(1)
    await row(b.page, QUESTION).click()
    await expect
      .poll(() => english(b.page).inputValue(), { timeout: 3000 })
      .toBe(`${before} [offline]`)
    expect(a.problems).toEqual([])
    expect(b.problems).toEqual([])
  }, 30_000)

  it('the tree and the toolbox work by keyboard alone; a reviewer sees the form read-only', async () => {
    const { page } = a
    // Focus the first question's row, move it down with Alt+↓, then select the next row with ↓.
    await row(page, 'item1').focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Alt+ArrowDown')
    const names = (p: Page) =>
      p
        .locator('.tree-row[data-name]')
        .evaluateAll((rows) => rows.slice(1, 3).map((r) => r.getAttribute('data-name')))
    await expect.poll(() => names(page)).toEqual([QUESTION, 'item1'])
    await expect.poll(() => names(b.page), { timeout: 1000 }).toEqual([QUESTION, 'item1'])
    await page.keyboard.press('ArrowDown')
    await expect
      .poll(() => page.locator('.tree-row.selected').getAttribute('data-name'))
      .toBe('bonus1')
    // Tab into the toolbox and add a veto item with Enter: it lands after the selection.
    const veto = page.getByRole('button', { name: '一票否决项' })
    await veto.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => row(page, 'veto1').count()).toBe(1)
    await expect.poll(() => row(b.page, 'veto1').count(), { timeout: 1000 }).toBe(1)

    // Publish version 2, compare it with version 1, restore version 1, and undo the restore.
    await publishVersion(page, '加分项与否决项', 2)
    await page.getByRole('tab', { name: /版本/ }).click()
    await page.getByRole('button', { name: '与第 1 版比较' }).click()
    const diff = page.locator('.version-diff')
    await expect.poll(() => diff.textContent()).toContain('veto1')
    expect(await diff.textContent()).toContain('bonus1')
    await page.locator('li[data-version="1"]').getByRole('button', { name: '恢复此版本' }).click()
    await expect.poll(() => row(b.page, 'veto1').count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => row(page, 'bonus1').count()).toBe(0)
    // Ctrl+Z undoes the whole restore, for both editors: the restore is an undo step of its own
    // even when clicked within the manager's 500 ms capture window of A's last edit.
    await page.keyboard.press('Control+z')
    for (const p of [page, b.page]) {
      await expect.poll(() => row(p, 'bonus1').count(), { timeout: 10_000 }).toBe(1)
      await expect.poll(() => row(p, 'veto1').count(), { timeout: 10_000 }).toBe(1)
    }

    const reviewer = await signedInPage(browser, server.url, 'reviewer@yardstick.local')
    await reviewer.page.goto(`${server.url}/forms/${formId}`)
    await reviewer.page.locator('.connection[data-state="synced"]').waitFor()
    await reviewer.page.getByText('只读：你可以查看，但不能修改').waitFor()
    await row(reviewer.page, QUESTION).click()
    expect(await titleField(reviewer.page).getAttribute('readonly')).not.toBeNull()
    expect(
      await reviewer.page.getByRole('button', { name: '发布', exact: true }).isDisabled(),
    ).toBe(true)
    await expect.poll(() => row(reviewer.page, 'veto1').count()).toBe(1)
    expect(reviewer.problems).toEqual([])
    await reviewer.context.close()
  }, 30_000)

  it("the demo campaign's dashboard shows grades and a ranking, and exports CSV", async () => {
    const { page } = b
    await page.getByRole('link', { name: '测评活动' }).click()
    // The demo's yearly evaluation (the demo quiz campaign is listed too, and newer).
    await page
      .getByRole('row', { name: /年度党支部综合评定/ })
      .getByRole('link', { name: '查看结果' })
      .click()
    await page.locator('.chart canvas').waitFor()
    await expect
      .poll(() => page.locator('.ranking-table tbody tr td.unit-name').count())
      .toBeGreaterThan(10)
    const first = await page.locator('.ranking-table tbody tr td:first-child').first().textContent()
    expect(first).toBe('1')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true })

    const csv = (await downloadFile(page, '导出 CSV')).toString('utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv).toContain('支部')
    expect(b.problems).toEqual([])
  }, 30_000)
})

/** Drags one tree row onto another with the mouse, in steps (as @dnd-kit's pointer sensor wants). */
async function dragRow(page: Page, from: string, to: string) {
  const source = await row(page, from).boundingBox()
  const target = await row(page, to).boundingBox()
  if (!source || !target) throw new Error('rows not visible')
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2 - 10, {
    steps: 4,
  })
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 })
  await page.mouse.up()
}
