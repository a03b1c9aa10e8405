import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  BadMessageError,
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessStates,
  encodeSyncStep2,
  missingDependencies,
} from './protocol'
import type { Connection, SharedDoc } from './shared-doc'

/** What one connection may send (COLLAB-NOTES 6, 8). */
export interface MessageLimits {
  maxAwarenessBytes: number
  awarenessPerSecond: number
}

/**
 * Handles one message of a connection, in order: sync step 1 is answered, a writer's update is
 * applied (then made durable and relayed by the shared document), awareness is checked and
 * applied; anything malformed closes only this connection.
 */
export function receiveMessage(
  shared: SharedDoc,
  conn: Connection,
  data: Uint8Array,
  limits: MessageLimits,
): void {
  if (!shared.conns.has(conn.socket)) return
  let message: ClientMessage
  try {
    message = decodeClientMessage(data)
  } catch (error) {
    if (error instanceof BadMessageError) {
      shared.close(conn, 'badMessage')
      return
    }
    throw error
  }
  switch (message.type) {
    case 'syncStep1':
      shared.send(conn, encodeSyncStep2(shared.doc, message.stateVector))
      return
    case 'update':
      // A reader's updates are never applied, relayed or stored (its empty step 2 is normal).
      if (conn.canWrite) applyUpdate(shared, conn, message.update)
      return
    case 'awareness':
      applyAwareness(
        shared,
        conn,
        message.update,
        message.entries.map((e) => e.clientId),
        limits,
      )
      return
    case 'queryAwareness': {
      const states = encodeAwarenessStates(shared.awareness)
      if (states) shared.send(conn, states)
      return
    }
  }
}

function applyUpdate(shared: SharedDoc, conn: Connection, update: Uint8Array): void {
  try {
    if (missingDependencies(shared.doc, update)) {
      shared.close(conn, 'missingDependencies')
      return
    }
    Y.applyUpdate(shared.doc, update, conn)
  } catch {
    shared.close(conn, 'badMessage')
    return
  }
  const store = shared.doc.store
  if (store.pendingStructs || store.pendingDs) {
    // Structs whose causes never arrived would be kept, re-sent and saved forever: drop them.
    store.pendingStructs = null
    store.pendingDs = null
    shared.close(conn, 'missingDependencies')
  }
}

function applyAwareness(
  shared: SharedDoc,
  conn: Connection,
  update: Uint8Array,
  clientIds: number[],
  limits: MessageLimits,
): void {
  if (update.length > limits.maxAwarenessBytes) {
    shared.close(conn, 'messageTooLarge')
    return
  }
  const now = Date.now()
  const rate = limits.awarenessPerSecond
  conn.awarenessTokens = Math.min(
    rate,
    conn.awarenessTokens + ((now - conn.awarenessRefilledAt) / 1000) * rate,
  )
  conn.awarenessRefilledAt = now
  if (conn.awarenessTokens < 1 || !shared.claimClients(conn, clientIds)) {
    // Over the rate, or naming another connection's client: refused, and counted.
    conn.strikes++
    if (conn.strikes > 100) shared.close(conn, 'rateLimited')
    return
  }
  conn.awarenessTokens -= 1
  awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, conn)
}
