import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs, yesNoForm } from '../forms/test-helpers'

describe.each(await testStores())('review comments on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  let formId: number
  const path = () => `/api/forms/${formId}/comments`
  const open = (token: string, body: unknown, id = formId) =>
    f.call('POST', `/api/forms/${id}/comments`, { token, body })

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
    const created = await f.call('POST', '/api/forms', {
      token: editor,
      body: { title: '评审表', json: yesNoForm('评审表', ['q1', 'q2']) },
    })
    formId = created.body.id
  })
  afterAll(() => f.close())

  it('a reviewer opens a thread on an element; an editor replies, resolves and reopens it', async () => {
    const opened = await open(reviewer, {
      elementId: 'q1Id_abc-123',
      elementName: 'q1',
      body: '  表述不清  ',
    })
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({
      elementId: 'q1Id_abc-123',
      elementName: 'q1',
      body: '表述不清',
      author: { id: f.users.reviewer.id, name: 'reviewer' },
      resolved: false,
      resolvedBy: null,
      replies: [],
    })
    const id = opened.body.id
    const reply = await f.call('POST', `${path()}/${id}/replies`, {
      token: editor,
      body: { body: '已修改' },
    })
    expect(reply.status).toBe(201)
    expect(reply.body.replies).toEqual([
      expect.objectContaining({
        body: '已修改',
        author: { id: f.users.editor.id, name: 'editor' },
      }),
    ])

    const resolved = await f.call('POST', `${path()}/${id}/resolve`, { token: editor })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({
      resolved: true,
      resolvedBy: { id: f.users.editor.id, name: 'editor' },
    })
    // Resolving again keeps who resolved it first.
    const again = await f.call('POST', `${path()}/${id}/resolve`, { token: reviewer })
    expect(again.body.resolvedBy.id).toBe(f.users.editor.id)
    expect(again.body.resolvedAt).toBe(resolved.body.resolvedAt)

    const reopened = await f.call('POST', `${path()}/${id}/reopen`, { token: reviewer })
    expect(reopened.status).toBe(200)
    expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null })

    const list = await f.call('GET', path(), { token: editor })
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(1)
    expect(list.body.items[0]).toMatchObject({ id, replies: [{ body: '已修改' }] })
  })

  it('lists threads newest first, paged, each with only its own replies', async () => {
    const other = (
      await f.call('POST', '/api/forms', {
        token: editor,
        body: { title: '分页', json: yesNoForm('分页', ['a']) },
      })
    ).body.id
    const ids: number[] = []
    for (const n of [1, 2, 3]) {
      const t = await open(
        editor,
        { elementId: `el${n}`, elementName: `q${n}`, body: `第${n}条` },
        other,
      )
      ids.push(t.body.id)
      await f.call('POST', `/api/forms/${other}/comments/${t.body.id}/replies`, {
        token: reviewer,
        body: { body: `回复${n}` },
      })
    }
    const first = await f.call('GET', `/api/forms/${other}/comments?limit=2`, { token: editor })
    expect(first.body.items.map((t: { id: number }) => t.id)).toEqual([ids[2], ids[1]])
    expect(first.body.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['回复3'])
    expect(first.body).toMatchObject({ total: 3, nextOffset: 2 })
    const rest = await f.call('GET', `/api/forms/${other}/comments?limit=2&offset=2`, {
      token: editor,
    })
    expect(rest.body.items.map((t: { id: number }) => t.id)).toEqual([ids[0]])
    expect(rest.body.nextOffset).toBeNull()
  })

  it('answers 304 to an unchanged ETag, and a new tag after a reply, a resolve or a reopen', async () => {
    const first = await f.call('GET', path(), { token: reviewer })
    const tag = first.headers.get('etag') ?? ''
    expect(tag).toMatch(/^W\/"/)
    const same = await f.call('GET', path(), { token: reviewer, headers: { 'if-none-match': tag } })
    expect(same.status).toBe(304)
    const id = first.body.items[0].id
    const tags = new Set([tag])
    for (const action of ['resolve', 'reopen', 'replies']) {
      const body = action === 'replies' ? { body: '再看看' } : undefined
      await f.call('POST', `${path()}/${id}/${action}`, { token: editor, body })
      const next = await f.call('GET', path(), {
        token: reviewer,
        headers: { 'if-none-match': tag },
      })
      expect(next.status).toBe(200)
      tags.add(next.headers.get('etag') ?? '')
    }
    expect(tags.size).toBe(4)
  })

  it('refuses bad input clearly and stores nothing', async () => {
    const before = (await f.call('GET', path(), { token: editor })).body.total
    const empty = await open(reviewer, { elementId: 'x1', elementName: 'q1', body: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.body.error.code).toBe('invalidBody')
    expect(empty.body.error.message).toContain('a comment cannot be empty')
    const badId = await open(reviewer, { elementId: 'a b/c', elementName: 'q1', body: 'x' })
    expect(badId.status).toBe(400)
    expect(badId.body.error.details.issues[0].path).toBe('elementId')
    const long = await open(reviewer, {
      elementId: 'x1',
      elementName: 'q1',
      body: 'x'.repeat(2001),
    })
    expect(long.status).toBe(400)
    expect((await f.call('GET', path(), { token: editor })).body.total).toBe(before)

    const thread = (await f.call('GET', path(), { token: editor })).body.items[0]
    const replyId = thread.replies[0].id
    const toReply = await f.call('POST', `${path()}/${replyId}/replies`, {
      token: editor,
      body: { body: 'x' },
    })
    expect(toReply.status).toBe(400)
    expect(toReply.body.error.details).toEqual({ thread: thread.id })
    const missing = await f.call('POST', `${path()}/999999/resolve`, { token: editor })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe(`No comment 999999 on form ${formId}`)
  })

  it('authorises exactly like reading the form: 401, 403 out of reach, 404 unknown, 409 archived', async () => {
    expect((await f.call('GET', path())).status).toBe(401)
    const outsider = await f.login('outsider')
    expect((await f.call('GET', path(), { token: outsider })).status).toBe(403)
    const elsewhere = await signInAs(f, 'far-reviewer', [
      { role: 'reviewer', orgId: f.orgs.otherSub },
    ])
    const far = await open(elsewhere, { elementId: 'x1', elementName: 'q1', body: 'x' })
    expect(far.status).toBe(403)
    expect(far.body.error.code).toBe('forbidden')
    expect((await f.call('GET', '/api/forms/999999/comments', { token: editor })).status).toBe(404)
    const thread = (await f.call('GET', path(), { token: editor })).body.items[0]
    // Another form's thread is not reachable through this form.
    const other = (await f.call('POST', '/api/forms', { token: editor, body: { title: '别的表' } }))
      .body.id
    const across = await f.call('POST', `/api/forms/${other}/comments/${thread.id}/resolve`, {
      token: editor,
    })
    expect(across.status).toBe(404)

    await f.call('POST', `/api/forms/${other}/archive`, { token: editor })
    const archived = await open(reviewer, { elementId: 'x1', elementName: 'q1', body: 'x' }, other)
    expect(archived.status).toBe(409)
    expect((await f.call('GET', `/api/forms/${other}/comments`, { token: reviewer })).status).toBe(
      200,
    )
  })

  it('is described in OpenAPI', async () => {
    const doc = await f.call('GET', '/api/openapi.json')
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/forms/{id}/comments',
        '/api/forms/{id}/comments/{commentId}/replies',
        '/api/forms/{id}/comments/{commentId}/resolve',
        '/api/forms/{id}/comments/{commentId}/reopen',
      ]),
    )
  })
})
