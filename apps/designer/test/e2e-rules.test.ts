import { join } from 'node:path'
import { type FormJson, validateForm } from '@yardstick/sdk'
import type { Browser, Dialog, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  SCREENSHOTS,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
  until,
} from './harness'

const hasChromium = chromiumAvailable('designer rule builder e2e')

// A 是否 item with a follow-up, as an office drafts it: no logic yet.
const FORM = {
  title: '规则构建器测试表',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'theoryStudy',
          title: '是否按时参加理论学习',
          choices: [
            { value: 'yes', text: '是' },
            { value: 'no', text: '否' },
          ],
        },
        { type: 'comment', name: 'why', title: '未参加的原因' },
        { type: 'text', inputType: 'number', name: 'absences', title: '缺勤次数' },
        { type: 'comment', name: 'plan', title: '整改计划' },
      ],
    },
  ],
}

type Element = { name: string; [key: string]: unknown }

// 党费 questions one a page, as a branch asks them: who has not paid says why, who has is done.
const DUES = {
  title: '党费交纳情况',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'paid',
          title: '是否交纳党费',
          choices: [
            { value: 'yes', text: '是' },
            { value: 'no', text: '否' },
          ],
        },
      ],
    },
    {
      name: 'p2',
      elements: [{ type: 'text', inputType: 'number', name: 'months', title: '交纳月数' }],
    },
    { name: 'p3', elements: [{ type: 'comment', name: 'whyNot', title: '未交原因' }] },
    { name: 'p4', elements: [{ type: 'comment', name: 'remark', title: '其他说明' }] },
  ],
}

