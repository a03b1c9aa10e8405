import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { validateForm } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { contentHash } from './content-hash'
import { yesNoForm } from './test-helpers'

const INVALID = {
  title: '重名表',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'a' },
        { type: 'text', name: 'a' },
        { type: 'radiogroup', name: 'b', dimension: 'nowhere', choices: ['x'] },
      ],
    },
  ],
}

describe.each(await testStores())('form versions on %s', (kind) => {
  let f: Fixture
  let editor: string
  let reviewer: string
  const newForm = async (json: Record<string, unknown>) => {
    const { body } = await f.call('POST', '/api/forms', {
      token: editor,
      body: { title: String(json.title), json },
    })
    return body.id as number
  }
  // A note is required (see 'refuses to publish without a note'); tests that do not care about
  // it get one.
  const publish = (id: number, body: Record<string, unknown> = {}, token = editor) =>
    f.call('POST', `/api/forms/${id}/publish`, { token, body: { note: '测试发布', ...body } })

  beforeAll(async () => {
    f = await createFixture(kind)
    editor = await f.login('editor')
    reviewer = await f.login('reviewer')
  })
  afterAll(() => f.close())

  it('refuses to publish an invalid form with 422 listing validateForm’s errors, storing nothing', async () => {
    const id = await newForm(INVALID)
    const { status, body } = await publish(id, { note: '试发布' })
    expect(status).toBe(422)
    expect(body.error.code).toBe('invalidForm')
    const expected = validateForm({ ...INVALID }).errors
    expect(expected.map((e) => e.code)).toEqual(
      expect.arrayContaining(['duplicateName', 'unknownDimension']),
    )
    expect(body.error.details.errors).toEqual(expected)
    const versions = await f.call('GET', `/api/forms/${id}/versions`, { token: editor })
    expect(versions.body.total).toBe(0)
  })

  it('refuses to publish broken logic with 422 listing each rule by code, element and property', async () => {
    // 'why' was shown on a question since deleted; 'plan' compares with a choice since removed.
    const json = {
      title: '逻辑失效表',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'radiogroup', name: 'study', choices: ['yes', 'partly'] },
            { type: 'comment', name: 'why', visibleIf: "{theoryStudy} = 'no'" },
            { type: 'text', name: 'plan', requiredIf: "{study} = 'no'" },
          ],
        },
      ],
    }
    const id = await newForm(json)
    const { status, body } = await publish(id, { note: '试发布' })
    expect(status).toBe(422)
    expect(body.error.code).toBe('invalidForm')
    const listed = body.error.details.errors.map(
      (e: { code: string; element: string; property: string; message: string }) => [
        e.code,
        e.element,
        e.property,
        e.message,
      ],
    )
    expect(listed).toEqual([
      [
        'logicUnknownQuestion',
        'why',
        'visibleIf',
        '“why”的显示条件引用的题目“theoryStudy”不存在（已删除或改名）',
      ],
      [
        'logicUnknownChoice',
        'plan',
        'requiredIf',
        '“plan”的必答条件中的“no”已不是题目“study”的选项',
      ],
    ])
    const versions = await f.call('GET', `/api/forms/${id}/versions`, { token: editor })
    expect(versions.body.total).toBe(0)
  })

  it('publishes version 1 with the content hash, author, note and time, then refuses the same content with 409', async () => {
    const json = yesNoForm('发布表', ['study', 'dues'])
    const id = await newForm(json)
    const first = await publish(id, { note: '首次发布' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ version: 1, hash: contentHash(json) })
    const again = await publish(id, { note: '再发布' })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'conflict', details: { version: 1 } })
    expect(again.body.error.message).toMatch(/Nothing changed/)
    const version = await f.call('GET', `/api/forms/${id}/versions/1`, { token: reviewer })
    expect(version.status).toBe(200)
    expect(version.body).toMatchObject({
      formId: id,
      version: 1,
      hash: contentHash(json),
      note: '首次发布',
      author: { id: f.users.editor.id, name: 'editor' },
      json,
    })
    expect(Date.parse(version.body.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    const form = await f.call('GET', `/api/forms/${id}`, { token: editor })
    expect(form.body).toMatchObject({ latestVersion: 1, unpublishedChanges: false })
  })

  it('keeps a published version immutable while the form is saved and republished', async () => {
    const json = yesNoForm('不可变', ['a'])
    const id = await newForm(json)
    await publish(id)
    const changed = yesNoForm('不可变', ['a', 'b'])
    await f.call('PUT', `/api/forms/${id}`, { token: editor, body: { json: changed } })
    expect(
      (await f.call('GET', `/api/forms/${id}`, { token: editor })).body.unpublishedChanges,
    ).toBe(true)
    expect((await publish(id, { note: '加一题' })).body.version).toBe(2)
    const v1 = await f.call('GET', `/api/forms/${id}/versions/1`, { token: editor })
    expect(v1.body.json).toEqual(json)
    expect((await f.call('GET', `/api/forms/${id}/versions/3`, { token: editor })).status).toBe(404)
  })

  it('gives concurrent publishes of one form versions n, n+1, … without gaps', async () => {
    const id = await newForm(yesNoForm('并发', ['a']))
    await publish(id)
    const results = await Promise.all(
      [2, 3, 4, 5, 6].map((n) =>
        publish(id, { note: `并发 ${n}`, json: yesNoForm('并发', ['a'], n) }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5, 6])
    const list = await f.call('GET', `/api/forms/${id}/versions`, { token: editor })
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([6, 5, 4, 3, 2, 1])
  })

  it('lets only one of concurrent publishes of the same saved content through, the others 409', async () => {
    const id = await newForm(yesNoForm('同内容', ['a']))
    await publish(id)
    await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('同内容', ['a', 'b']) },
    })
    const results = await Promise.all([publish(id), publish(id), publish(id)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    const list = await f.call('GET', `/api/forms/${id}/versions`, { token: editor })
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1])
  })

  it('saves and publishes a given JSON in one step, and saves nothing when it is invalid', async () => {
    const id = await newForm(yesNoForm('一步发布', ['a']))
    const refused = await publish(id, { json: INVALID })
    expect(refused.status).toBe(422)
    const form = await f.call('GET', `/api/forms/${id}`, { token: editor })
    expect(form.body.json.pages[0].elements.map((e: { name: string }) => e.name)).toEqual(['a'])
    const done = await publish(id, { json: yesNoForm('一步发布', ['x']) })
    expect(done.body.version).toBe(1)
    const saved = await f.call('GET', `/api/forms/${id}`, { token: editor })
    expect(saved.body.json.pages[0].elements[0].name).toBe('x')
  })

  it('lists versions newest first without JSON, paged by cursor', async () => {
    const id = await newForm(yesNoForm('版本列表', ['a']))
    for (const n of [1, 2, 3])
      await publish(id, { note: `第${n}版`, json: yesNoForm('版本列表', ['a'], n) })
    const first = await f.call('GET', `/api/forms/${id}/versions?limit=2`, { token: reviewer })
    expect(first.status).toBe(200)
    expect(first.body.total).toBe(3)
    expect(first.body.items).toHaveLength(2)
    expect(first.body.items[0]).toMatchObject({
      version: 3,
      note: '第3版',
      author: { id: f.users.editor.id, name: 'editor' },
    })
    expect(first.body.items[0]).not.toHaveProperty('json')
    const next = await f.call(
      'GET',
      `/api/forms/${id}/versions?limit=2&cursor=${first.body.nextCursor}`,
      { token: reviewer },
    )
    expect(next.body.items.map((v: { version: number }) => v.version)).toEqual([1])
    expect(next.body.nextCursor).toBeNull()
  })

  it('diffs two versions: an added and a removed question, a changed choice score and a changed title', async () => {
    const v1 = yesNoForm('差异', ['study', 'dues', 'talks'])
    const id = await newForm(v1)
    await publish(id)
    const v2 = structuredClone(v1)
    const [study, , talks] = v2.pages[0]?.elements ?? []
    if (!study || !talks) throw new Error('fixture')
    study.title = '是否经常性开展政治理论学习'
    talks.choices = [
      { value: 'yes', text: '是', score: 2 },
      { value: 'no', text: '否', score: 0 },
    ]
    v2.pages[0]?.elements.splice(1, 1)
    v2.pages[0]?.elements.push({ ...talks, name: 'serve', title: '是否服务群众' })
    await publish(id, { json: v2 })
    const { status, body } = await f.call('GET', `/api/forms/${id}/versions/1/diff/2`, {
      token: reviewer,
    })
    expect(status).toBe(200)
    expect(body.added).toEqual([{ name: 'serve', type: 'radiogroup', title: '是否服务群众' }])
    expect(body.removed).toEqual([{ name: 'dues', type: 'radiogroup', title: '是否dues' }])
    expect(body.changed).toEqual([
      {
        name: 'study',
        changes: [{ property: 'title', before: '是否study', after: '是否经常性开展政治理论学习' }],
      },
      {
        name: 'talks',
        changes: [
          {
            property: 'choices',
            before: [
              { value: 'yes', text: '是', score: 1 },
              { value: 'no', text: '否', score: 0 },
            ],
            after: [
              { value: 'yes', text: '是', score: 2 },
              { value: 'no', text: '否', score: 0 },
            ],
          },
        ],
      },
    ])
    expect(body.form).toEqual([])
  })

  it('diffs a version against the current unpublished JSON, and 404s an unknown version', async () => {
    const id = await newForm(yesNoForm('当前', ['a']))
    await publish(id)
    await f.call('PUT', `/api/forms/${id}`, {
      token: editor,
      body: { json: yesNoForm('当前', ['a']), title: '当前（改）' },
    })
    const diff = await f.call('GET', `/api/forms/${id}/versions/1/diff/current`, { token: editor })
    expect(diff.body.form).toEqual([{ property: 'title', before: '当前', after: '当前（改）' }])
    const missing = await f.call('GET', `/api/forms/${id}/versions/1/diff/9`, { token: editor })
    expect(missing.status).toBe(404)
  })

  it('lets a reviewer read versions and diffs but not publish', async () => {
    const id = await newForm(yesNoForm('审阅', ['a']))
    const denied = await publish(id, {}, reviewer)
    expect(denied.status).toBe(403)
    expect(denied.body.error.code).toBe('forbidden')
    await publish(id)
    expect((await f.call('GET', `/api/forms/${id}/versions`, { token: reviewer })).status).toBe(200)
    expect(
      (await f.call('GET', `/api/forms/${id}/versions/1/diff/1`, { token: reviewer })).status,
    ).toBe(200)
  })

  it('refuses outsiders, secretaries and anonymous callers on every version route', async () => {
    const id = await newForm(yesNoForm('外人', ['a']))
    await publish(id)
    for (const who of ['outsider', 'secretary', 'assessor'] as const) {
      const token = await f.login(who)
      expect((await publish(id, { json: yesNoForm('外人', ['b']) }, token)).status).toBe(403)
      expect((await f.call('GET', `/api/forms/${id}/versions`, { token })).status).toBe(403)
      expect((await f.call('GET', `/api/forms/${id}/versions/1`, { token })).status).toBe(403)
      expect((await f.call('GET', `/api/forms/${id}/versions/1/diff/1`, { token })).status).toBe(
        403,
      )
    }
    expect((await f.call('GET', `/api/forms/${id}/versions`)).status).toBe(401)
    const anonymous = { body: { note: '匿名发布' } }
    expect((await f.call('POST', `/api/forms/${id}/publish`, anonymous)).status).toBe(401)
    expect((await publish(999999)).status).toBe(404)
  })

  it('refuses to publish without a note, or with a blank one, naming the field; nothing is published', async () => {
    const id = await newForm(yesNoForm('无说明发布', ['a']))
    const raw = (body?: unknown) =>
      f.call('POST', `/api/forms/${id}/publish`, { token: editor, body })
    for (const [body, message] of [
      [{}, 'A version note is required: say what changed in this version'],
      [{ note: '  \n\t ' }, 'A version note is required: say what changed in this version'],
      [{ note: null }, 'A version note is required: say what changed in this version'],
      [{ note: '改'.repeat(2001) }, 'A version note is at most 2000 characters'],
    ] as const) {
      const { status, body: answer } = await raw(body)
      expect(status, JSON.stringify(body).slice(0, 40)).toBe(400)
      expect(answer.error.code).toBe('invalidBody')
      expect(answer.error.details.issues).toEqual([
        expect.objectContaining({ path: 'note', code: expect.any(String), message }),
      ])
      expect(answer.error.message).toContain(`note: ${message}`)
    }
    // No body at all is refused the same way, not published with an empty note.
    const none = await raw()
    expect(none.status).toBe(400)
    expect(none.body.error.code).toBe('invalidBody')
    const versions = await f.call('GET', `/api/forms/${id}/versions`, { token: editor })
    expect(versions.body.total).toBe(0)
    const rows = await f.database.db
      .select()
      .from(schema.formVersions)
      .where(eq(schema.formVersions.formId, id))
    expect(rows).toEqual([])
    // The note is stored trimmed.
    expect((await raw({ note: '  首次发布  ' })).status).toBe(201)
    const [stored] = await f.database.db
      .select({ note: schema.formVersions.note })
      .from(schema.formVersions)
      .where(eq(schema.formVersions.formId, id))
    expect(stored?.note).toBe('首次发布')
  })

  it('refuses to publish an archived form', async () => {
    const id = await newForm(yesNoForm('归档发布', ['a']))
    await f.call('POST', `/api/forms/${id}/archive`, { token: editor })
    const refused = await publish(id)
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toMatch(/archived/)
  })
})
