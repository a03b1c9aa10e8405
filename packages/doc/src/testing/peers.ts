import * as Y from 'yjs'
import { fromSurveyJson } from '../from-json'

/** The origin of updates received from another peer. */
export const REMOTE = Symbol('remote')

/** A replica in a simulated network: its doc, its editor origin and updates not yet received. */
export interface Peer {
  doc: Y.Doc
  origin: { editor: number }
  inbox: Uint8Array[]
}

/**
 * `count` replicas of one form, fully synced, each forwarding its own updates to every other
 * peer's inbox (a mesh: nothing arrives until `deliver` or `syncAll`).
 */
export function createPeers(count: number, json: Record<string, unknown> = {}): Peer[] {
  const seed = Y.encodeStateAsUpdate(fromSurveyJson(json))
  const peers: Peer[] = Array.from({ length: count }, (_, editor) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, seed, REMOTE)
    return { doc, origin: { editor }, inbox: [] }
  })
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      for (const other of peers) if (other !== peer) other.inbox.push(update)
    })
  }
  return peers
}

/**
 * Delivers some of a peer's pending updates: `pick` chooses which (indexes into the inbox,
 * in the order given); `merge` applies them as one merged update.
 */
export function deliver(peer: Peer, pick: readonly number[], merge = false): void {
  const chosen = [...new Set(pick)].filter((i) => i < peer.inbox.length)
  const updates = chosen.map((i) => peer.inbox[i] as Uint8Array)
  peer.inbox = peer.inbox.filter((_, i) => !chosen.includes(i))
  if (merge && updates.length > 0) Y.applyUpdate(peer.doc, Y.mergeUpdates(updates), REMOTE)
  else for (const update of updates) Y.applyUpdate(peer.doc, update, REMOTE)
}

/** Delivers everything pending, everywhere. */
export function syncAll(peers: readonly Peer[]): void {
  for (const peer of peers)
    deliver(
      peer,
      peer.inbox.map((_, i) => i),
    )
}
