import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  type AwarenessEntry,
  BadMessageError,
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessStates,
  encodeSyncStep2,
  isAwarenessNews,
  missingDependencies,
} from './protocol'
import type { Connection, SharedDoc } from './shared-doc'

/** What one connection may send (docs/COLLABORATION.md items 6, 8). */
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
      applyAwareness(shared, conn, message.update, message.entries, limits)
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

/**
 * Applies what a connection says about its own clients. y-websocket's provider sends every
 * awareness change it hears back to the server, its colleagues' too: entries that tell the
 * server nothing new are echoes, dropped without counting against the rate. News about a client
 * another connection owns (or a live client of another process) is a forgery: the message is
 * refused whole and counted (COL6).
 */
function applyAwareness(
  shared: SharedDoc,
  conn: Connection,
  update: Uint8Array,
  entries: readonly AwarenessEntry[],
  limits: MessageLimits,
): void {
  if (update.length > limits.maxAwarenessBytes) {
    shared.close(conn, 'messageTooLarge')
    return
  }
  const news = entries.filter((entry) => isAwarenessNews(shared.awareness, entry))
  if (news.length === 0) return
  const now = Date.now()
  const rate = limits.awarenessPerSecond
  conn.awarenessTokens = Math.min(
    rate,
    conn.awarenessTokens + ((now - conn.awarenessRefilledAt) / 1000) * rate,
  )
  conn.awarenessRefilledAt = now
  const clientIds = news.map((entry) => entry.clientId)
  if (conn.awarenessTokens < 1 || !shared.claimClients(conn, clientIds)) {
    // Over the rate, or speaking for another's client: refused, and counted.
    conn.strikes++
    if (conn.strikes > 100) shared.close(conn, 'rateLimited')
    return
  }
  conn.awarenessTokens -= 1
  const applied = news.length === entries.length ? update : encodeAwarenessEntries(news)
  awarenessProtocol.applyAwarenessUpdate(shared.awareness, applied, conn)
}
