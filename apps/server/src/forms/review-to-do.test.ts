import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'

describe.each(await testStores())('a reviewer’s to-do in the form list, on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  let published: number
  let draft: number
  const titles = async (query: string) => {
    const { body } = await f.call('GET', `/api/forms${query}`, { token: reviewer })
    return body.items.map((i: { title: string; openThreads: number }) => [i.title, i.openThreads])
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
    const create = async (title: string) =>
      (
        await f.call('POST', '/api/forms', {
          token: editor,
          body: { title, template: 'satisfaction' },
        })
      ).body.id as number
    published = await create('已发布的满意度表')
    draft = await create('起草中的满意度表')
    await f.call('POST', `/api/forms/${published}/publish`, { token: editor, body: { note: 'v1' } })
  })
  afterAll(() => f.close())

  it('counts each form’s open review threads and lists only those with some on request', async () => {
    const opened = await f.call('POST', `/api/forms/${published}/comments`, {
      token: reviewer,
      body: { elementId: 'el_study', elementName: 'study', body: '建议改写题干' },
    })
    expect(opened.status).toBe(201)
    await f.call('POST', `/api/forms/${published}/comments`, {
      token: reviewer,
      body: { elementId: 'el_study', elementName: 'study', body: '选项顺序' },
    })
    expect(await titles('')).toEqual([
      ['起草中的满意度表', 0],
      ['已发布的满意度表', 2],
    ])
    expect(await titles('?openThreads=true')).toEqual([['已发布的满意度表', 2]])
    await f.call('POST', `/api/forms/${published}/comments/${opened.body.id}/resolve`, {
      token: editor,
    })
    expect(await titles('?openThreads=true')).toEqual([['已发布的满意度表', 1]])
  })

  it('lists the forms never published or changed since their latest version as the ones to review', async () => {
    expect(await titles('?unpublished=true')).toEqual([['起草中的满意度表', 0]])
    const { body } = await f.call('GET', `/api/forms/${published}`, { token: editor })
    const json = { ...body.json, title: '已发布的满意度表（修订）' }
    await f.call('PUT', `/api/forms/${published}`, { token: editor, body: { json } })
    expect((await titles('?unpublished=true')).map(([title]: [string]) => title)).toEqual([
      '起草中的满意度表',
      '已发布的满意度表（修订）',
    ])
    expect(draft).toBeGreaterThan(published)
  })
})
