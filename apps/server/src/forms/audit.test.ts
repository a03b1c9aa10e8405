import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../test/audit-log'
import { createFixture, type Fixture } from '../../test/harness'
import { yesNoForm } from './test-helpers'

describe.each(await testStores())('the audit log of forms on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  let committeePath: string
  const newForm = async (title: string) => {
    const { status, body } = await f.call('POST', '/api/forms', {
      token: editor,
      body: { title, json: yesNoForm(title, ['q1']) },
    })
    expect(status).toBe(201)
    return body.id as number
  }
  const publish = (id: number, note = '首次发布') =>
    f.call('POST', `/api/forms/${id}/publish`, { token: editor, body: { note } })

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
    committeePath = `/${f.orgs.committee}/`
  })
  afterAll(() => f.close())

  it('records who created a form, with its title and kind, on the owning organisation', async () => {
    const id = await newForm('党建工作满意度')
    const entries = await auditOf(f, 'form', id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: f.users.editor.id,
      action: 'form.create',
      entityId: String(id),
      orgPath: committeePath,
      before: null,
      after: { title: '党建工作满意度', kind: 'generic' },
    })
    expect(entries[0]?.at).toBeInstanceOf(Date)
  })

  it('records a publication with version, hash and note — not the form JSON', async () => {
    const id = await newForm('发布记录')
    const first = await publish(id, '首次发布')
    expect(first.status).toBe(201)
    const saved = await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('发布记录', ['q1', 'q2']) },
    })
    expect(saved.status).toBe(200)
    const second = await publish(id, '增加一题')
    expect(second.status).toBe(201)
    const entries = (await auditOf(f, 'form', id)).filter((e) => e.action === 'form.publish')
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({
      actorId: f.users.editor.id,
      orgPath: committeePath,
      before: null,
      after: { version: 1, hash: first.body.hash, note: '首次发布', title: '发布记录' },
    })
    expect(entries[1]).toMatchObject({
      before: { version: 1, hash: first.body.hash },
      after: { version: 2, hash: second.body.hash, note: '增加一题' },
    })
    expect(JSON.stringify(entries)).not.toContain('pages')
  })

  it('writes no entry for a refused publication (nothing changed, or not allowed)', async () => {
    const id = await newForm('无变化')
    expect((await publish(id)).status).toBe(201)
    const before = await auditOf(f, 'form', id)
    const again = await publish(id, '再发一次')
    expect(again.status).toBe(409)
    const byReviewer = await f.call('POST', `/api/forms/${id}/publish`, {
      token: reviewer,
      body: { note: '审核员发布' },
    })
    expect(byReviewer.status).toBe(403)
    expect(await auditOf(f, 'form', id)).toEqual(before)
  })

  it('records archiving and unarchiving once each, and nothing for a repeat or a refusal', async () => {
    const id = await newForm('归档记录')
    const post = (path: string, token = editor) =>
      f.call('POST', `/api/forms/${id}/${path}`, { token })
    expect((await post('archive')).status).toBe(200)
    expect((await post('archive')).status).toBe(200)
    expect((await post('unarchive', reviewer)).status).toBe(403)
    expect((await post('unarchive')).status).toBe(200)
    const entries = (await auditOf(f, 'form', id)).filter((e) => e.action !== 'form.create')
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'form.archive',
        { title: '归档记录', archived: false },
        { title: '归档记录', archived: true },
      ],
      [
        'form.unarchive',
        { title: '归档记录', archived: true },
        { title: '归档记录', archived: false },
      ],
    ])
    expect(entries.every((e) => e.actorId === f.users.editor.id)).toBe(true)
  })

  it('records restoring a version and duplicating a form', async () => {
    const id = await newForm('恢复记录')
    expect((await publish(id)).status).toBe(201)
    const restored = await f.call('POST', `/api/forms/${id}/versions/1/restore`, { token: editor })
    expect(restored.status).toBe(200)
    const missing = await f.call('POST', `/api/forms/${id}/versions/9/restore`, { token: editor })
    expect(missing.status).toBe(404)
    const restore = (await auditOf(f, 'form', id)).filter((e) => e.action === 'form.restore')
    expect(restore).toHaveLength(1)
    expect(restore[0]).toMatchObject({
      actorId: f.users.editor.id,
      orgPath: committeePath,
      after: { version: 1, title: '恢复记录' },
    })

    const copy = await f.call('POST', `/api/forms/${id}/duplicate`, { token: editor, body: {} })
    expect(copy.status).toBe(201)
    expect(await auditOf(f, 'form', copy.body.id)).toMatchObject([
      {
        action: 'form.duplicate',
        actorId: f.users.editor.id,
        orgPath: committeePath,
        after: { title: '恢复记录（副本）', from: id },
      },
    ])
  })

  it('does not record saves: the content’s history is its published versions', async () => {
    const id = await newForm('保存不记录')
    const saved = await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('保存不记录', ['q1', 'q9']) },
    })
    expect(saved.status).toBe(200)
    expect((await auditOf(f, 'form', id)).map((e) => e.action)).toEqual(['form.create'])
  })
})
