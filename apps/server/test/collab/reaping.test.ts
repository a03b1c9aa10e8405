import type { Socket } from 'node:net'
import { testStores } from '@yardstick/db'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { createFixture, type Fixture } from '../harness'
import {
  type CollabTestServer,
  connect,
  createForm,
  eventually,
  startCollabServer,
  synced,
} from './collab-harness'

/** A raw client of the endpoint, with `ws`'s own options (e.g. no automatic pong). */
function rawClient(url: string, options: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(url, options)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const open = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, closed, open }
}

function awarenessMessage(awareness: awarenessProtocol.Awareness): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
  )
  return encoding.toUint8Array(encoder)
}

describe.each(await testStores())('[COL10] slow readers and dead peers on %s', (kind) => {
  let f: Fixture
  let server: CollabTestServer
  let token: string
  const providers: WebsocketProvider[] = []

  beforeAll(async () => {
    f = await createFixture(kind)
    // Pings stay at their default here: a paused reader must be closed as slow, not as dead.
    server = await startCollabServer(f, { maxBufferedBytes: 64 * 1024 })
    token = await f.login('editor')
  })
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy()
  })
  afterAll(async () => {
    await server.stop()
    await f.close()
  })

  it('closes a reader that stops reading with 4508 once its buffer passes the threshold; others carry on', async () => {
    const formId = await createForm(f)
    const a = connect(server.wsUrl, formId, token)
    const b = connect(server.wsUrl, formId, token)
    providers.push(a.provider, b.provider)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const slow = rawClient(`${server.wsUrl}/${formId}?token=${token}`)
    await slow.open
    await eventually(() => expect(server.collab.stats().connections).toBe(3))
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    const tcp = (slow.ws as unknown as { _socket: Socket })._socket
    tcp.pause()

    const chunk = 'x'.repeat(512 * 1024)
    for (let i = 0; i < 40; i++) a.doc.getText('big').insert(0, chunk)

    await eventually(() => expect(server.collab.stats().connections).toBe(2), 30_000)
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
    const server = await startCollabServer(f, { pingIntervalMs: 250 })
    onTestFinished(() => server.stop())
    const formId = await createForm(f)
    const live = connect(server.wsUrl, formId, token)
    providers.push(live.provider)
    await synced(live.provider)
    const dead = rawClient(`${server.wsUrl}/${formId}?token=${token}`, { autoPong: false })
    await dead.open
    const deadAwareness = new awarenessProtocol.Awareness(new Y.Doc())
    deadAwareness.setLocalState({ user: { name: '失联的编辑' } })
    dead.ws.send(awarenessMessage(deadAwareness))
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
    expect(server.collab.stats().connections).toBe(1)
  })
})

describe('[COL6][COL10] an idle editor', () => {
  it('stays connected past the provider’s 30 s silence timeout, alone on its form', async () => {
    const f = await createFixture('pglite')
    const server = await startCollabServer(f)
    onTestFinished(async () => {
      await server.stop()
      await f.close()
    })
    const token = await f.login('editor')
    const idle = connect(server.wsUrl, await createForm(f), token)
    onTestFinished(() => idle.provider.destroy())
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
