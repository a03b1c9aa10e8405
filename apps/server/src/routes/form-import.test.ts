import { readFileSync } from 'node:fs'
import { testStores } from '@yardstick/db/testing'
import { parseFormText, validateForm } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'

// The SDK's own 问卷星 fixture: the route answers exactly what `parseFormText` reads.
const WJX = readFileSync(
  new URL('../../../../packages/sdk/test/fixtures/text-import/wjx.txt', import.meta.url),
  'utf8',
)

describe.each(await testStores())('POST /api/forms/import on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  const convert = (body: unknown, token = editor) =>
    f.call('POST', '/api/forms/import', { token, body })
  const formCount = async () =>
    (await f.call('GET', '/api/forms?pageSize=1', { token: editor })).body.total as number

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
  })
  afterAll(() => f.close())

  it('converts an office’s text to a valid form with its unread lines, and saves nothing', async () => {
    const before = await formCount()
    const { status, body } = await convert({ text: WJX })
    expect(status).toBe(200)
    expect(body).toEqual(JSON.parse(JSON.stringify(parseFormText(WJX))))
    expect(body.syntax).toBe('wjx')
    expect(body.problems.map((p: { line: number }) => p.line)).toEqual([5, 147, 148, 150, 155])
    expect(validateForm(body.form).valid).toBe(true)
    expect(await formCount()).toBe(before)
  })

  it('reads the syntax it is told', async () => {
    const text = '1. 姓名[填空题][必答]'
    expect((await convert({ text })).body.syntax).toBe('tencent')
    expect((await convert({ text, syntax: 'wjx' })).body.syntax).toBe('wjx')
  })

  it('refuses empty text or an unknown syntax with 400 naming the field', async () => {
    const empty = await convert({ text: '' })
    expect(empty.status).toBe(400)
    expect(empty.body.error.code).toBe('invalidBody')
    expect(empty.body.error.details.issues[0].path).toBe('text')
    const odd = await convert({ text: '1. 姓名', syntax: 'jinshuju' })
    expect(odd.status).toBe(400)
    expect(odd.body.error.details.issues[0].path).toBe('syntax')
  })

  it('refuses a text of more questions than a form may hold with 422 formTooLarge', async () => {
    const text = Array.from({ length: 1001 }, (_, i) => `${i + 1}. 题${i}[填空题]`).join('\n\n')
    const { status, body } = await convert({ text })
    expect(status).toBe(422)
    expect(body.error.code).toBe('formTooLarge')
  })

  it('is for editors and admins, as creating a form is', async () => {
    const { status, body } = await convert({ text: '1. 姓名[填空题]' }, reviewer)
    expect(status).toBe(403)
    expect(body.error.code).toBe('forbidden')
  })
})
