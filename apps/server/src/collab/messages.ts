import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  type AwarenessEntry,
  BadMessageError,
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessStates,
  encodeSyncStep1,
  encodeSyncStep2,
  isAwarenessNews,
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
    case 'update': {
      // A step 2 answers our oldest sync step 1 (y-websocket answers each one, in order).
      const answer = message.step2 && conn.syncRequests > 0
      if (answer) conn.syncRequests--
      // A reader's updates are never applied, relayed or stored (its empty step 2 is normal).
      if (conn.canWrite) applyUpdate(shared, conn, message.update, answer)
      return
    }
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

/**
 * Sends the document's sync step 1: the client answers with a step 2 holding everything it has
 * that the document lacks.
 */
export function requestSync(shared: SharedDoc, conn: Connection): void {
  conn.syncRequests++
  shared.send(conn, encodeSyncStep1(shared.doc))
}

/**
 * Applies a writer's update. Yjs integrates what builds on the document and keeps the rest
 * (structs whose causes it lacks) pending; a gap is normal right after a reconnect, when
 * y-websocket sends a fresh keystroke before its catch-up step 2 (SPEC [COL7]). The pending rest
 * is dropped rather than kept, so the document never holds, saves or sends structs it cannot
 * place, and the client is asked for what is missing: its step 2 re-sends all of it, the dropped
 * rest included. A step 2 on its way already will (it leaves the client after the gapped update,
 * so it holds that update's causes); a step 2 that itself leaves a gap is not asked again, so a
 * client holding unplaceable structs cannot make the two ends ping-pong.
 */
function applyUpdate(
  shared: SharedDoc,
  conn: Connection,
  update: Uint8Array,
  answersRequest: boolean,
): void {
  try {
    // Checked on a copy first: a refused update never touches the document (SPEC [COL27]).
    const refusal = shared.checkUpdate?.(update)
    if (refusal) {
      shared.close(conn, refusal)
      return
    }
    Y.applyUpdate(shared.doc, update, conn)
  } catch {
    shared.close(conn, 'badMessage')
    return
  }
  const store = shared.doc.store
  if (!store.pendingStructs && !store.pendingDs) return
  store.pendingStructs = null
  store.pendingDs = null
  if (!answersRequest && conn.syncRequests === 0) requestSync(shared, conn)
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
