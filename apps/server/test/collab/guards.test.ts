import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import {
  awarenessMessage,
  connect,
  createForm,
  eventually,
  message,
  rawSocket,
  sessionHeaders,
  startCollabServer,
  synced,
  useCollabSuite,
} from './collab-harness'

describe.each(await testStores())('the endpoint guards on %s', (kind) => {
  const t = useCollabSuite(kind)

  const garbage: Array<[string, Uint8Array | string]> = [
    ['an empty frame', new Uint8Array(0)],
    ['random bytes', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x99, 0x01, 0x02])],
    ['an unknown message type', message((e) => encoding.writeVarUint(e, 77))],
    [
      'an unknown sync step',
      message(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 9),
        (e) => encoding.writeVarUint8Array(e, new Uint8Array(1)),
      ),
    ],
    ['a huge varint length', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])],
    [
      'a zero-length update',
      message(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 2),
        (e) => encoding.writeVarUint8Array(e, new Uint8Array(0)),
      ),
    ],
    [
      'an update of random bytes',
      message(
        (e) => encoding.writeVarUint(e, 0),
        (e) => encoding.writeVarUint(e, 2),
        (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 3, 77, 12, 9])),
      ),
    ],
    [
      'awareness with bad JSON',
      awarenessMessage(
        message(
          (e) => encoding.writeVarUint(e, 1),
          (e) => encoding.writeVarUint(e, 424242),
          (e) => encoding.writeVarUint(e, 1),
          (e) => encoding.writeVarString(e, '{not json'),
        ),
      ),
    ],
    ['a text frame', 'hello'],
  ]

  it.each(garbage)('[COL8] closes only the sender of %s; others carry on', async (_name, bytes) => {
    const formId = await createForm(t.f)
    const a = connect(t.server.wsUrl, formId, t.token)
    const b = connect(t.server.wsUrl, formId, t.token)
    t.providers.push(a.provider, b.provider)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const bad = await rawSocket(`${t.server.wsUrl}/${formId}`, sessionHeaders(t.token))
    bad.ws.send(bytes)
    expect(await bad.closed).toEqual({ code: CLOSE_REASONS.badMessage, reason: 'badMessage' })
    a.doc.getText('t').insert(0, 'still fine')
    await eventually(() => expect(b.doc.getText('t').toString()).toBe('still fine'))
  })

  it('[COL6] refuses awareness that names a client another connection owns', async () => {
    const {
      formId,
      editors: [victim, watcher],
    } = await t.editors(2)
    if (!victim || !watcher) throw new Error('two editors expected')
    victim.provider.awareness.setLocalStateField('user', { name: '张三' })
    const victimId = victim.doc.clientID
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(victimId)).toEqual({
        user: { name: '张三' },
      }),
    )

    const forger = await rawSocket(`${t.server.wsUrl}/${formId}`, sessionHeaders(t.token))
    const fake = new awarenessProtocol.Awareness(new Y.Doc())
    fake.clientID = victimId
    fake.setLocalState({ user: { name: '冒名者' } })
    // A higher clock, so a server that accepted it would replace the real state.
    fake.meta.set(victimId, { clock: 99, lastUpdated: Date.now() })
    forger.ws.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(fake, [victimId])))
    const removal = new Map([[victimId, { clock: 100, lastUpdated: Date.now() }]])
    fake.meta = removal
    fake.states.delete(victimId)
    forger.ws.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(fake, [victimId])))
    victim.provider.awareness.setLocalStateField('cursor', 'q1')
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(victimId)).toEqual({
        user: { name: '张三' },
        cursor: 'q1',
      }),
    )
    forger.ws.close()
  })

  it("[COL6] keeps unmodified providers connected while they echo each other's presence", async () => {
    // y-websocket's provider sends every awareness change it hears back to the server, its
    // colleagues' included: echoes of what the server already has are neither forgeries nor
    // counted against the rate, however many there are.
    const { editors } = await t.editors(6)
    const closes: number[] = []
    for (const e of editors) {
      e.provider.on('connection-close', (event: { code: number } | null) =>
        closes.push(event?.code ?? 0),
      )
    }
    // 6 editors × 40 moves 15 ms apart: each socket echoes 5 × 40 = 200 of the others' moves,
    // past the 100 refusals that close a forger, while its own rate stays under 20/s.
    for (let move = 0; move < 40; move++) {
      for (const [i, e] of editors.entries()) {
        e.provider.awareness.setLocalStateField('cursor', `q${i}-${move}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 15 * editors.length))
    }
    await eventually(() => {
      for (const e of editors) {
        for (const [i, other] of editors.entries()) {
          expect(e.provider.awareness.getStates().get(other.doc.clientID)).toMatchObject({
            cursor: `q${i}-39`,
          })
        }
      }
    })
    expect(closes).toEqual([])
    expect(t.server.collab.stats().connections).toBeGreaterThanOrEqual(editors.length)
  })

  it('[COL6] lets a reconnecting provider take its own client id back', async () => {
    const [watcher, mover] = (await t.editors(2)).editors
    if (!watcher || !mover) throw new Error('two editors expected')
    mover.provider.awareness.setLocalStateField('cursor', 'before')
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(mover.doc.clientID)).toMatchObject({
        cursor: 'before',
      }),
    )
    // A network blip: same document, same client id, a new socket.
    mover.provider.disconnect()
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().has(mover.doc.clientID)).toBe(false),
    )
    mover.provider.connect()
    await synced(mover.provider)
    mover.provider.awareness.setLocalStateField('cursor', 'after')
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(mover.doc.clientID)).toMatchObject({
        cursor: 'after',
      }),
    )
  })

  it('[COL7] keeps a writer whose update has a gap, stores nothing it cannot place, and asks it for the rest', async () => {
    const formId = await createForm(t.f)
    const honest = connect(t.server.wsUrl, formId, t.token)
    t.providers.push(honest.provider)
    await synced(honest.provider)
    // An editor whose first words never reached the server (typed offline, or lost in a crash).
    const offline = new Y.Doc()
    offline.getText('t').insert(0, 'first')
    const before = Y.encodeStateVector(offline)
    offline.getText('t').insert(5, ' second')
    const gap = Y.encodeStateAsUpdate(offline, before)
    const sender = await rawSocket(`${t.server.wsUrl}/${formId}`, sessionHeaders(t.token))
    const syncStep1s = () => sender.received.filter((m) => m[0] === 0 && m[1] === 0)
    await eventually(() => expect(syncStep1s()).toHaveLength(1))
    const sync = (step: number, update: Uint8Array) =>
      sender.ws.send(
        message(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, step),
          (e) => encoding.writeVarUint8Array(e, update),
        ),
      )
    // Its answer to the server's step 1, then a keystroke that builds on what it never sent.
    sync(1, Y.encodeStateAsUpdate(new Y.Doc()))
    sync(2, gap)
    await eventually(() => expect(syncStep1s()).toHaveLength(2))
    const loaded = t.server.collab.loadedDoc(formId)
    expect(loaded?.doc.store.pendingStructs).toBeNull()
    expect(loaded?.doc.store.pendingDs).toBeNull()
    const rows = () =>
      t.f.database.db
        .select()
        .from(schema.docUpdates)
        .where(eq(schema.docUpdates.docName, `form:${formId}`))
    expect(await rows()).toHaveLength(0)
    // Its step 2 brings everything the server lacks, the dropped keystroke too.
    sync(1, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(loaded?.doc ?? new Y.Doc())))
    await eventually(() => expect(honest.doc.getText('t').toString()).toBe('first second'))
    expect((await rows()).length).toBeGreaterThan(0)
    expect(sender.ws.readyState).toBe(sender.ws.OPEN)
    sender.ws.close()
  })

  it('[COL9] closes a connection when its token is revoked', async () => {
    const formId = await createForm(t.f)
    const own = await t.f.login('editor')
    const client = connect(t.server.wsUrl, formId, own)
    t.providers.push(client.provider)
    await synced(client.provider)
    const closed = new Promise<{ code: number }>((resolve) =>
      client.provider.once('closed', resolve),
    )
    expect((await t.f.call('POST', '/api/auth/logout', { token: own })).status).toBe(204)
    await t.server.collab.revalidate()
    expect((await closed).code).toBe(CLOSE_REASONS.unauthenticated)
  })

  it('[COL10] refuses a message over the size limit by closing only that socket', async () => {
    const small = await startCollabServer(t.f, { maxMessageBytes: 1024 })
    try {
      const formId = await createForm(t.f)
      const big = await rawSocket(`${small.wsUrl}/${formId}`, sessionHeaders(t.token))
      big.ws.send(new Uint8Array(4096))
      expect((await big.closed).code).toBe(1009)
    } finally {
      await small.stop()
    }
  })
})
