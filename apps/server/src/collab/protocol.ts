import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** Top-level message types of the y-websocket protocol. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

/** A message the server could not make sense of: the sender is closed, nobody else notices. */
export class BadMessageError extends Error {
  override readonly name = 'BadMessageError'
}

/** A client message, decoded and checked before anything touches the document. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' }

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: unknown
}

/**
 * Decodes one binary message completely (no trailing bytes, no unknown types, awareness JSON
 * parsed), throwing `BadMessageError` on anything else.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  if (data.length === 0) throw new BadMessageError('empty message')
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let message: ClientMessage
    switch (type) {
      case MESSAGE.sync: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === syncProtocol.messageYjsSyncStep1)
          message = { type: 'syncStep1', stateVector: payload }
        else if (
          step === syncProtocol.messageYjsSyncStep2 ||
          step === syncProtocol.messageYjsUpdate
        ) {
          message = {
            type: 'update',
            update: payload,
            step2: step === syncProtocol.messageYjsSyncStep2,
          }
        } else throw new BadMessageError(`unknown sync step ${step}`)
        break
      }
      case MESSAGE.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        message = { type: 'awareness', update, entries: decodeAwareness(update) }
        break
      }
      case MESSAGE.queryAwareness:
        message = { type: 'queryAwareness' }
        break
      default:
        throw new BadMessageError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof BadMessageError) throw error
    throw new BadMessageError(`undecodable message: ${(error as Error).message}`)
  }
}

function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > 1000) throw new BadMessageError(`awareness update names ${count} clients`)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    let state: unknown
    try {
      state = JSON.parse(json)
    } catch {
      throw new BadMessageError('awareness state is not JSON')
    }
    entries.push({ clientId, clock, state })
  }
  if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes in awareness update')
  return entries
}

/** `sync step 1`: the server's state vector, asking the client for what it has that we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** `sync step 2`: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

/** A document update for the clients. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message for the clients. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness update (y-protocols' layout) holding exactly `entries`. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Whether an entry would change `awareness`: y-protocols applies a newer clock, or a removal at
 * the same clock of a state still present. Anything else is old news (an echo).
 */
export function isAwarenessNews(
  awareness: awarenessProtocol.Awareness,
  { clientId, clock, state }: AwarenessEntry,
): boolean {
  const known = awareness.meta.get(clientId)?.clock
  if (known === undefined || clock > known) return true
  return clock === known && state === null && awareness.states.has(clientId)
}

/** The awareness of every client present, for a newcomer. */
export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness): Uint8Array | null {
  const clients = [...awareness.getStates().keys()]
  if (clients.length === 0) return null
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
}
