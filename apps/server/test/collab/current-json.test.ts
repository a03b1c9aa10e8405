import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { editText, findElementId, toSurveyJson } from '@yardstick/doc'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { connect, eventually, synced, useCollabSuite } from './collab-harness'

const EDIT = '【协同】'

describe.each(await testStores())('a co-edited form’s current JSON on %s', (kind) => {
  const t = useCollabSuite(kind)
  const { api } = t
  const storedColumn = async (formId: number) => {
    const [row] = await t.f.database.db
      .select({ json: schema.forms.json })
      .from(schema.forms)
      .where(eq(schema.forms.id, formId))
    return JSON.stringify(row?.json)
  }

  /** A published self-check form, one editor typing into a question title, not yet saved. */
  const coEdited = async (title: string) => {
    const { body } = await api('POST', '/api/forms', { title, template: 'selfCheck' })
    const formId = body.id as number
    expect((await api('POST', `/api/forms/${formId}/publish`, { note: 'v1' })).status).toBe(201)
    const editor = connect(t.server.wsUrl, formId, t.token)
    t.providers.push(editor.provider)
    await synced(editor.provider)
    const question = findElementId(editor.doc, 'theoryStudy') as string
    const edit = { target: question, key: 'title', locale: 'default', index: 0, insert: EDIT }
    expect(editText(editor.doc, edit, 'editor')).toBe(true)
    // The server's live document has the edit; the JSON column does not (nothing read it yet).
    await eventually(() => {
      const live = t.server.collab.loadedDoc(formId)
      expect(JSON.stringify(live ? toSurveyJson(live.doc) : null)).toContain(EDIT)
    })
    expect(await storedColumn(formId)).not.toContain(EDIT)
    return formId
  }

  it('[COL20] diffs the live document as `current`: an edit not yet in the JSON column shows', async () => {
    const formId = await coEdited('差异表')
    const diff = await api('GET', `/api/forms/${formId}/versions/1/diff/current`)
    expect(diff.status).toBe(200)
    expect(diff.body.changed).toEqual([
      {
        name: 'theoryStudy',
        changes: [expect.objectContaining({ property: 'title', after: expect.any(String) })],
      },
    ])
    expect(JSON.stringify(diff.body.changed)).toContain(EDIT)
    const reversed = await api('GET', `/api/forms/${formId}/versions/current/diff/1`)
    expect(JSON.stringify(reversed.body.changed)).toContain(EDIT)
  })

  it('[COL20] shows the live document in GET /api/forms/:id, as unpublished changes', async () => {
    const formId = await coEdited('详情表')
    const form = await api('GET', `/api/forms/${formId}`)
    expect(form.status).toBe(200)
    expect(JSON.stringify(form.body.json)).toContain(EDIT)
    expect(form.body.unpublishedChanges).toBe(true)
  })

  it('[COL20] duplicates what the editors see, not the JSON column', async () => {
    const formId = await coEdited('复制表')
    const copy = await api('POST', `/api/forms/${formId}/duplicate`, {})
    expect(copy.status).toBe(201)
    const copied = await api('GET', `/api/forms/${copy.body.id}`)
    expect(JSON.stringify(copied.body.json)).toContain(EDIT)
    expect(copied.body.title).toBe('复制表（副本）')
  })
})
