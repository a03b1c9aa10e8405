import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnAwarenessOnly } from './own-awareness'

const AWARENESS_MESSAGE = 1

/** A socket that opens at once and keeps what the provider sends. */
function recordingSocket(sent: Uint8Array[]) {
  return class {
    binaryType = 'arraybuffer'
    readyState = 1
    OPEN = 1
    onopen: (() => void) | null = null
    onmessage: ((event: unknown) => void) | null = null
    onclose: ((event: unknown) => void) | null = null
    onerror: ((event: unknown) => void) | null = null
    constructor() {
      queueMicrotask(() => this.onopen?.())
    }
    send(data: Uint8Array) {
      sent.push(new Uint8Array(data))
    }
    close() {}
  }
}

/** Reads the y-protocols wire format: unsigned varints and length-prefixed bytes. */
function reader(bytes: Uint8Array) {
  let at = 0
  const uint = () => {
    let value = 0
    let shift = 0
    for (;;) {
      const byte = bytes[at++] as number
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
      shift += 7
    }
  }
  const chunk = () => {
    const length = uint()
    at += length
    return bytes.subarray(at - length, at)
  }
  return { uint, chunk }
}

/** The client ids named by the awareness messages among `sent`. */
function awarenessClients(sent: Uint8Array[]): number[] {
  const ids: number[] = []
  for (const message of sent) {
    const outer = reader(message)
    if (outer.uint() !== AWARENESS_MESSAGE) continue
    const update = reader(outer.chunk())
    const count = update.uint()
    for (let i = 0; i < count; i++) {
      ids.push(update.uint())
      update.uint() // clock
      update.chunk() // state JSON
    }
  }
  return ids
}

async function provider(own: boolean) {
  const sent: Uint8Array[] = []
  const doc = new Y.Doc()
  const p = new WebsocketProvider('ws://test.invalid/collab', '1', doc, {
    WebSocketPolyfill: recordingSocket(sent) as unknown as typeof WebSocket,
    disableBc: true,
  })
  if (own) sendOwnAwarenessOnly(p)
  await new Promise((resolve) => setTimeout(resolve, 0))
  sent.length = 0
  // Another editor's presence arrives from the server, and this editor then moves its own.
  const other = new Awareness(new Y.Doc())
  other.setLocalState({ user: { id: 'b' } })
  applyAwarenessUpdate(p.awareness, encodeAwarenessUpdate(other, [other.clientID]), p)
  p.awareness.setLocalStateField('selection', 'q1')
  const clients = awarenessClients(sent)
  p.destroy()
  return { clients, mine: doc.clientID, theirs: other.clientID }
}

describe('sendOwnAwarenessOnly', () => {
  it('sends this editor’s presence and never echoes another’s back to the server', async () => {
    const { clients, mine } = await provider(true)
    expect(clients).toEqual([mine])
  })

  it('is needed: y-websocket alone echoes the other editor’s presence', async () => {
    const { clients, theirs } = await provider(false)
    expect(clients).toContain(theirs)
  })
})
