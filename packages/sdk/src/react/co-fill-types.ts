// The shapes of Yjs and y-websocket that co-filling uses. The SDK does not depend on Yjs: an app
// that co-fills passes its own `Y.Doc` and `WebsocketProvider`, which have these shapes, so one
// copy of Yjs runs in the page (two copies break Yjs's constructor checks).

/** A `Y.Map` as co-filling uses it. */
export interface CoFillMap {
  get(key: string): unknown
  set(key: string, value: unknown): unknown
  delete(key: string): void
  has(key: string): boolean
  toJSON(): Record<string, unknown>
  observe(listener: CoFillMapListener): void
  unobserve(listener: CoFillMapListener): void
}

/** Listener of a `Y.Map`: the keys an event changed and the transaction's origin. */
export type CoFillMapListener = (
  event: { keysChanged: Set<string> },
  transaction: { origin: unknown },
) => void

/** A `Y.Doc` as co-filling uses it. */
export interface CoFillDoc {
  getMap(name: string): CoFillMap
  transact(change: () => void, origin?: unknown): void
}

/** What a y-protocols awareness `change` event says. */
export interface CoFillAwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** A y-protocols `Awareness` as co-filling uses it (its client id is the document's). */
export interface CoFillAwareness {
  clientID: number
  getStates(): Map<number, Record<string, unknown>>
  setLocalStateField(field: string, value: unknown): void
  on(event: 'change', listener: (change: CoFillAwarenessChange, origin: unknown) => void): void
  off(event: 'change', listener: (change: CoFillAwarenessChange, origin: unknown) => void): void
}

/** A y-websocket `WebsocketProvider` (3.x) as co-filling uses it. */
export interface CoFillProvider {
  readonly synced: boolean
  readonly awareness: CoFillAwareness
  on(event: 'sync', listener: (synced: boolean) => void): void
  on(event: 'status', listener: (event: { status: string }) => void): void
  on(event: 'closed', listener: (event: CoFillClose) => void): void
  off(event: 'sync', listener: (synced: boolean) => void): void
  off(event: 'status', listener: (event: { status: string }) => void): void
  off(event: 'closed', listener: (event: CoFillClose) => void): void
}

/** Why the server closed the connection for good: a code and reason from its closed set. */
export interface CoFillClose {
  code: number
  reason: string
}
