import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs, yesNoForm } from '../forms/test-helpers'

describe.each(await testStores())('forms on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  const create = async (body: Record<string, unknown>, token = editor) =>
    f.call('POST', '/api/forms', { token, body })

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
  })
  afterAll(() => f.close())

  it('creates a form from an SDK template, owned by the editor’s organisation, titled in its JSON', async () => {
    const { status, body } = await create({ title: '2025 年度自查', template: 'selfCheck' })
    expect(status).toBe(201)
    const form = await f.call('GET', `/api/forms/${body.id}`, { token: editor })
    expect(form.status).toBe(200)
    expect(form.body).toMatchObject({
      id: body.id,
      title: '2025 年度自查',
      kind: 'selfCheck',
      orgId: f.orgs.committee,
      archived: false,
      latestVersion: null,
      unpublishedChanges: true,
    })
    expect(form.body.json.title).toBe('2025 年度自查')
    expect(form.body.json.pages).toEqual(templates.selfCheck.pages)
  })

  it('creates a blank generic form, or one from a given JSON whose title is replaced', async () => {
    const blank = await create({ title: '空白表' })
    const blankForm = (await f.call('GET', `/api/forms/${blank.body.id}`, { token: editor })).body
    expect(blankForm.kind).toBe('generic')
    expect(blankForm.json).toEqual({
      title: '空白表',
      kind: 'generic',
      pages: [{ name: 'page1', elements: [] }],
    })
    const given = await create({
      title: '测评表',
      json: { title: '旧', kind: 'satisfaction', pages: [] },
    })
    const givenForm = (await f.call('GET', `/api/forms/${given.body.id}`, { token: editor })).body
    expect(givenForm).toMatchObject({ kind: 'satisfaction', json: { title: '测评表' } })
  })

  it('refuses an unknown template with 400 listing the valid ones', async () => {
    const { status, body } = await create({ title: 'x', template: 'nope' })
    expect(status).toBe(400)
    expect(body.error.code).toBe('badRequest')
    expect(body.error.details.templates).toEqual(Object.keys(templates))
  })

  it('refuses a json that is not an object, both template and json, and an empty title', async () => {
    const array = await create({ title: 'x', json: [1, 2] })
    expect(array.status).toBe(400)
    expect(array.body.error.code).toBe('invalidBody')
    expect((await create({ title: 'x', template: 'quiz', json: {} })).status).toBe(400)
    expect((await create({ title: '  ' })).status).toBe(400)
  })

  it('creates a form for a reached organisation on request, and refuses one out of reach', async () => {
    const { body } = await create({ title: '支部表', orgId: f.orgs.branch3 })
    const form = await f.call('GET', `/api/forms/${body.id}`, { token: editor })
    expect(form.body.orgId).toBe(f.orgs.branch3)
    const subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
    const outside = await create({ title: 'x', orgId: f.orgs.otherSub }, subEditor)
    expect(outside.status).toBe(403)
    expect((await create({ title: 'x', orgId: 999999 })).status).toBe(400)
  })

  it('lets only editors and admins create forms', async () => {
    expect((await create({ title: 'x' }, reviewer)).status).toBe(403)
    expect((await create({ title: 'x' }, await f.login('assessor'))).status).toBe(403)
    expect((await create({ title: 'x' }, await f.login('secretary'))).status).toBe(403)
    expect((await create({ title: 'x' }, await f.login('admin'))).status).toBe(201)
  })

  it('lists forms newest first with total and pages them by offset and by cursor', async () => {
    const ids: number[] = []
    for (const n of [1, 2, 3, 4, 5]) ids.push((await create({ title: `分页表 ${n}` })).body.id)
    const first = await f.call('GET', '/api/forms?q=分页表&limit=2', { token: reviewer })
    expect(first.status).toBe(200)
    expect(first.body.total).toBe(5)
    expect(first.body.items.map((i: { id: number }) => i.id)).toEqual([ids[4], ids[3]])
    expect(first.body.nextOffset).toBe(2)
    expect(first.body.items[0]).not.toHaveProperty('json')
    const byOffset = await f.call('GET', '/api/forms?q=分页表&limit=2&offset=4', {
      token: reviewer,
    })
    expect(byOffset.body.items.map((i: { id: number }) => i.id)).toEqual([ids[0]])
    expect(byOffset.body.nextOffset).toBeNull()
    const byCursor = await f.call(
      'GET',
      `/api/forms?q=分页表&limit=2&cursor=${first.body.nextCursor}`,
      { token: reviewer },
    )
    expect(byCursor.body.items.map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1]])
  })

  it('refuses a limit over 100 and offset together with cursor', async () => {
    expect((await f.call('GET', '/api/forms?limit=101', { token: editor })).status).toBe(400)
    const both = await f.call('GET', '/api/forms?offset=1&cursor=5', { token: editor })
    expect(both.status).toBe(400)
  })

  it('searches titles literally and filters by kind', async () => {
    await create({ title: '满意度 100%_专用', template: 'satisfaction' })
    const percent = await f.call('GET', `/api/forms?q=${encodeURIComponent('100%_')}`, {
      token: editor,
    })
    expect(percent.body.items.map((i: { title: string }) => i.title)).toEqual(['满意度 100%_专用'])
    const quizzes = await f.call('GET', '/api/forms?kind=satisfaction', { token: editor })
    expect(quizzes.body.items.length).toBeGreaterThan(0)
    expect(quizzes.body.items.every((i: { kind: string }) => i.kind === 'satisfaction')).toBe(true)
  })

  it('leaves forms outside your reach out of the list and answers 403 on direct access', async () => {
    const committeeForm = (await create({ title: '工委专用表' })).body.id
    const otherEditor = await signInAs(f, 'other-editor', [
      { role: 'editor', orgId: f.orgs.otherSub },
    ])
    const own = (await create({ title: '第二分工委表' }, otherEditor)).body.id
    const list = await f.call('GET', '/api/forms?limit=100', { token: otherEditor })
    const listed = list.body.items.map((i: { id: number }) => i.id)
    expect(listed).toContain(own)
    expect(listed).not.toContain(committeeForm)
    expect(list.body.items.every((i: { orgId: number }) => i.orgId !== f.orgs.committee)).toBe(true)
    const direct = await f.call('GET', `/api/forms/${committeeForm}`, { token: otherEditor })
    expect(direct.status).toBe(403)
    expect(direct.body.error.code).toBe('forbidden')
  })

  it('refuses users without a form role: 403 for the list and for a form, 404 for an unknown id', async () => {
    const outsider = await f.login('outsider')
    const secretary = await f.login('secretary')
    const id = (await create({ title: '任意表' })).body.id
    expect((await f.call('GET', '/api/forms', { token: outsider })).status).toBe(403)
    expect((await f.call('GET', '/api/forms', { token: secretary })).status).toBe(403)
    expect((await f.call('GET', `/api/forms/${id}`, { token: outsider })).status).toBe(403)
    expect((await f.call('GET', '/api/forms/999999', { token: editor })).status).toBe(404)
    expect((await f.call('GET', '/api/forms')).status).toBe(401)
  })

  it('saves a new JSON with PUT, the title following the JSON unless given', async () => {
    const id = (await create({ title: '保存前' })).body.id
    const put = await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: { ...yesNoForm('保存后', ['a']), kind: 'selfCheck' } },
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ title: '保存后', kind: 'selfCheck' })
    const renamed = await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('保存后', ['a']), title: '改名' },
    })
    expect(renamed.body).toMatchObject({ title: '改名', kind: 'generic', json: { title: '改名' } })
    const again = await f.call('GET', `/api/forms/${id}`, { token: reviewer })
    expect(again.body.json.pages[0].elements[0].name).toBe('a')
  })

  it('lets a reviewer read but not save, and refuses a JSON that is not an object', async () => {
    const id = (await create({ title: '只读' })).body.id
    const body = { json: yesNoForm('x', ['a']) }
    const denied = await f.call('PUT', `/api/forms/${id}`, { token: reviewer, body })
    expect(denied.status).toBe(403)
    const bad = await f.call('PUT', `/api/forms/${id}`, { token: editor, body: { json: 'x' } })
    expect(bad.status).toBe(400)
    expect((await f.call('GET', `/api/forms/${id}`, { token: reviewer })).body.title).toBe('只读')
  })

  it('archives a form out of the list into ?archived=true, read-only until unarchived', async () => {
    const id = (await create({ title: '归档测试表' })).body.id
    const archived = await f.call('POST', `/api/forms/${id}/archive`, { token: editor })
    expect(archived.body).toEqual({ id, archived: true })
    const active = await f.call('GET', '/api/forms?q=归档测试表', { token: editor })
    expect(active.body.total).toBe(0)
    const shelf = await f.call('GET', '/api/forms?q=归档测试表&archived=true', { token: editor })
    expect(shelf.body.items).toMatchObject([{ id, archived: true }])
    const save = await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('x', ['a']) },
    })
    expect(save.status).toBe(409)
    expect((await f.call('POST', `/api/forms/${id}/archive`, { token: reviewer })).status).toBe(403)
    await f.call('POST', `/api/forms/${id}/unarchive`, { token: editor })
    const back = await f.call('GET', '/api/forms?q=归档测试表', { token: editor })
    expect(back.body.items).toMatchObject([{ id, archived: false }])
  })

  it('duplicates a form into a new unpublished one titled as a copy', async () => {
    const id = (await create({ title: '原表', template: 'scorecard' })).body.id
    await f.call('POST', `/api/forms/${id}/publish`, { token: editor, body: { note: 'v1' } })
    const copy = await f.call('POST', `/api/forms/${id}/duplicate`, { token: editor })
    expect(copy.status).toBe(201)
    expect(copy.body.id).not.toBe(id)
    const form = (await f.call('GET', `/api/forms/${copy.body.id}`, { token: editor })).body
    expect(form).toMatchObject({ title: '原表（副本）', kind: 'scorecard', latestVersion: null })
    expect(form.json.pages).toEqual(templates.scorecard.pages)
    const named = await f.call('POST', `/api/forms/${id}/duplicate`, {
      token: editor,
      body: { title: '新考评表' },
    })
    const renamed = (await f.call('GET', `/api/forms/${named.body.id}`, { token: editor })).body
    expect(renamed.json.title).toBe('新考评表')
    const denied = await f.call('POST', `/api/forms/${id}/duplicate`, { token: reviewer })
    expect(denied.status).toBe(403)
  })

  it('describes every form route in OpenAPI with English and zh-CN summaries', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const routes = [
      ['/api/forms', 'post'],
      ['/api/forms', 'get'],
      ['/api/forms/{id}', 'get'],
      ['/api/forms/{id}', 'put'],
      ['/api/forms/{id}/archive', 'post'],
      ['/api/forms/{id}/unarchive', 'post'],
      ['/api/forms/{id}/duplicate', 'post'],
      ['/api/forms/{id}/publish', 'post'],
      ['/api/forms/{id}/versions', 'get'],
      ['/api/forms/{id}/versions/{version}', 'get'],
      ['/api/forms/{id}/versions/{a}/diff/{b}', 'get'],
    ] as const
    for (const [path, method] of routes) {
      expect(spec.paths[path]?.[method]?.summary, `${method} ${path}`).toMatch(
        /[A-Za-z].*·.*\p{Script=Han}/u,
      )
    }
  })
})
