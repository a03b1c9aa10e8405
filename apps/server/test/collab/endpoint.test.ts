import { schema, testStores } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { createFixture, type Fixture } from '../harness'
import {
  type CollabTestServer,
  closedBy,
  connect,
  createForm,
  eventually,
  startCollabServer,
  synced,
} from './collab-harness'

describe.each(await testStores())('the co-editing endpoint on %s', (kind) => {
  let f: Fixture
  let server: CollabTestServer
  let editorToken: string
  const providers: WebsocketProvider[] = []
  const open = (formId: number, token: string, doc?: Y.Doc) => {
    const client = connect(server.wsUrl, formId, token, doc)
    providers.push(client.provider)
    return client
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    server = await startCollabServer(f)
    editorToken = await f.login('editor')
  })
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy()
  })
  afterAll(async () => {
    await server.stop()
    await f.close()
  })

  it('[COL1] relays an edit from one editor to another through the server', async () => {
    const formId = await createForm(f)
    const a = open(formId, editorToken)
    const b = open(formId, await f.login('admin'))
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.doc.getText('title').insert(0, '满意度测评')
    await eventually(() => expect(b.doc.getText('title').toString()).toBe('满意度测评'))
  })

  it('[COL2] closes an unknown token with 4401 and sends no document data', async () => {
    const formId = await createForm(f)
    const writer = open(formId, editorToken)
    await synced(writer.provider)
    writer.doc.getText('title').insert(0, 'secret')
    const intruder = open(formId, 'not-a-token')
    const close = await closedBy(intruder.provider)
    expect(close).toEqual({ code: CLOSE_REASONS.unauthenticated, reason: 'unauthenticated' })
    expect(intruder.doc.getText('title').toString()).toBe('')
    expect(intruder.provider.synced).toBe(false)
  })

  it('[COL2] closes a user whose roles do not reach the form with 4403, a missing form with 4404', async () => {
    const formId = await createForm(f)
    const outsider = open(formId, await f.login('outsider'))
    expect(await closedBy(outsider.provider)).toEqual({
      code: CLOSE_REASONS.forbidden,
      reason: 'forbidden',
    })
    const missing = open(999_999, editorToken)
    expect(await closedBy(missing.provider)).toEqual({
      code: CLOSE_REASONS.notFound,
      reason: 'notFound',
    })
  })

  it('[COL3] lets a reviewer read live but never applies, relays or stores its updates', async () => {
    const formId = await createForm(f)
    const editor = open(formId, editorToken)
    const reviewer = open(formId, await f.login('reviewer'))
    await Promise.all([synced(editor.provider), synced(reviewer.provider)])
    reviewer.doc.getText('title').insert(0, 'reviewer was here')
    editor.doc.getText('title').insert(0, 'editor')
    await eventually(() => expect(reviewer.doc.getText('title').toString()).toContain('editor'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(editor.doc.getText('title').toString()).toBe('editor')
    const loaded = server.collab.loadedDoc(formId)
    expect(loaded?.doc.getText('title').toString()).toBe('editor')
    const rows = await f.database.db
      .select()
      .from(schema.docUpdates)
      .where(eq(schema.docUpdates.docName, `form:${formId}`))
    const stored = new Y.Doc()
    for (const row of rows) Y.applyUpdate(stored, row.update)
    expect(stored.getText('title').toString()).toBe('editor')
  })

  it('[COL4] appends every relayed update to the database before relaying it', async () => {
    const formId = await createForm(f)
    const a = open(formId, editorToken)
    const b = open(formId, editorToken)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const seen: string[] = []
    b.doc.getMap('form').observe(async () => {
      const rows = await f.database.db
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
    const formId = await createForm(f)
    const a = open(formId, editorToken)
    await synced(a.provider)
    a.doc.getText('title').insert(0, '自检自查')
    await eventually(() =>
      expect(server.collab.loadedDoc(formId)?.doc.getText('title').toString()).toBe('自检自查'),
    )
    a.provider.destroy()
    await eventually(
      () => expect(server.collab.stats().loaded).not.toContain(`form:${formId}`),
      5000,
    )
    const [snapshot] = await f.database.db
      .select()
      .from(schema.docSnapshots)
      .where(eq(schema.docSnapshots.docName, `form:${formId}`))
    const restored = new Y.Doc()
    Y.applyUpdate(restored, snapshot?.state as Uint8Array)
    expect(restored.getText('title').toString()).toBe('自检自查')
    const b = open(formId, editorToken)
    await synced(b.provider)
    expect(b.doc.getText('title').toString()).toBe('自检自查')
  })
})
