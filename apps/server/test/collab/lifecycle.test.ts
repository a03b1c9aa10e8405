import { testStores } from '@yardstick/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { DocStore } from '../../src/collab/doc-store'
import { createFixture, type Fixture } from '../harness'
import {
  closedBy,
  connect,
  createForm,
  eventually,
  startCollabServer,
  synced,
} from './collab-harness'

/** A store that counts loads and can be told to fail loads or appends. */
class FlakyStore extends DocStore {
  loads = 0
  failLoads = false
  failAppends = 0
  appended = 0
  loadDelayMs = 0

  override async load(docName: string) {
    this.loads++
    if (this.loadDelayMs) await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs))
    if (this.failLoads) throw new Error('database unreachable')
    return super.load(docName)
  }

  override append(docName: string, update: Uint8Array) {
    if (this.failAppends > 0) {
      this.failAppends--
      return Promise.reject(new Error('disk full'))
    }
    this.appended++
    return super.append(docName, update)
  }
}

describe.each(await testStores())('document lifecycle on %s', (kind) => {
  let f: Fixture
  let token: string
  const providers: WebsocketProvider[] = []
  const quiet = console.error

  beforeAll(async () => {
    f = await createFixture(kind)
    token = await f.login('editor')
  })
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy()
    console.error = quiet
  })
  afterAll(() => f.close())

  it('[COL11] loads a document once for every connection that arrives while it loads', async () => {
    const store = new FlakyStore(f.database)
    store.loadDelayMs = 300
    const server = await startCollabServer(f, { store })
    try {
      const formId = await createForm(f)
      const clients = Array.from({ length: 8 }, () => connect(server.wsUrl, formId, token))
      providers.push(...clients.map((c) => c.provider))
      await Promise.all(clients.map((c) => synced(c.provider)))
      expect(store.loads).toBe(1)
      clients[0]?.doc.getText('t').insert(0, 'x')
      await eventually(() => {
        for (const c of clients) expect(c.doc.getText('t').toString()).toBe('x')
      })
    } finally {
      await server.stop()
    }
  })

  it('[COL12] closes every client with 4500 when the load fails, stores nothing, and loads afresh later', async () => {
    const store = new FlakyStore(f.database)
    store.failLoads = true
    const server = await startCollabServer(f, { store })
    try {
      const formId = await createForm(f)
      const a = connect(server.wsUrl, formId, token)
      providers.push(a.provider)
      a.provider.shouldConnect = true
      const close = await new Promise<{ code: number; reason: string }>((resolve) =>
        a.provider.once(
          'connection-close',
          (event: { code: number; reason: string } | null) => event && resolve(event),
        ),
      )
      expect(close).toMatchObject({ code: CLOSE_REASONS.loadFailed, reason: 'loadFailed' })
      expect(a.provider.synced).toBe(false)
      expect(store.appended).toBe(0)
      expect(server.collab.stats().docs).toBe(0)
      store.failLoads = false
      // 4500 is "try again later": the provider reconnects by itself and now syncs.
      await synced(a.provider)
    } finally {
      await server.stop()
    }
  })

  it('[COL13] keeps a document whose save fails in memory, retries, and loses nothing', async () => {
    const store = new FlakyStore(f.database)
    const server = await startCollabServer(f, { store })
    console.error = () => {}
    try {
      const formId = await createForm(f)
      const a = connect(server.wsUrl, formId, token)
      const b = connect(server.wsUrl, formId, token)
      providers.push(a.provider, b.provider)
      await Promise.all([synced(a.provider), synced(b.provider)])
      store.failAppends = 3
      a.doc.getText('t').insert(0, '第一稿')
      await eventually(() => expect(b.doc.getText('t').toString()).toBe('第一稿'), 8000)
      expect(store.failAppends).toBe(0)
      a.provider.destroy()
      b.provider.destroy()
      await eventually(() => expect(server.collab.stats().docs).toBe(0), 5000)
      const stored = await new DocStore(f.database).load(`form:${formId}`)
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u.update)
      expect(doc.getText('t').toString()).toBe('第一稿')
    } finally {
      await server.stop()
    }
  })

  it('[COL14] a client that reconnects during the unload grace period finds the document still there', async () => {
    const server = await startCollabServer(f, { unloadDelayMs: 1000 })
    try {
      const formId = await createForm(f)
      const a = connect(server.wsUrl, formId, token)
      await synced(a.provider)
      a.doc.getText('t').insert(0, 'kept')
      await eventually(() =>
        expect(server.collab.loadedDoc(formId)?.doc.getText('t').toString()).toBe('kept'),
      )
      a.provider.destroy()
      const b = connect(server.wsUrl, formId, token)
      providers.push(b.provider)
      await synced(b.provider)
      expect(b.doc.getText('t').toString()).toBe('kept')
      await new Promise((resolve) => setTimeout(resolve, 1300))
      expect(server.collab.stats().loaded).toContain(`form:${formId}`)
    } finally {
      await server.stop()
    }
  })

  it('[COL15] twenty editors making random edits converge on one document', async () => {
    const server = await startCollabServer(f)
    try {
      const formId = await createForm(f)
      const clients = Array.from({ length: 20 }, () => connect(server.wsUrl, formId, token))
      providers.push(...clients.map((c) => c.provider))
      await Promise.all(clients.map((c) => synced(c.provider)))
      let seed = 7
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        return seed / 2 ** 31
      }
      for (let round = 0; round < 10; round++) {
        for (const [i, c] of clients.entries()) {
          const text = c.doc.getText('title')
          if (random() < 0.7 || text.length === 0)
            text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(0x4e00 + i))
          else text.delete(Math.floor(random() * text.length), 1)
          c.doc.getMap('props').set(`p${Math.floor(random() * 5)}`, i)
        }
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      // Map keys sorted: replicas agree on content, not on the order keys were first seen.
      const view = (doc: Y.Doc) =>
        JSON.stringify([
          doc.getText('title').toString(),
          Object.entries(doc.getMap('props').toJSON()).sort(),
        ])
      const server0 = () => server.collab.loadedDoc(formId)?.doc as Y.Doc
      await eventually(() => {
        const expected = view(server0())
        for (const c of clients) expect(view(c.doc)).toBe(expected)
      }, 10_000)
      expect(server0().getText('title').length).toBeGreaterThan(0)
    } finally {
      await server.stop()
    }
  })

  it('[COL16] refuses new connections with 4503 during shutdown and flushes first', async () => {
    const server = await startCollabServer(f)
    const formId = await createForm(f)
    const a = connect(server.wsUrl, formId, token)
    providers.push(a.provider)
    await synced(a.provider)
    a.doc.getText('t').insert(0, 'flushed')
    // Applied in memory (its write may still be in flight): shutdown must finish it.
    await eventually(() =>
      expect(server.collab.loadedDoc(formId)?.doc.getText('t').toString()).toBe('flushed'),
    )
    const closed = closedBy(a.provider).catch(() => null)
    const event = new Promise<{ code: number }>((resolve) =>
      a.provider.once('connection-close', (e: { code: number } | null) => e && resolve(e)),
    )
    await server.stop()
    expect((await event).code).toBe(CLOSE_REASONS.shuttingDown)
    void closed
    const stored = await new DocStore(f.database).load(`form:${formId}`)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u.update)
    expect(doc.getText('t').toString()).toBe('flushed')
  })
})
