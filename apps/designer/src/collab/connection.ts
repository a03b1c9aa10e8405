import { type CloseReason, closeReasonOf, isPermanentClose } from '@yardstick/doc'

/** What the editor shows about its link to the server. */
export type Connection =
  | { state: 'connecting' }
  | { state: 'syncing' }
  | { state: 'synced' }
  /** Lost; the provider retries. `code` is the last close code, when the server sent one. */
  | { state: 'offline'; code: number | null; reason: CloseReason | null }
  /** Refused for good (4400–4499): the provider stopped. */
  | { state: 'closed'; code: number; reason: CloseReason | null }

/** A provider event, as `nextConnection` folds them. */
export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  | { type: 'close'; code: number | null }

/**
 * The next connection state after a provider event. A permanent close sticks until the user
 * reconnects (a `connecting` status).
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
      if (code !== null && isPermanentClose(code)) {
        return { state: 'closed', code, reason: closeReasonOf(code) }
      }
      return { state: 'offline', code, reason: code === null ? null : closeReasonOf(code) }
    }
  }
}
