import { type CloseReason, closeReasonOf, isRefusal, isRejectedEdit } from '@yardstick/doc'

/** What the editor shows about its link to the server. */
export type Connection =
  | { state: 'connecting' }
  | { state: 'syncing' }
  | { state: 'synced' }
  /**
   * Lost; the provider retries by itself. `code` is the last close code (`null` when this side
   * closed it, e.g. the browser went offline). Edits go on, kept in the document and IndexedDB.
   */
  | { state: 'offline'; code: number | null; reason: CloseReason | null }
  /**
   * Stopped for good: this session is refused (`isRefusal`: signed out, no right, no such form),
   * or its own unsynced changes are (`isRejectedEdit`: they would take the form past its limits,
   * and sending them again would be refused again). The provider stopped.
   */
  | { state: 'closed'; code: number; reason: CloseReason | null }

/** A provider event, as `nextConnection` folds them. */
export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  | { type: 'close'; code: number | null }

/**
 * Whether a close stops the editor's provider for good (y-websocket's `shouldReconnect` is its
 * negation): a refusal of the session or of its unsynced changes. Any other close is retried.
 *
 * @example
 * closesForGood(4423) // true: the same changes would be refused again
 */
export function closesForGood(code: number): boolean {
  return isRefusal(code) || isRejectedEdit(code)
}

/**
 * The next connection state after a provider event. Only a close for good (`closesForGood`)
 * closes (and sticks until the user reconnects, a `connecting` status); any other close is a
 * retry under way.
 *
 * @example
 * nextConnection({ state: 'synced' }, { type: 'close', code: 4403 }) // closed, forbidden
 */
export function nextConnection(current: Connection, event: ConnectionEvent): Connection {
  switch (event.type) {
    case 'status':
      if (event.status === 'connecting') {
        return current.state === 'offline' ? current : { state: 'connecting' }
      }
      if (event.status === 'connected') return { state: 'syncing' }
      return current.state === 'closed' || current.state === 'offline'
        ? current
        : { state: 'offline', code: null, reason: null }
    case 'sync':
      if (event.synced) return { state: 'synced' }
      return current.state === 'synced' ? { state: 'syncing' } : current
    case 'close': {
      const code = event.code
      if (code !== null && closesForGood(code)) {
        return { state: 'closed', code, reason: closeReasonOf(code) }
      }
      return { state: 'offline', code, reason: code === null ? null : closeReasonOf(code) }
    }
  }
}
