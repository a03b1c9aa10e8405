// The worker thread of `PGliteWorker` (pglite-worker.ts): owns the PGlite instance and answers
// its messages. Plain JavaScript so that any Node process (tsx, vitest, plain node) can start it.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pgliteTypeOptions } from './pglite-types.js'

const { dataDir, loadDataDir } = workerData
const pg = new PGlite({
  dataDir,
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  ...pgliteTypeOptions,
})
/** Open transactions by id: PGlite's own transaction, held open until commit or rollback. */
const transactions = new Map()
const identity = (value) => value

/** Parsers cannot cross threads; the client sends the type ids whose values stay as text. */
function optionsOf({ rowMode, textTypes }) {
  const parsers = textTypes ? Object.fromEntries(textTypes.map((oid) => [oid, identity])) : {}
  return { rowMode, parsers }
}

function begin(id) {
  const entry = {}
  const begun = new Promise((resolve) => {
    entry.done = pg.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          Object.assign(entry, { tx, commit, rollback })
          resolve()
        }),
    )
  })
  transactions.set(id, entry)
  // `done` rejects first when BEGIN itself fails.
  return Promise.race([begun, entry.done]).catch((error) => {
    transactions.delete(id)
    throw error
  })
}

function take(id) {
  const entry = transactions.get(id)
  if (!entry) throw new Error(`No open transaction ${id}`)
  transactions.delete(id)
  return entry
}

async function handle(message) {
  switch (message.type) {
    case 'ready':
      await pg.waitReady
      return null
    case 'query': {
      const target = message.tx === undefined ? pg : transactions.get(message.tx)?.tx
      if (!target) throw new Error(`No open transaction ${message.tx}`)
      return target.query(message.sql, message.params, optionsOf(message))
    }
    case 'exec': {
      const target = message.tx === undefined ? pg : transactions.get(message.tx)?.tx
      if (!target) throw new Error(`No open transaction ${message.tx}`)
      return target.exec(message.sql, optionsOf(message))
    }
    case 'begin':
      await begin(message.tx)
      return null
    case 'commit': {
      const entry = take(message.tx)
      entry.commit()
      await entry.done
      return null
    }
    case 'rollback': {
      const entry = take(message.tx)
      entry.rollback(new Error('rollback'))
      await entry.done.catch(() => {})
      return null
    }
    case 'dump': {
      // PGlite takes its query lock for the dump: the files are those of a crash-consistent
      // instant (what a SIGKILL would leave), which start-up recovers like any crash.
      const archive = await pg.dumpDataDir('gzip')
      return new Uint8Array(await archive.arrayBuffer())
    }
    case 'close':
      await pg.close()
      return null
    default:
      throw new Error(`Unknown message ${message.type}`)
  }
}

/** A database error keeps its fields (code, detail, constraint…) across the thread. */
function plain(error) {
  if (!(error instanceof Error)) return { message: String(error) }
  const fields = {}
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function') continue
    try {
      structuredClone(value)
      fields[key] = value
    } catch {
      fields[key] = String(value)
    }
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: plain(error) }),
  )
})
