import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { parsePresence, readPresence, setPresence } from './presence'

const alice = { id: 'u1', name: '张三', color: '#e11d48' }

function pair() {
  const mine = new Awareness(new Y.Doc())
  const theirs = new Awareness(new Y.Doc())
  const send = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')
  return { mine, theirs, send }
}

describe('presence', () => {
  it('[DOC17] what one editor sets, another reads, per client id', () => {
    const { mine, theirs, send } = pair()
    setPresence(mine, {
      user: alice,
      selection: 'q1',
      editing: { elementId: 'q1', field: 'title', locale: 'en' },
    })
    setPresence(theirs, { user: { id: 'u2', name: 'Li', color: '#0af' } })
    send(mine, theirs)
    const seen = readPresence(theirs)
    expect(seen).toHaveLength(2)
    expect(seen.find((p) => p.clientId === mine.clientID)).toEqual({
      clientId: mine.clientID,
      local: false,
      user: alice,
      selection: 'q1',
      editing: { elementId: 'q1', field: 'title', locale: 'en' },
    })
    expect(seen.find((p) => p.local)?.user.id).toBe('u2')
    expect(seen.map((p) => p.clientId)).toEqual(
      [...seen.map((p) => p.clientId)].sort((x, y) => x - y),
    )
    mine.destroy()
    theirs.destroy()
  })

  it('[DOC17] setting presence again clears what was left out and keeps other fields', () => {
    const { mine } = pair()
    mine.setLocalStateField('cursor', { anchor: 1 })
    setPresence(mine, { user: alice, selection: 'q1' })
    setPresence(mine, { user: alice })
    expect(mine.getLocalState()).toEqual({ cursor: { anchor: 1 }, user: alice })
    mine.destroy()
  })

  it('[DOC17] malformed states are left out', () => {
    const { mine, theirs, send } = pair()
    const bad = [
      {},
      { user: { id: 'u1', name: 'x' } },
      { user: { ...alice, color: 'red;background:url(x)' } },
      { user: { ...alice, name: 'x'.repeat(201) } },
      { user: alice, selection: 42 },
      { user: alice, editing: { elementId: 'q1' } },
      { user: alice, editing: { elementId: 'q1', field: 'title', locale: 7 } },
    ]
    for (const state of bad) {
      expect(parsePresence(state)).toBeNull()
      mine.setLocalState(state)
      send(mine, theirs)
      expect(readPresence(theirs)).toEqual([])
    }
    expect(parsePresence({ user: alice, selection: null })).toEqual({ user: alice })
    mine.destroy()
    theirs.destroy()
  })
})