describe.skipIf(!hasChromium)('logic without expressions: the rule builder in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let editor: OpenedPage
  let token: string
  let formId: number

  /** The form's live JSON as the server has it (the co-edited document's). */
  const element = async (name: string) => {
    const form = await api<{ json: FormJson }>(server, token, 'GET', `/api/forms/${formId}`)
    return (form.json.pages?.[0]?.elements as Element[] | undefined)?.find((e) => e.name === name)
  }
  const selectRow = async (page: Page, name: string) => {
    await page.locator(`.tree-row[data-name="${name}"]`).click()
    await page.locator('.props .rule-field').first().waitFor()
  }

  beforeAll(async () => {
    ;({ server, browser } = await startServerAndBrowser())
    token = await apiToken(server.url, 'editor@yardstick.local')
    const created = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
      title: FORM.title,
      json: FORM,
    })
    formId = created.id
    editor = await signedInPage(browser, server.url, 'editor@yardstick.local')
    await editor.page.goto(`${server.url}/forms/${formId}`)
    await editor.page.locator('.connection[data-state="synced"]').waitFor()
    // The property panel is the expert mode's, where an editor has a simple mode to leave.
    const expert = editor.page.getByRole('radio', { name: '专家模式' })
    if ((await expert.count()) > 0) await expert.check()
  }, 180_000)

  afterAll(() => stopRun({ browser, server }))

  it('builds a visibleIf rule by picking question, comparison and choice: no expression typed or shown', async () => {
    const { page } = editor
    await selectRow(page, 'why')
    const visible = page.locator('.rule-field[data-rule="visibleIf"]')
    await visible.getByText('总是显示。').waitFor()
    await visible.getByRole('button', { name: '添加条件' }).click()
    await visible.getByLabel('第 1 个条件的题目').selectOption('theoryStudy')
    // Questions by their titles, as offices know them.
    expect(
      await visible.getByLabel('第 1 个条件的题目').locator('option:checked').textContent(),
    ).toBe('是否按时参加理论学习（theoryStudy）')
    expect(await visible.getByLabel('第 1 个条件的比较').inputValue()).toBe('eq')
    // The choices are the question's, by their text: 否 for the value no.
    await visible.getByLabel('第 1 个条件的选项或值').selectOption({ label: '否（no）' })
    await until(async () => (await element('why'))?.visibleIf).toBe("{theoryStudy} = 'no'")
    expect(await visible.textContent()).toContain('当')
    expect(await visible.textContent()).toContain('时，显示此项')
    expect(await visible.textContent()).not.toMatch(/[{}]/)
    expect(await visible.getByRole('textbox', { name: '表达式', exact: true }).count()).toBe(0)
  }, 60_000)

  it('builds a requiredIf rule of two conditions joined by AND, a number typed as a value', async () => {
    const { page } = editor
    await selectRow(page, 'plan')
    const required = page.locator('.rule-field[data-rule="requiredIf"]')
    await required.getByRole('button', { name: '添加条件' }).click()
    await required.getByLabel('第 1 个条件的题目').selectOption('theoryStudy')
    await required.getByLabel('第 1 个条件的选项或值').selectOption({ label: '否（no）' })
    await until(async () => (await element('plan'))?.requiredIf).toBe("{theoryStudy} = 'no'")
    await required.getByRole('button', { name: '添加条件' }).click()
    await required.getByLabel('第 2 个条件的题目').selectOption('absences')
    await required.getByLabel('第 2 个条件的比较').selectOption({ label: '大于' })
    await required.getByLabel('第 2 个条件的选项或值').fill('2')
    await required.getByLabel('第 2 个条件的选项或值').press('Enter')
    await until(async () => (await element('plan'))?.requiredIf).toBe(
      "{theoryStudy} = 'no' and {absences} > 2",
    )
    expect(await required.textContent()).toContain('时，此题必答')
    expect(await required.textContent()).not.toMatch(/[{}]/)
    // Experts still see and edit the expression it wrote.
    await required.getByLabel('专家：以表达式编辑').check()
    expect(await required.getByRole('textbox', { name: '表达式', exact: true }).inputValue()).toBe(
      "{theoryStudy} = 'no' and {absences} > 2",
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-builder.png'), fullPage: true })
  }, 60_000)

  it('asks before deleting a question rules refer to, naming them; then publishing is refused with the rule named', async () => {
    const { page } = editor
    await selectRow(page, 'theoryStudy')
    const messages: string[] = []
    const answer = (accept: boolean) => async (dialog: Dialog) => {
      messages.push(dialog.message())
      await (accept ? dialog.accept() : dialog.dismiss())
    }
    page.once('dialog', answer(false))
    await page.getByRole('button', { name: '删除此项' }).click()
    await until(() => messages.length).toBe(1)
    expect(messages[0]).toContain('有 2 条规则引用“theoryStudy”')
    expect(messages[0]).toContain("“why”的显示条件：{theoryStudy} = 'no'")
    expect(messages[0]).toContain('“plan”的必答条件')
    // Declined: nothing removed.
    expect(await element('theoryStudy')).toBeDefined()

    page.once('dialog', answer(true))
    await page.getByRole('button', { name: '删除此项' }).click()
    await until(async () => (await element('theoryStudy')) === undefined).toBe(true)

    await page.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('发布说明').fill('删除理论学习题后')
    const issues = dialog.locator('.publish-issues li')
    await until(() => issues.allTextContents()).toEqual([
      '“why”的显示条件引用的题目“theoryStudy”不存在（已删除或改名）',
      '“plan”的必答条件引用的题目“theoryStudy”不存在（已删除或改名）',
    ])
    expect(await dialog.getByRole('button', { name: '确认发布' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-publish-refused-zh-CN.png') })
    // The server refuses too, with the typed list.
    const refused = await fetch(`${server.url}/api/forms/${formId}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: '绕过界面' }),
    })
    expect(refused.status).toBe(422)
    const body = (await refused.json()) as {
      error: { details: { errors: Array<{ code: string; element: string; property: string }> } }
    }
    expect(body.error.details.errors.map((e) => [e.code, e.element, e.property])).toEqual([
      ['logicUnknownQuestion', 'why', 'visibleIf'],
      ['logicUnknownQuestion', 'plan', 'requiredIf'],
    ])

    // The same list in English.
    await dialog.getByRole('button', { name: '取消' }).click()
    await page.getByRole('button', { name: 'English' }).first().click()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await until(() =>
      page.getByRole('dialog').locator('.publish-issues li').allTextContents(),
    ).toEqual([
      'The visibility condition of "why" refers to "theoryStudy", which no longer exists (deleted or renamed)',
      'The required-if condition of "plan" refers to "theoryStudy", which no longer exists (deleted or renamed)',
    ])
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-publish-refused-en.png') })
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    // The builder in English; the rule on the deleted question still shows it, to be fixed.
    await selectRow(page, 'why')
    const visible = page.locator('.rule-field[data-rule="visibleIf"]')
    expect(await visible.locator('legend').textContent()).toBe('Visible if')
    expect(await visible.locator('.rule-lead').textContent()).toBe('When')
    expect(await visible.getByLabel('Question of condition 1').inputValue()).toBe('theoryStudy')
    expect(await visible.textContent()).toContain(', show this')
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-builder-en.png'), fullPage: true })
    await page.getByRole('button', { name: '中文' }).first().click()
    expect(editor.problems).toEqual([])
  }, 60_000)

  it('builds skip and end rules by picking only: 当 是否交纳党费 是 否 时，跳到 未交原因; 是 时，结束问卷', async () => {
    const { page } = editor
    const created = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
      title: DUES.title,
      json: DUES,
    })
    const live = async () =>
      (await api<{ json: FormJson }>(server, token, 'GET', `/api/forms/${created.id}`)).json
    await page.goto(`${server.url}/forms/${created.id}`)
    await page.locator('.connection[data-state="synced"]').waitFor()
    const expert = page.getByRole('radio', { name: '专家模式' })
    if ((await expert.count()) > 0) await expert.check()
    await page.locator('#tree-row-root').click()
    const rules = page.locator('.trigger-rules')
    expect(await rules.locator('legend').first().textContent()).toBe('跳题与结束规则')
    await rules.getByText('还没有跳题或结束规则').waitFor()

    await rules.getByRole('button', { name: '添加跳题或结束规则' }).click()
    const skip = rules.locator('[data-trigger="0"]')
    // A new rule opens with its first condition to fill: question, comparison, choice.
    await skip.getByLabel('第 1 个条件的题目').selectOption('paid')
    expect(await skip.getByLabel('第 1 个条件的题目').locator('option:checked').textContent()).toBe(
      '是否交纳党费（paid）',
    )
    await skip.getByLabel('第 1 个条件的选项或值').selectOption({ label: '否（no）' })
    expect(await skip.getByLabel('规则 1 的动作').inputValue()).toBe('skip')
    await skip.getByLabel('规则 1 跳到的题目').selectOption({ label: '未交原因（whyNot）' })
    await until(async () => (await live()).triggers).toEqual([
      { type: 'skip', expression: "{paid} = 'no'", gotoName: 'whyNot' },
    ])

    await rules.getByRole('button', { name: '添加跳题或结束规则' }).click()
    const end = rules.locator('[data-trigger="1"]')
    await end.getByLabel('第 1 个条件的题目').selectOption('paid')
    await end.getByLabel('第 1 个条件的选项或值').selectOption({ label: '是（yes）' })
    await end.getByLabel('规则 2 的动作').selectOption({ label: '结束问卷' })
    expect(await end.getByLabel('规则 2 跳到的题目').count()).toBe(0)
    await until(async () => (await live()).triggers).toEqual([
      { type: 'skip', expression: "{paid} = 'no'", gotoName: 'whyNot' },
      { type: 'complete', expression: "{paid} = 'yes'" },
    ])
    const text = await rules.textContent()
    expect(text).toContain('时，')
    expect(text).not.toMatch(/[{}]/)
    expect(await rules.getByRole('textbox', { name: '表达式', exact: true }).count()).toBe(0)
    // The form as the server has it passes the SDK's checks: publishing would take it.
    expect(validateForm(await live()).errors).toEqual([])
    await page.screenshot({ path: join(SCREENSHOTS, 'skip-rules.png'), fullPage: true })

    // The preview answers as a respondent: 否 skips 交纳月数 to 未交原因; 是 makes page 1 of 4 the
    // last (its button completes) and completing ends the survey. The preview is rebuilt when the
    // editor pauses, so the first answer is given again on a fresh preview until it has the rules.
    const preview = page.getByTestId('preview')
    const reset = page.getByRole('button', { name: '清空预览答案' })
    const shown = async () => (await preview.locator('.sd-question').allTextContents()).join('|')
    // Clicks anywhere are this editor's activity, which postpones the preview's rebuild: each try
    // is followed by 3 s without input, the pause a person makes (polling every 50 ms kept the
    // preview from ever rebuilding under CI's load, where a rebuild waits longer).
    await expect
      .poll(
        async () => {
          await reset.click()
          await preview.locator('.sd-question').first().getByText('否', { exact: true }).click()
          return shown()
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toContain('未交原因')
    expect(await shown()).not.toContain('交纳月数')
    await reset.click()
    await preview.locator('.sd-question').first().getByText('是', { exact: true }).click()
    await preview.locator('.sd-navigation__complete-btn').click()
    await preview.locator('.sd-completedpage').waitFor()
  }, 90_000)

  it('names the skip rule when its target is deleted, and publishing is refused naming it', async () => {
    const { page } = editor
    await selectRow(page, 'whyNot')
    const messages: string[] = []
    page.once('dialog', async (dialog) => {
      messages.push(dialog.message())
      await dialog.accept()
    })
    await page.getByRole('button', { name: '删除此项' }).click()
    await until(() => messages.length).toBe(1)
    expect(messages[0]).toContain('有 1 条规则引用“whyNot”')
    expect(messages[0]).toContain('表单的第 1 条跳题与结束规则：跳到“whyNot”')

    await page.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await until(() => dialog.locator('.publish-issues li').allTextContents()).toEqual([
      '表单的第 1 条跳题与结束规则引用的题目“whyNot”不存在（已删除或改名）',
    ])
    expect(await dialog.getByRole('button', { name: '确认发布' }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()
    // The rule still shows its deleted target, to be fixed; in English too.
    await page.locator('#tree-row-root').click()
    const skip = page.locator('.trigger-rules [data-trigger="0"]')
    expect(await skip.getByLabel('规则 1 跳到的题目').inputValue()).toBe('whyNot')
    await page.getByRole('button', { name: 'English' }).first().click()
    expect(await page.locator('.trigger-rules > legend').textContent()).toBe('Skip and end rules')
    expect(await skip.getByLabel('Action of rule 1').locator('option:checked').textContent()).toBe(
      'skip to',
    )
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await until(() =>
      page.getByRole('dialog').locator('.publish-issues li').allTextContents(),
    ).toEqual([
      `Rule 1 of the form's skip and end rules refers to "whyNot", which no longer exists (deleted or renamed)`,
    ])
    await page.screenshot({ path: join(SCREENSHOTS, 'skip-rules-refused-en.png') })
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: '中文' }).first().click()
    expect(editor.problems).toEqual([])
  }, 60_000)
})
