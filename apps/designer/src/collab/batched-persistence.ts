import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/** How long edits gather before they are written to IndexedDB together. */
const BATCH_MS = 200

/**
 * Makes `y-indexeddb` write a moment's edits in one IndexedDB transaction instead of one per
 * document update: its own listener opens a transaction on the keystroke's path (about 1 ms of
 * the page's main thread per character, measured by the designer bench). The storage stays
 * y-indexeddb's (`_storeUpdate`, in its typings); only the timing changes: the updates of 200 ms
 * are merged and stored together, and at once when the page is hidden or closed. What the
 * persistence itself loaded from IndexedDB is never written back, as before.
 *
 * @returns what flushes and stops the batching (before `persistence.destroy()`)
 */
export function batchIndexeddbWrites(persistence: IndexeddbPersistence, doc: Y.Doc): () => void {
  doc.off('update', persistence._storeUpdate)
  let pending: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    if (pending.length === 0) return
    const merged = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending)
    pending = []
    persistence._storeUpdate(merged, null)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === persistence) return
    pending.push(update)
    timer ??= setTimeout(flush, BATCH_MS)
  }
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  doc.on('update', onUpdate)
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)
  return () => {
    flush()
    doc.off('update', onUpdate)
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHidden)
  }
}
