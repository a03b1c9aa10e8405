import { testStores } from '@yardstick/db/testing'
import { selfCheckItem } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'

describe.each(await testStores())('blocks on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  let subEditor: string
  const item = selfCheckItem({ name: 'dues', title: '是否按时足额交纳党费' })
  const save = (body: Record<string, unknown>, token = editor) =>
    f.call('POST', '/api/blocks', { token, body })
  const list = async (token = editor, query = '') => {
    const { status, body } = await f.call('GET', `/api/blocks${query}`, { token })
    if (status !== 200) throw new Error(`list: ${status} ${JSON.stringify(body)}`)
    return body.items as Array<{ id: number; name: string; orgId: number; elements: unknown[] }>
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
    subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
  })
  afterAll(() => f.close())

  it('saves a 是否 item with its 问题清单 as one block of the editor’s office, listed with its author', async () => {
    const { status, body } = await save({ name: '党费', elements: item })
    expect(status).toBe(201)
    expect(body).toMatchObject({
      name: '党费',
      orgId: f.orgs.committee,
      elements: item,
      createdBy: { id: f.users.editor.id },
    })
    expect((await list()).map((b) => b.id)).toContain(body.id)
  })

  it('refuses elements that are no valid form with 422 invalidForm naming the problem, and stores nothing', async () => {
    const before = await list()
    const twice = [
      { type: 'text', name: 'same', title: '一' },
      { type: 'text', name: 'same', title: '二' },
    ]
    const { status, body } = await save({ name: '重名', elements: twice })
    expect(status).toBe(422)
    expect(body.error.code).toBe('invalidForm')
    expect(body.error.details.errors.length).toBeGreaterThan(0)
    expect(body.error.details.errors[0]).toHaveProperty('path')
    expect(await list()).toEqual(before)
  })

  it('refuses a body without elements or name with 400 invalidBody naming the field', async () => {
    const empty = await save({ name: '空', elements: [] })
    expect(empty.status).toBe(400)
    expect(empty.body.error.code).toBe('invalidBody')
    expect(empty.body.error.details.issues[0].path).toBe('elements')
    const nameless = await save({ name: '  ', elements: item })
    expect(nameless.status).toBe(400)
    expect(nameless.body.error.details.issues[0].path).toBe('name')
  })

  it('shows an office’s blocks to the editors reaching it, and no one else', async () => {
    const own = await save({ name: '分工委题块', elements: item, orgId: f.orgs.sub }, subEditor)
    expect(own.status).toBe(201)
    expect(own.body.orgId).toBe(f.orgs.sub)
    // The sub-committee's editor sees its own blocks, not the committee's above it.
    expect((await list(subEditor)).map((b) => b.name)).toEqual(['分工委题块'])
    // The committee's editor reaches the sub-committee: sees both, and can narrow to one office.
    expect((await list()).map((b) => b.name)).toEqual(['分工委题块', '党费'])
    expect((await list(editor, `?orgId=${f.orgs.sub}`)).map((b) => b.name)).toEqual(['分工委题块'])
    const outOfReach = await f.call('GET', `/api/blocks?orgId=${f.orgs.committee}`, {
      token: subEditor,
    })
    expect(outOfReach.status).toBe(403)
    const saveAbove = await save({ name: 'x', elements: item, orgId: f.orgs.committee }, subEditor)
    expect(saveAbove.status).toBe(403)
    expect((await f.call('GET', '/api/blocks', { token: reviewer })).status).toBe(403)
    expect((await save({ name: 'x', elements: item }, reviewer)).status).toBe(403)
  })

  it('deletes a block only for an editor reaching its office; an unknown one is 404', async () => {
    const [top] = (await list()).filter((b) => b.orgId === f.orgs.committee)
    if (!top) throw new Error('no committee block')
    const refused = await f.call('DELETE', `/api/blocks/${top.id}`, { token: subEditor })
    expect(refused.status).toBe(403)
    expect((await list()).map((b) => b.id)).toContain(top.id)
    const done = await f.call('DELETE', `/api/blocks/${top.id}`, { token: editor })
    expect(done.status).toBe(204)
    expect((await list()).map((b) => b.id)).not.toContain(top.id)
    const again = await f.call('DELETE', `/api/blocks/${top.id}`, { token: editor })
    expect(again.status).toBe(404)
    expect(again.body.error.code).toBe('notFound')
  })
})
