import { toSurveyJson } from '@yardstick/doc'
import { type FormJson, scoreResponse } from '@yardstick/sdk'
import { signedInWebSocket } from '@yardstick/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { bigForm } from '../bench/big-form'
import { sendOwnAwarenessOnly } from '../src/collab/own-awareness'
import {
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  signedInPage,
  startServerAndBrowser,
  type TestServer,
} from './harness'

const hasChromium = chromiumAvailable('designer editor e2e')
const TITLE = '编辑器键盘与属性测试表'

type Element = { name?: string; type?: string; elements?: Element[]; [key: string]: unknown }

const row = (page: Page, name: string) => page.locator(`.tree-row[data-name="${name}"]`)
/** Question names of the first page, in the order the tree shows them. */
const treeNames = (page: Page) =>
  page
    .locator('[role="tree"] .tree-question')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))

/** The form as the server's copy of the document has it, read by a Node co-editor. */
function watchForm(url: string, formId: number, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${url.replace(/^http/, 'ws')}/collab`,
    String(formId),
    doc,
    {
      WebSocketPolyfill: signedInWebSocket(WebSocket, token),
    },
  )
  sendOwnAwarenessOnly(provider)
  const find = (name: string): Element | undefined => {
    const all: Element[] = []
    const walk = (list: unknown) => {
      for (const e of (Array.isArray(list) ? list : []) as Element[]) {
        all.push(e)
        walk(e.elements)
      }
    }
    walk((toSurveyJson(doc) as { pages?: Element[] }).pages)
    return all.find((e) => e.name === name)
  }
  return {
    json: () => toSurveyJson(doc) as FormJson,
    element: find,
    /** An array property of a question (`[]` while it is missing). */
    list: <T = Record<string, unknown>>(name: string, key: string): T[] => {
      const value = find(name)?.[key]
      return (Array.isArray(value) ? value : []) as T[]
    },
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

describe.skipIf(!hasChromium)(
  'the editor in Chromium: keyboard, drag from the toolbox, matrix, validators, labels',
  () => {
    let server: TestServer
    let browser: Browser
    let editor: OpenedPage
    let watcher: ReturnType<typeof watchForm>
    let token: string

    beforeAll(async () => {
      ;({ server, browser } = await startServerAndBrowser())
      token = await apiToken(server.url, 'editor@yardstick.local')
      const created = await fetch(`${server.url}/api/forms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: TITLE, template: 'scorecard' }),
      })
      const formId = ((await created.json()) as { id: number }).id
      watcher = watchForm(server.url, formId, token)
      editor = await signedInPage(browser, server.url, 'editor@yardstick.local')
      await editor.page.goto(`${server.url}/forms/${formId}`)
      await editor.page.locator('.connection[data-state="synced"]').waitFor()
    }, 180_000)

    afterAll(async () => {
      watcher?.close()
      await browser?.close()
      await server?.stop()
    })

    it('inserts from the toolbox and reorders the tree by keyboard alone', async () => {
      const { page } = editor
      const [first, second] = (await treeNames(page)) as string[]
      // Into the tree by keyboard: focus the first question's row, Enter selects it.
      await row(page, first as string).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => row(page, first as string).getAttribute('aria-selected')).toBe('true')
      // ↓ moves the selection; Alt+↑ moves the selected question above the first.
      await page.keyboard.press('ArrowDown')
      await expect
        .poll(() => row(page, second as string).getAttribute('aria-selected'))
        .toBe('true')
      await page.keyboard.press('Alt+ArrowUp')
      await expect.poll(async () => (await treeNames(page)).slice(0, 2)).toEqual([second, first])
      await expect.poll(() => watcher.json().pages?.[0]?.elements?.[0]?.name).toBe(second)

      // The toolbox by keyboard: open the question types with Enter on their summary, then Enter on
      // "single-line text" adds one after the selected question and selects it.
      const before = (await treeNames(page)).length
      await page.locator('.toolbox summary').nth(1).focus()
      await page.keyboard.press('Enter')
      await page.locator('[data-tool="text"]').focus()
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await treeNames(page)).length).toBe(before + 1)
      const added = (await treeNames(page))[1] as string
      await expect.poll(() => row(page, added).getAttribute('aria-selected')).toBe('true')
      await expect.poll(() => watcher.element(added)?.type).toBe('text')
    })

    it('drags a toolbox entry onto a tree row, where it is added', async () => {
      const { page } = editor
      const names = await treeNames(page)
      const target = names[2] as string
      const tool = page.locator('[data-tool="rating"]')
      // The pointer goes onto the tool by Playwright's hover (which waits until the tool is
      // still and hit-tested there), then is pressed: measuring the tool first and pressing at
      // those coordinates started the drag on the tool above twice in CI, under load, after a
      // late layout shift. The row is measured once the drag has begun, where it is then.
      await row(page, target).scrollIntoViewIfNeeded()
      await tool.hover()
      await page.mouse.down()
      const from = await tool.boundingBox()
      if (!from) throw new Error('toolbox entry not on screen')
      await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 })
      const to = await row(page, target).boundingBox()
      if (!to) throw new Error('tree row not on screen')
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
      await page.mouse.up()
      // Dropped on a question: added at its place, before it.
      await expect.poll(async () => (await treeNames(page)).length).toBe(names.length + 1)
      const after = await treeNames(page)
      const added = after[2] as string
      expect(after[3]).toBe(target)
      await expect.poll(() => watcher.element(added)?.type, { timeout: 10_000 }).toBe('rating')
    })

    it('edits a matrix’s rows and columns and a question’s validators in zh-CN and English', async () => {
      const { page } = editor
      await page.locator('[data-tool="matrix"]').click()
      const matrix = (await page.locator('.tree-row.selected').getAttribute('data-name')) as string
      await expect.poll(() => watcher.element(matrix)?.type).toBe('matrix')

      // A third row; then the first column's English text.
      await page.getByRole('button', { name: '添加矩阵行' }).click()
      await expect.poll(() => watcher.list(matrix, 'rows').length).toBe(3)
      const columnEn = page.getByLabel('矩阵列 1 English', { exact: true })
      await columnEn.fill('Always')
      await expect
        .poll(() => watcher.list<{ text: { en?: string } }>(matrix, 'columns')[0]?.text.en)
        .toBe('Always')
      await page.getByRole('button', { name: '删除矩阵列 3' }).click()
      await expect.poll(() => watcher.list(matrix, 'columns').length).toBe(2)

      // A numeric validator: range 1–10, its message in both languages.
      await page.getByLabel('新校验规则的类型').selectOption('numeric')
      await page.getByRole('button', { name: '添加校验规则' }).click()
      await page.getByLabel('规则 1（数值范围） 最小值').fill('1')
      await page.getByLabel('规则 1（数值范围） 最大值').fill('10')
      await page.getByLabel('规则 1（数值范围） 出错提示（中文）').fill('请输入 1 到 10')
      await page.getByLabel('规则 1（数值范围） 出错提示（English）').fill('Enter 1 to 10')
      await page.getByLabel('规则 1（数值范围） 出错提示（English）').press('Enter')
      await expect
        .poll(() => watcher.element(matrix)?.validators)
        .toEqual([
          {
            type: 'numeric',
            minValue: 1,
            maxValue: 10,
            text: { default: '请输入 1 到 10', en: 'Enter 1 to 10' },
          },
        ])
      // Emptying the maximum removes that parameter only.
      await page.getByLabel('规则 1（数值范围） 最大值').fill('')
      await page.getByLabel('规则 1（数值范围） 最大值').press('Enter')
      await expect.poll(() => watcher.list(matrix, 'validators')[0]?.maxValue).toBeUndefined()
    })

    it('edits a dropdown matrix’s columns: name, texts and cell type', async () => {
      const { page } = editor
      await page.locator('[data-tool="matrixdropdown"]').click()
      const matrix = (await page.locator('.tree-row.selected').getAttribute('data-name')) as string
      await expect.poll(() => watcher.element(matrix)?.type).toBe('matrixdropdown')
      type Column = { name: string; title: { default?: string; en?: string }; cellType?: string }
      const columns = () => watcher.list<Column>(matrix, 'columns')

      await page.getByLabel('矩阵列 2 名称（英文标识）', { exact: true }).fill('years')
      await page.getByLabel('矩阵列 2 名称（英文标识）', { exact: true }).press('Enter')
      await page.getByLabel('矩阵列 2 English', { exact: true }).fill('Years in post')
      await page.getByLabel('矩阵列 2 单元格类型', { exact: true }).selectOption('text')
      await expect
        .poll(() => columns()[1])
        .toMatchObject({ name: 'years', title: { en: 'Years in post' }, cellType: 'text' })
      // Back to the question's own cell type: the property is removed, not set to 'default'.
      await page.getByLabel('矩阵列 2 单元格类型', { exact: true }).selectOption('default')
      await expect.poll(() => columns()[1]?.cellType).toBeUndefined()
      expect(columns()[0]?.cellType).toBeUndefined()
    })

    it('scores the live preview’s answers with the SDK, as a respondent would be scored', async () => {
      const { page } = editor
      const created = await fetch(`${server.url}/api/forms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: '满意度预览计分', template: 'satisfaction' }),
      })
      const formId = ((await created.json()) as { id: number }).id
      const back = page.url()
      await page.goto(`${server.url}/forms/${formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor()
      const preview = page.getByTestId('preview')
      const score = page.getByTestId('score')
      // Answers given in the preview: the first item "basically satisfied", the second not.
      await preview.locator('.sd-question').nth(0).getByText('基本满意', { exact: true }).click()
      await preview.locator('.sd-question').nth(1).getByText('不满意', { exact: true }).click()
      const json = (await (
        await fetch(`${server.url}/api/forms/${formId}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { json: FormJson }
      const names = (json.json.pages?.[0]?.elements ?? []).map((e) => e.name as string)
      const expected = scoreResponse(json.json, {
        [names[0] as string]: 'basic',
        [names[1] as string]: 'dissatisfied',
      })
      const round1 = (n: number) => Math.round(n * 10) / 10
      await expect
        .poll(() => score.locator('.score-total').textContent())
        .toBe(
          `得分 ${round1(expected.score)} / ${round1(expected.maxScore)}（${round1(expected.percent)}%）`,
        )
      expect(expected.satisfaction).toMatchObject({ satisfied: 1, answered: 2 })
      await score.getByText('满意率 50%（1/2）', { exact: false }).waitFor()
      await page.goto(back)
      await page.locator('.connection[data-state="synced"]').waitFor()
    })

    it('validates in its worker: a duplicate name is counted on the validation tab, and cleared', async () => {
      const { page } = editor
      const [first, second] = (await treeNames(page)) as string[]
      const badge = page.locator('[role="tab"] .count')
      const count = async () => Number(await badge.textContent())
      // Let the worker answer for the form as it is (a second, at most, on this machine).
      await page.waitForTimeout(1000)
      const before = await count()
      await row(page, second as string).click()
      const name = page.getByLabel('名称（英文标识）')
      await name.fill(first as string)
      await name.press('Enter')
      await expect.poll(count, { timeout: 5000 }).toBe(before + 1)
      expect(await badge.getAttribute('class')).toContain('count-bad')
      await name.fill(second as string)
      await name.press('Enter')
      await expect.poll(count, { timeout: 5000 }).toBe(before)
    })

    it('renders a 500-question tree as a window, and the keyboard still reaches every row', async () => {
      const { page } = editor
      const created = await fetch(`${server.url}/api/forms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: '500 题', json: bigForm('500 题') }),
      })
      const formId = ((await created.json()) as { id: number }).id
      const back = page.url()
      await page.goto(`${server.url}/forms/${formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor()
      await row(page, 'q1').waitFor()
      // Far fewer rows than the form's 510 nodes are in the page.
      const rendered = await page.locator('[role="tree"] [role="treeitem"]').count()
      expect(rendered).toBeGreaterThan(20)
      expect(rendered).toBeLessThan(200)
      expect(await row(page, 'q500').count()).toBe(0)
      // End: the last row is scrolled in, rendered, selected and focused; Home: back to the top.
      await row(page, 'q1').focus()
      await page.keyboard.press('End')
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-name')))
        .toBe('q500')
      await expect.poll(() => row(page, 'q500').getAttribute('aria-selected')).toBe('true')
      await page.keyboard.press('ArrowUp')
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-name')))
        .toBe('q499')
      await page.keyboard.press('Home')
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
        .toBe('treeitem')
      await expect.poll(() => row(page, 'q500').count()).toBe(0)

      // A question's pickers list the other 499 questions only once reached: untouched, each
      // holds its chosen option alone; focused by keyboard, all of them, and a pick is written.
      await row(page, 'q2').click()
      const problemOf = page.getByLabel('问题清单对应的题目', { exact: true })
      expect(await problemOf.locator('option').count()).toBe(1)
      // The rule builder's question picker of a new display condition: empty until reached.
      const visibleIf = page.locator('fieldset[data-rule="visibleIf"]')
      await visibleIf.getByRole('button', { name: '添加条件' }).click()
      const picker = visibleIf.getByLabel('第 1 个条件的题目', { exact: true })
      expect(await picker.locator('option').count()).toBe(1)
      await picker.focus()
      await expect.poll(() => picker.locator('option').count()).toBeGreaterThanOrEqual(499)
      await problemOf.focus()
      await expect.poll(() => problemOf.locator('option').count()).toBe(500)
      await problemOf.selectOption('q7')
      // A controlled select shows what the document holds: q7 only once it is written.
      await expect.poll(() => problemOf.inputValue()).toBe('q7')
      await page.goto(back)
      await page.locator('.connection[data-state="synced"]').waitFor()
    })

    it('gives every control of the editor an accessible name (Chromium’s accessibility tree)', async () => {
      const { page, problems } = editor
      // Open every collapsed group so its controls are in the tree too.
      await page.locator('.toolbox details:not([open]) summary').evaluateAll((s) => {
        for (const summary of s) (summary as HTMLElement).click()
      })
      const cdp = await page.context().newCDPSession(page)
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
        nodes: Array<{
          ignored: boolean
          role?: { value: string }
          name?: { value: string }
          backendDOMNodeId?: number
        }>
      }
      const CONTROLS = new Set([
        'button',
        'textbox',
        'combobox',
        'checkbox',
        'spinbutton',
        'tab',
        'treeitem',
        'searchbox',
        'radio',
        'slider',
        'switch',
        'menuitem',
        'link',
      ])
      const controls = nodes.filter((n) => !n.ignored && CONTROLS.has(n.role?.value ?? ''))
      expect(controls.length).toBeGreaterThan(50)
      const unnamed: string[] = []
      for (const node of controls) {
        if ((node.name?.value ?? '').trim() !== '') continue
        const described = node.backendDOMNodeId
          ? (
              (await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId })) as {
                node: { localName: string; attributes?: string[] }
              }
            ).node
          : null
        unnamed.push(
          `${node.role?.value} <${described?.localName} ${(described?.attributes ?? []).join(' ')}>`,
        )
      }
      expect(unnamed).toEqual([])
      expect(problems).toEqual([])
    })
  },
)
