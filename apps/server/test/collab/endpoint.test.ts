import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { closedBy, connect, createForm, eventually, synced, useCollabSuite } from './collab-harness'

describe.each(await testStores())('the co-editing endpoint on %s', (kind) => {
  const t = useCollabSuite(kind)
  const open = (formId: number, token: string, doc?: Y.Doc) => {
    const client = connect(t.server.wsUrl, formId, token, doc)
    t.providers.push(client.provider)
    return client
  }

  it('[COL1] relays an edit from one editor to another through the server', async () => {
    const formId = await createForm(t.f)
    const a = open(formId, t.token)
    const b = open(formId, await t.f.login('admin'))
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.doc.getText('title').insert(0, '满意度测评')
    await eventually(() => expect(b.doc.getText('title').toString()).toBe('满意度测评'))
  })

  it('[COL2] closes an unknown token with 4401 and sends no document data', async () => {
    const formId = await createForm(t.f)
    const writer = open(formId, t.token)
    await synced(writer.provider)
    writer.doc.getText('title').insert(0, 'secret')
    const intruder = open(formId, 'not-a-token')
    const close = await closedBy(intruder.provider)
    expect(close).toEqual({ code: CLOSE_REASONS.unauthenticated, reason: 'unauthenticated' })
    expect(intruder.doc.getText('title').toString()).toBe('')
    expect(intruder.provider.synced).toBe(false)
  })

  it('[COL2] closes a user whose roles do not reach the form with 4403, a missing form with 4404', async () => {
    const formId = await createForm(t.f)
    const outsider = open(formId, await t.f.login('outsider'))
    expect(await closedBy(outsider.provider)).toEqual({
      code: CLOSE_REASONS.forbidden,
      reason: 'forbidden',
    })
    const missing = open(999_999, t.token)
    expect(await closedBy(missing.provider)).toEqual({
      code: CLOSE_REASONS.notFound,
      reason: 'notFound',
    })
  })

  it('[COL3] lets a reviewer read live but never applies, relays or stores its updates', async () => {
    const formId = await createForm(t.f)
    const editor = open(formId, t.token)
    const reviewer = open(formId, await t.f.login('reviewer'))
    await Promise.all([synced(editor.provider), synced(reviewer.provider)])
    reviewer.doc.getText('title').insert(0, 'reviewer was here')
    editor.doc.getText('title').insert(0, 'editor')
    await eventually(() => expect(reviewer.doc.getText('title').toString()).toContain('editor'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(editor.doc.getText('title').toString()).toBe('editor')
    const loaded = t.server.collab.loadedDoc(formId)
    expect(loaded?.doc.getText('title').toString()).toBe('editor')
    const rows = await t.f.database.db
      .select()
      .from(schema.docUpdates)
      .where(eq(schema.docUpdates.docName, `form:${formId}`))
    const stored = new Y.Doc()
    for (const row of rows) Y.applyUpdate(stored, row.update)
    expect(stored.getText('title').toString()).toBe('editor')
  })

  it('[COL4] appends every relayed update to the database before relaying it', async () => {
    const formId = await createForm(t.f)
    const a = open(formId, t.token)
    const b = open(formId, t.token)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const seen: string[] = []
    b.doc.getMap('form').observe(async () => {
      const rows = await t.f.database.db
        .select()
        .from(schema.docUpdates)
        .where(eq(schema.docUpdates.docName, `form:${formId}`))
      const stored = new Y.Doc()
      for (const row of rows) Y.applyUpdate(stored, row.update)
      seen.push(String(stored.getMap('form').get('kind')))
    })
    a.doc.getMap('form').set('kind', 'quiz')
    await eventually(() => expect(seen).toEqual(['quiz']))
  })

  it('[COL5] unloads a document after its last client leaves, with everything stored', async () => {
    const formId = await createForm(t.f)
    const a = open(formId, t.token)
    await synced(a.provider)
    a.doc.getText('title').insert(0, '自检自查')
    await eventually(() =>
      expect(t.server.collab.loadedDoc(formId)?.doc.getText('title').toString()).toBe('自检自查'),
    )
    a.provider.destroy()
    await eventually(
      () => expect(t.server.collab.stats().loaded).not.toContain(`form:${formId}`),
      5000,
    )
    const [snapshot] = await t.f.database.db
      .select()
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, `form:${formId}`))
    const restored = new Y.Doc()
    Y.applyUpdate(restored, snapshot?.state as Uint8Array)
    expect(restored.getText('title').toString()).toBe('自检自查')
    const b = open(formId, t.token)
    await synced(b.provider)
    expect(b.doc.getText('title').toString()).toBe('自检自查')
  })
})
