import { type Database, migrate, openDatabase } from '@yardstick/db'
import { createTestDatabase, testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Admission } from '../../src/collab/authorize'
import { DocStore } from '../../src/collab/doc-store'
import { createFixture, type Fixture } from '../harness'
import { connect, createForm, startCollabServer, synced } from './collab-harness'

// What keeps an edit's append from waiting on work it has nothing to do with (BENCHMARKS.md,
// co-editing endpoint): compactions and revalidation passes.

describe.each(await testStores())('compaction beside appends on %s', (kind) => {
  let database: Database

  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(() => database.close())

  it('[COL5] many documents compacting at once hold an append behind one compaction at most', async () => {
    const store = new DocStore(database)
    const docs = Array.from({ length: 12 }, (_, i) => `form:${9000 + i}`)
    const folded = new Map<string, number[]>()
    for (const name of docs) {
      const doc = new Y.Doc()
      const ids: number[] = []
      doc.on(
        'update',
        (update: Uint8Array) => void store.append(name, update).then((id) => ids.push(id)),
      )
      for (let i = 0; i < 40; i++) doc.getMap('m').set(`k${i}`, i)
      folded.set(name, ids)
      await new Promise((resolve) => setImmediate(resolve))
      await store.append(name, Y.encodeStateAsUpdate(doc)).then((id) => ids.push(id))
    }
    const finished: string[] = []
    const compactions = docs.map((name) =>
      store
        .compact(name, folded.get(name) ?? [], () => new Uint8Array([0, 0]))
        .then(() => finished.push(name)),
    )
    await store.append('form:9999', new Uint8Array([0, 0]))
    finished.push('append')
    await Promise.all(compactions)
    // Appends queue behind every transaction already waiting for PGlite's one connection:
    // with all twelve compactions in flight at once, the append would come last.
    expect(finished.indexOf('append')).toBeLessThan(docs.length)
    for (const name of docs) expect((await store.load(name)).updates).toEqual([])
  })
})

/**
 * Runs `work` and counts the turns the event loop took meanwhile (a `setImmediate` re-armed on
 * each turn). Work chained in microtasks alone leaves it none however long it runs; counting
 * turns instead of timing the longest gap keeps the check true on a loaded machine.
 */
async function loopTurns(work: () => Promise<unknown>): Promise<number> {
  let turns = 0
  let running = true
  const turn = () => {
    if (!running) return
    turns++
    setImmediate(turn)
  }
  setImmediate(turn)
  await work()
  running = false
  return turns
}

describe("compaction with PGlite on the server's thread", () => {
  it('[COL5] many documents compacting at once let the event loop run between them', async () => {
    const database = await openDatabase({ worker: false })
    try {
      await migrate(database)
      const store = new DocStore(database)
      const docs = Array.from({ length: 60 }, (_, i) => `form:${9200 + i}`)
      const folded = await Promise.all(
        docs.map((name) => store.append(name, new Uint8Array([0, 0])).then((id) => [id])),
      )
      const turns = await loopTurns(() =>
        Promise.all(
          docs.map((name, i) => store.compact(name, folded[i] ?? [], () => new Uint8Array([0, 0]))),
        ),
      )
      // Chained in microtasks, the sixty held the event loop in one piece (≈ 4 ms each): no
      // turn at all. Now each compaction waits for a task.
      expect(turns).toBeGreaterThanOrEqual(docs.length)
    } finally {
      await database.close()
    }
  })
})

describe.each(await testStores())('compaction outside the transaction on %s', (kind) => {
  let database: Database

  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(() => database.close())

  it('[COL18] folds in a snapshot another process stored after this one read it', async () => {
    const name = 'form:9100'
    const ours = new Y.Doc()
    ours.getMap('m').set('ours', 1)
    const theirs = new Y.Doc()
    theirs.getMap('m').set('theirs', 2)
    const other = new DocStore(database)
    // The other process compacts between our read (and encode) and our transaction.
    const racing = {
      ...database,
      db: new Proxy(database.db, {
        get(target, key, receiver) {
          if (key !== 'transaction') return Reflect.get(target, key, receiver)
          return async (...args: Parameters<typeof target.transaction>) => {
            await other.compact(name, [], () => Y.encodeStateAsUpdate(theirs))
            return target.transaction(...args)
          }
        },
      }),
    }
    const id = await new DocStore(database).append(name, Y.encodeStateAsUpdate(ours))
    const seen: Array<Uint8Array | null> = []
    await new DocStore(racing).compact(name, [id], (stored) => {
      seen.push(stored)
      if (stored) Y.applyUpdate(ours, stored)
      return Y.encodeStateAsUpdate(ours)
    })
    expect(seen[0]).toBeNull()
    expect(seen).toHaveLength(2)
    const stored = await new DocStore(database).load(name)
    expect(stored.updates).toEqual([])
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot as Uint8Array)
    expect(loaded.getMap('m').toJSON()).toEqual({ ours: 1, theirs: 2 })
  })
})

describe('revalidation beside edits', () => {
  let f: Fixture
  const providers: WebsocketProvider[] = []

  beforeAll(async () => {
    f = await createFixture('pglite')
  })
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await f.close()
  })

  it('[COL9] a revalidation pass lets waiting messages through between documents', async () => {
    const token = await f.login('editor')
    const user = { id: 1, email: 'e@example.org', name: 'e', grants: [] }
    // A check that settles in microtasks alone after 10 ms of work on this thread: what
    // queries to PGlite on the server's thread do (PGLITE_WORKER=false).
    const admit = async (): Promise<Admission> => {
      const until = performance.now() + 10
      while (performance.now() < until);
      return { user, canWrite: true }
    }
    const server = await startCollabServer(f, { admit, revalidateMs: 3_600_000 })
    try {
      for (let i = 0; i < 15; i++) {
        const provider = connect(server.wsUrl, await createForm(f), token).provider
        providers.push(provider)
        await synced(provider)
      }
      const turns = await loopTurns(() => server.collab.revalidate())
      // 15 documents × 10 ms held the event loop for 150 ms in one piece before (no turn); now
      // the pass waits for a task after each document.
      expect(turns).toBeGreaterThanOrEqual(providers.length)
    } finally {
      for (const provider of providers.splice(0)) provider.destroy()
      await server.stop()
    }
  })
})
