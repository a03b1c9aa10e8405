import { describe, expect, it } from 'vitest'
import { type Connection, type ConnectionEvent, closesForGood, nextConnection } from './connection'

const run = (events: ConnectionEvent[], from: Connection = { state: 'connecting' }) =>
  events.reduce(nextConnection, from)

describe('nextConnection', () => {
  it('goes connecting → syncing → synced', () => {
    expect(
      run([
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
      ]),
    ).toEqual({ state: 'synced' })
  })

  it('shows a transient close as offline with its reason while the provider retries', () => {
    const state = run([
      { type: 'status', status: 'connected' },
      { type: 'sync', synced: true },
      { type: 'close', code: 4503 },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    ])
    expect(state).toEqual({ state: 'offline', code: 4503, reason: 'shuttingDown' })
  })

  it('keeps a permanent close, with its reason', () => {
    const state = run([
      { type: 'status', status: 'connected' },
      { type: 'close', code: 4403 },
      { type: 'status', status: 'disconnected' },
    ])
    expect(state).toEqual({ state: 'closed', code: 4403, reason: 'forbidden' })
  })

  it('[COL27] stops for good when its own changes are refused: they would be refused again', () => {
    const state = run([
      { type: 'status', status: 'connected' },
      { type: 'sync', synced: true },
      { type: 'close', code: 4423 },
      { type: 'status', status: 'disconnected' },
    ])
    expect(state).toEqual({ state: 'closed', code: 4423, reason: 'overFormLimits' })
    expect([4401, 4403, 4404, 4423].every(closesForGood)).toBe(true)
  })

  it('retries, never closes, after any close that is not a refusal (a restart, a refused message)', () => {
    for (const code of [4400, 4413, 4429, 4500, 4503, 4508, 1006, 1011]) {
      const state = run([
        { type: 'status', status: 'connected' },
        { type: 'sync', synced: true },
        { type: 'close', code },
        { type: 'status', status: 'disconnected' },
      ])
      expect(state.state).toBe('offline')
    }
  })

  it('a network drop without a code is offline with no reason', () => {
    expect(run([{ type: 'close', code: 1006 }])).toEqual({
      state: 'offline',
      code: 1006,
      reason: null,
    })
  })
})
