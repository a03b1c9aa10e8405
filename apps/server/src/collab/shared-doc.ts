import type { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { AuthUser } from '../auth/sessions'
import { type CloseReason, closeWith } from './close-codes'
import type { DocStore } from './doc-store'
import { encodeAwareness, encodeUpdate } from './protocol'

/** One socket on a document: who it is, whether it may write, the awareness ids it owns. */
export interface Connection {
  socket: WebSocket
  user: AuthUser
  token: string
  canWrite: boolean
  clientIds: Set<number>
  alive: boolean
  awarenessTokens: number
  awarenessRefilledAt: number
  strikes: number
  /** Sync step 1s sent to it whose step 2 has not arrived yet (SPEC [COL7]). */
  syncRequests: number
}

/** Origin of changes that arrived from another server process (already durable there). */
export class RemoteOrigin {
  constructor(readonly updateId: number | null) {}
}

/** Origin of state read from the database at load. */
export const LOAD_ORIGIN = Symbol('load')

/** What a document tells the process-wide fan-out (Redis) about. */
export interface DocFanOut {
  publishUpdate: (docName: string, updateId: number, update: Uint8Array) => void
  publishAwareness: (docName: string, update: Uint8Array) => void
}

/** Limits that protect the server from one client (docs/COLLABORATION.md items 6–11). */
export interface DocLimits {
  maxBufferedBytes: number
  compactEvery: number
  onPersistError: (docName: string, error: unknown, attempt: number) => void
}

/**
 * A loaded document shared by its connections. Every update a writer makes is appended to the
 * database first and relayed to the others only after the commit, in the order it was made;
 * updates from other processes (already durable) are relayed at once.
 */
export class SharedDoc {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly conns = new Map<WebSocket, Connection>()
  /** Update rows this process knows are in `doc`, not yet folded into the snapshot. */
  folded: number[] = []
  /** Its kind's check of a writer's update before it is applied (`DocKind.checkUpdate`). */
  checkUpdate: ((update: Uint8Array) => CloseReason | null) | null = null
  private owners = new Map<number, Connection>()
  private chain: Promise<void> = Promise.resolve()
  private compacting: Promise<void> | null = null
  private destroyed = false

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly fanOut: DocFanOut | null,
    private readonly limits: DocLimits,
  ) {
    // The server keeps no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin))
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.onAwareness(change, origin),
    )
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return
    if (origin instanceof RemoteOrigin) {
      if (origin.updateId !== null) this.folded.push(origin.updateId)
      this.broadcast(encodeUpdate(update), null)
      return
    }
    const durable = this.persist(update)
    this.chain = this.chain
      .then(() => durable)
      .then((id) => {
        if (this.destroyed) return
        this.folded.push(id)
        this.broadcast(encodeUpdate(update), origin)
        this.fanOut?.publishUpdate(this.name, id, update)
        if (this.folded.length >= this.limits.compactEvery) void this.compact()
      })
  }

  /** Appends until it succeeds: a failed save keeps the document in memory and retries. */
  private async persist(update: Uint8Array): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.append(this.name, update)
      } catch (error) {
        this.limits.onPersistError(this.name, error, attempt)
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** attempt)))
      }
    }
  }

  private onAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    // To every socket, the sender's too: the echo keeps an idle editor's socket alive
    // (the client drops a socket that hears nothing for 30 s).
    this.broadcast(encodeAwareness(update), null)
    if (!(origin instanceof RemoteOrigin)) this.fanOut?.publishAwareness(this.name, update)
  }

  /** Sends to every connection but `except`; a reader too slow to keep up is closed to resync. */
  broadcast(message: Uint8Array, except: unknown): void {
    for (const conn of this.conns.values()) {
      if (conn !== except) this.send(conn, message)
    }
  }

  send(conn: Connection, message: Uint8Array): void {
    const { socket } = conn
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(conn, 'slowReader')
      return
    }
    socket.send(message)
  }

  close(conn: Connection, reason: CloseReason): void {
    closeWith(conn.socket, reason)
    this.remove(conn)
  }

  /**
   * Claims awareness client ids for a connection; false (nothing claimed) when any id belongs
   * to another connection, or is live on another process (a state here that no connection of
   * this process owns): a forged update (docs/COLLABORATION.md item 6). A departed client's id
   * (its state removed) is free again: y-websocket reconnects with the same client id.
   */
  claimClients(conn: Connection, clientIds: readonly number[]): boolean {
    const claimable = (id: number) => {
      const owner = this.owners.get(id)
      return owner ? owner === conn : !this.awareness.states.has(id)
    }
    if (!clientIds.every(claimable)) return false
    for (const id of clientIds) {
      this.owners.set(id, conn)
      conn.clientIds.add(id)
    }
    return true
  }

  remove(conn: Connection): void {
    if (!this.conns.delete(conn.socket)) return
    for (const id of conn.clientIds) if (this.owners.get(id) === conn) this.owners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null)
  }

  /** Resolves once every update made so far is durable and relayed. */
  idle(): Promise<void> {
    return this.chain
  }

  /** Folds the known update rows into the snapshot (one compaction at a time). */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        await this.chain
        const ids = [...this.folded]
        if (ids.length === 0) return
        await this.store.compact(this.name, ids, (stored) => {
          // Another process may have folded updates this one has not seen yet.
          if (stored) Y.applyUpdate(this.doc, stored, new RemoteOrigin(null))
          return Y.encodeStateAsUpdate(this.doc)
        })
        const done = new Set(ids)
        this.folded = this.folded.filter((id) => !done.has(id))
      } finally {
        this.compacting = null
      }
    })()
    return this.compacting
  }

  destroy(): void {
    this.destroyed = true
    this.awareness.destroy()
    this.doc.destroy()
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
