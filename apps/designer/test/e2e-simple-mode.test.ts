import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  signedInPage,
  startServerAndBrowser,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer simple mode e2e')
const TITLE = '简单模式测试表'

type Element = { name: string; type: string; title?: unknown; choices?: Array<{ text?: unknown }> }
type FormJson = { pages?: Array<{ elements?: Element[] }> }

/** The default (Chinese) text of a SurveyJS text, stored as a string or per locale. */
const zh = (text: unknown) =>
  typeof text === 'string' ? text : (text as { default?: string } | undefined)?.default

const card = (page: Page, name: string) => page.locator(`.simple-card[data-name="${name}"]`)

describe.skipIf(!hasChromium)('the simple mode in Chromium (issue 19)', () => {
  let server: TestServer
  let browser: Browser
  let editor: OpenedPage
  let token: string
  let formId: number
  /** The first page's questions as the server has them now (the live document's). */
  const elements = async (id: number) =>
    (await api<{ json: FormJson }>(server, token, 'GET', `/api/forms/${id}`)).json.pages?.[0]
      ?.elements ?? []

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    token = await apiToken(server.url, 'editor@yardstick.local')
    formId = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: TITLE,
        json: {
          pages: [
            {
              name: 'page1',
              elements: [
                {
                  type: 'radiogroup',
                  name: 'dues',
                  title: '是否交纳党费',
                  choices: [
                    { value: 'yes', text: '是' },
                    { value: 'no', text: '否' },
                  ],
                },
              ],
            },
          ],
        },
      })
    ).id
    // A new editor on a new device: nothing chosen yet.
    editor = await signedInPage(browser, server.url, 'editor@yardstick.local', undefined, {
      editorMode: 'simple',
    })
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lands a new editor in simple mode: the form on a canvas, no tree, expert one switch away', async () => {
    const { page } = editor
    await page.goto(`${server.url}/forms/${formId}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    await expect.poll(() => page.getByRole('radio', { name: '简单模式' }).isChecked()).toBe(true)
    await card(page, 'dues').waitFor()
    expect(await page.locator('[role="tree"]').count()).toBe(0)
    // Neither JSON nor expressions on the canvas.
    expect(await page.getByTestId('simple-canvas').textContent()).not.toMatch(/[{}]/)

    // Expert, remembered for this user on this device across a reload; then back.
    await page.getByRole('radio', { name: '专家模式' }).check()
    await page.locator('[role="tree"]').first().waitFor()
    await page.reload()
    await page.locator('[role="tree"]').first().waitFor()
    expect(await page.getByRole('radio', { name: '专家模式' }).isChecked()).toBe(true)
    await page.getByRole('radio', { name: '简单模式' }).check()
    await card(page, 'dues').waitFor()
  })

  it('renames a question and an option in place, into the shared document', async () => {
    const { page } = editor
    await page.getByLabel('第 1 题题目').fill('是否按时足额交纳党费')
    await page.getByLabel('第 1 题选项 2').fill('否，未按时交纳')
    await until(async () => {
      const [dues] = await elements(formId)
      return [zh(dues?.title), zh(dues?.choices?.[1]?.text)]
    }).toEqual(['是否按时足额交纳党费', '否，未按时交纳'])
  })

  it('adds a question after this one, and this editor undoes it in one step', async () => {
    const { page } = editor
    // Apart from the renaming, so the undo below takes back the addition alone.
    await page.waitForTimeout(1_000)
    await card(page, 'dues').getByRole('button', { name: '在此题后添加题目' }).click()
    await until(async () => (await elements(formId)).map((e) => e.name)).toEqual([
      'dues',
      'question1',
    ])
    await card(page, 'question1').waitFor()
    // Ctrl+Z takes back this editor's addition (its own undo), Ctrl+Shift+Z brings it again.
    await page.keyboard.press('Control+z')
    await until(async () => (await elements(formId)).map((e) => e.name)).toEqual(['dues'])
    await page.keyboard.press('Control+Shift+z')
    await until(async () => (await elements(formId)).map((e) => e.name)).toEqual([
      'dues',
      'question1',
    ])
    await page.getByLabel('第 2 题题目').fill('您对支部工作的意见')
    await until(async () => zh((await elements(formId))[1]?.title)).toBe('您对支部工作的意见')
  })

  it('saves a question as the office’s block, and inserts it into another form', async () => {
    const { page } = editor
    const dues = card(page, 'dues')
    await dues.getByRole('button', { name: '保存为题块' }).click()
    await dues.getByLabel('题块名称').fill('党费题块')
    await dues.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByRole('button', { name: '插入题块：党费题块' }).waitFor()
    const blocks = await api<{ items: Array<{ name: string; elements: Element[] }> }>(
      server,
      token,
      'GET',
      '/api/blocks',
    )
    expect(blocks.items.find((b) => b.name === '党费题块')?.elements[0]).toMatchObject({
      name: 'dues',
      type: 'radiogroup',
    })

    // A second form, started as a copy of this office's form from the new-form menu.
    await page.goto(`${server.url}/forms`)
    const newForm = page.locator('.new-form')
    await newForm.getByLabel('表单标题').fill('第二张表')
    await newForm.getByLabel('从模板开始').selectOption({ label: `复制：${TITLE}` })
    await newForm.getByRole('button', { name: '创建并打开' }).click()
    await page.waitForURL(
      (url) => /\/forms\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${formId}`),
    )
    const second = Number(new URL(page.url()).pathname.split('/').pop())
    await page.locator('.connection[data-state="synced"]').waitFor()
    const copied = await elements(second)
    expect(copied).toEqual(await elements(formId))
    expect((await api<{ title: string }>(server, token, 'GET', `/api/forms/${second}`)).title).toBe(
      '第二张表',
    )

    // The block goes in after the selected question; its name is taken there, so it is renamed.
    await card(page, 'question1').click()
    await page.getByRole('button', { name: '插入题块：党费题块' }).click()
    await until(async () => (await elements(second)).map((e) => e.name)).toEqual([
      'dues',
      'question1',
      'dues1',
    ])
    const inserted = (await elements(second))[2]
    expect(zh(inserted?.title)).toBe('是否按时足额交纳党费')
    await card(page, 'dues1').waitFor()
    // The first form is as it was.
    expect((await elements(formId)).map((e) => e.name)).toEqual(['dues', 'question1'])
    expect(editor.problems).toEqual([])
  })

  it('asks before deleting a question that a rule reads, naming the rule', async () => {
    const { page } = editor
    const ruled = (
      await api<{ id: number }>(server, token, 'POST', '/api/forms', {
        title: '有规则的表',
        json: {
          pages: [
            {
              name: 'page1',
              elements: [
                {
                  type: 'radiogroup',
                  name: 'dues',
                  title: '是否交纳党费',
                  choices: [
                    { value: 'yes', text: '是' },
                    { value: 'no', text: '否' },
                  ],
                },
                { type: 'comment', name: 'why', title: '未交原因', visibleIf: "{dues} = 'no'" },
              ],
            },
          ],
        },
      })
    ).id
    await page.goto(`${server.url}/forms/${ruled}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await card(page, 'dues').click()
    await card(page, 'dues').getByRole('button', { name: '删除此题' }).click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toContain('“why”的显示条件')
    expect((await elements(ruled)).map((e) => e.name)).toEqual(['dues', 'why'])
    page.once('dialog', (dialog) => void dialog.accept())
    await card(page, 'dues').getByRole('button', { name: '删除此题' }).click()
    await until(async () => (await elements(ruled)).map((e) => e.name)).toEqual(['why'])
  })

  it('says all of it in English too, editing the English texts in place', async () => {
    const { page } = editor
    await page.goto(`${server.url}/forms/${formId}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('radio', { name: 'Simple mode' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Insert block: 党费题块' }).waitFor()
    await page.getByLabel('Question 1 title').fill('Dues paid on time?')
    await until(async () => {
      const [dues] = await elements(formId)
      return dues?.title
    }).toEqual({ default: '是否按时足额交纳党费', en: 'Dues paid on time?' })
    expect(editor.problems).toEqual([])
  })
})
