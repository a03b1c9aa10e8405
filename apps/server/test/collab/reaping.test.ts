import type { Socket } from 'node:net'
import { testStores } from '@yardstick/db/testing'
import { describe, expect, it, onTestFinished } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import {
  awarenessMessage,
  connect,
  createForm,
  eventually,
  rawSocket,
  sessionHeaders,
  startCollabServer,
  synced,
  useCollabSuite,
} from './collab-harness'

describe.each(await testStores())('[COL10] slow readers and dead peers on %s', (kind) => {
  // Pings stay at their default here: a paused reader must be closed as slow, not as dead.
  const t = useCollabSuite(kind, { maxBufferedBytes: 64 * 1024 })

  it('closes a reader that stops reading with 4508 once its buffer passes the threshold; others carry on', async () => {
    const {
      formId,
      editors: [a, b],
    } = await t.editors(2)
    if (!a || !b) throw new Error('two editors expected')
    const slow = await rawSocket(`${t.server.wsUrl}/${formId}`, sessionHeaders(t.token))
    await eventually(() => expect(t.server.collab.stats().connections).toBe(3))
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    const tcp = (slow.ws as unknown as { _socket: Socket })._socket
    tcp.pause()

    const chunk = 'x'.repeat(512 * 1024)
    for (let i = 0; i < 40; i++) a.doc.getText('big').insert(0, chunk)

    await eventually(() => expect(t.server.collab.stats().connections).toBe(2), 30_000)
    // The others got everything; the document is intact.
    await eventually(() => expect(b.doc.getText('big').length).toBe(40 * chunk.length), 30_000)
    // Reading again, the slow client drains what was sent, then hears why it was closed.
    tcp.resume()
    expect(await slow.closed).toEqual({
      code: CLOSE_REASONS.slowReader,
      reason: 'slowReader',
    })
    a.doc.getMap('m').set('after', true)
    await eventually(() => expect(b.doc.getMap('m').get('after')).toBe(true))
  })

  it('reaps a peer that stops answering pings and drops its presence; live peers stay', async () => {
    const pinging = await startCollabServer(t.f, { pingIntervalMs: 250 })
    onTestFinished(() => pinging.stop())
    const formId = await createForm(t.f)
    const live = connect(pinging.wsUrl, formId, t.token)
    t.providers.push(live.provider)
    await synced(live.provider)
    const dead = await rawSocket(`${pinging.wsUrl}/${formId}`, {
      ...sessionHeaders(t.token),
      autoPong: false,
    })
    const deadAwareness = new awarenessProtocol.Awareness(new Y.Doc())
    deadAwareness.setLocalState({ user: { name: '失联的编辑' } })
    dead.ws.send(
      awarenessMessage(
        awarenessProtocol.encodeAwarenessUpdate(deadAwareness, [deadAwareness.clientID]),
      ),
    )
    await eventually(() =>
      expect(live.provider.awareness.getStates().get(deadAwareness.clientID)).toEqual({
        user: { name: '失联的编辑' },
      }),
    )

    // Terminated without a close frame after one ping interval without a pong.
    expect((await dead.closed).code).toBe(1006)
    await eventually(() =>
      expect(live.provider.awareness.getStates().has(deadAwareness.clientID)).toBe(false),
    )
    // The live provider answers pings (ws does by default) and outlives many intervals.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(live.provider.wsconnected).toBe(true)
    expect(pinging.collab.stats().connections).toBe(1)
  })
})

describe('[COL6][COL10] an idle editor', () => {
  const t = useCollabSuite('pglite')

  it('stays connected past the provider’s 30 s silence timeout, alone on its form', async () => {
    const idle = connect(t.server.wsUrl, await createForm(t.f), t.token)
    t.providers.push(idle.provider)
    await synced(idle.provider)
    idle.provider.awareness.setLocalStateField('user', { name: '值班编辑' })
    const closes: unknown[] = []
    idle.provider.on('connection-close', (event: unknown) => closes.push(event))
    // y-websocket drops a socket that hears nothing for 30 s; the provider renews its presence
    // every 15 s and the server echoes it back, so the socket keeps hearing something.
    await new Promise((resolve) => setTimeout(resolve, 36_000))
    expect(closes).toEqual([])
    expect(idle.provider.wsconnected).toBe(true)
  }, 60_000)
})
