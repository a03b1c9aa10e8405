import {
  createUndoManager,
  type FormView,
  type PeerPresence,
  type PresenceEditing,
  type PresenceUser,
  readFormView,
  readPresence,
  setPresence,
  trackViewChanges,
  updateFormView,
} from '@yardstick/doc'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { batchIndexeddbWrites } from './batched-persistence'
import { type Connection, type ConnectionEvent, closesForGood, nextConnection } from './connection'
import { sendOwnAwarenessOnly } from './own-awareness'
import { createStore, type Store } from './store'

/** Options of `openFormSession`. */
export interface FormSessionOptions {
  formId: number
  user: PresenceUser
  /** IndexedDB database for offline edits; none (tests, private windows) keeps nothing. */
  storageName?: string | null
  /** `ws(s)://host/collab`; default: this page's host. */
  serverUrl?: string
}

/** One editor's live copy of a form: document, sync, offline store, undo, presence. */
export interface FormSession {
  doc: Y.Doc
  /** The origin of this editor's edits: pass it to every `@yardstick/doc` edit. */
  origin: object
  undo: Y.UndoManager
  provider: WebsocketProvider
  view: Store<FormView>
  connection: Store<Connection>
  peers: Store<PeerPresence[]>
  /** Whether the server's state has arrived once (so an empty document really is empty). */
  everSynced: Store<boolean>
  /** Whether what IndexedDB kept has been loaded. */
  localLoaded: Store<boolean>
  select: (id: string | null) => void
  setEditing: (editing: PresenceEditing | null) => void
  reconnect: () => void
  /**
   * Throws away what this editor has not synced (after the server refused it, `isRejectedEdit`):
   * destroys the session and deletes its IndexedDB copy. Open a fresh session afterwards, which
   * loads the server's document.
   */
  discardUnsaved: () => Promise<void>
  destroy: () => void
}

/**
 * Opens a form's shared document: `y-websocket`'s provider on `/collab/:formId` (signed in by
 * the session cookie the browser sends with the upgrade, never a token in the URL),
 * `y-indexeddb` for offline edits (merged when the socket is back), a per-editor undo manager
 * (SPEC [DOC16]) and presence on awareness (SPEC [DOC17]). Never seeds the document
 * (docs/COLLABORATION.md item 13): an empty document after sync stays empty until the server
 * seeds it.
 *
 * @example
 * const session = openFormSession({ formId: 7, user: { id: '1', name: '张三', color: '#d9480f' } })
 * session.view.get().json
 */
export function openFormSession({
  formId,
  user,
  storageName = `yardstick:form:${formId}`,
  serverUrl = defaultServerUrl(),
}: FormSessionOptions): FormSession {
  const doc = new Y.Doc()
  const origin = { editor: user.id, session: Math.random().toString(36).slice(2) }
  const undo = createUndoManager(doc, origin)
  const view = createStore(readFormView(doc))
  const changes = trackViewChanges(doc)
  const connection = createStore<Connection>({ state: 'connecting' })
  const peers = createStore<PeerPresence[]>([])
  const everSynced = createStore(false)
  const localLoaded = createStore(storageName === null)

  let pending = false
  let destroyed = false
  // Edits are read once per task (a microtask after the last transaction of it, so a keystroke's
  // view is ready before the browser's next task), and only the owners they touched are read
  // again: typing in one title leaves every other node's view object (and its row) as it was.
  const refresh = () => {
    pending = false
    if (!destroyed) view.set(updateFormView(doc, view.get(), changes.take()))
  }
  const onUpdate = () => {
    if (pending) return
    pending = true
    queueMicrotask(refresh)
  }
  doc.on('update', onUpdate)

  const persistence = storageName ? new IndexeddbPersistence(storageName, doc) : null
  persistence?.once('synced', () => localLoaded.set(true))
  const stopBatching = persistence ? batchIndexeddbWrites(persistence, doc) : null

  const provider = new WebsocketProvider(serverUrl, String(formId), doc, {
    maxBackoffTime: 5000,
    // y-websocket stops on every 4400–4499 close; an editor stops only when it or its unsynced
    // changes are refused (sending them again would be refused again, SPEC [COL27]): after a
    // restart, an unreadable message or a slow link it resyncs what it typed (SPEC [COL7]).
    shouldReconnect: (event) => !closesForGood(event.code),
    connect: false,
    // No BroadcastChannel between this browser's tabs: the server relays every edit anyway, and
    // the channel would cost each keystroke and presence change a structured clone and a post.
    disableBc: true,
  })
  sendOwnAwarenessOnly(provider)
  // Connect on the next task: a session React opens and closes at once (StrictMode in
  // development) then never opens a socket at all.
  const connecting = setTimeout(() => provider.connect(), 0)
  const fold = (event: ConnectionEvent) => connection.set(nextConnection(connection.get(), event))
  provider.on('status', ({ status }) => fold({ type: 'status', status }))
  provider.on('sync', (synced) => {
    fold({ type: 'sync', synced })
    if (synced) everSynced.set(true)
  })
  provider.on('connection-close', (event) => fold({ type: 'close', code: event?.code ?? null }))

  // The browser knows first when the network is gone: stop at once instead of waiting for the
  // socket to time out, and reconnect as soon as it is back (rather than after the backoff) —
  // unless the server closed for good: the network coming back changes nothing about that.
  const goOffline = () => provider.disconnect()
  const goOnline = () => {
    if (connection.get().state !== 'closed') provider.connect()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)

  let selection: string | null = null
  let editing: PresenceEditing | null = null
  const publish = () =>
    setPresence(provider.awareness, {
      user,
      ...(selection ? { selection } : {}),
      ...(editing ? { editing } : {}),
    })
  publish()
  const onAwareness = () => peers.set(readPresence(provider.awareness))
  provider.awareness.on('change', onAwareness)
  onAwareness()

  const destroy = () => {
    if (destroyed) return
    destroyed = true
    clearTimeout(connecting)
    doc.off('update', onUpdate)
    changes.destroy()
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('online', goOnline)
    provider.awareness.off('change', onAwareness)
    undo.destroy()
    provider.destroy()
    stopBatching?.()
    void persistence?.destroy()
    doc.destroy()
  }

  return {
    doc,
    origin,
    undo,
    provider,
    view,
    connection,
    peers,
    everSynced,
    localLoaded,
    select: (id) => {
      if (id === selection) return
      selection = id
      publish()
    },
    setEditing: (next) => {
      editing = next
      publish()
    },
    reconnect: () => {
      connection.set({ state: 'connecting' })
      provider.connect()
    },
    discardUnsaved: async () => {
      destroy()
      // Closes the database, then asks IndexedDB to delete it; a session opened afterwards on
      // the same name waits for the deletion (IndexedDB runs open and delete requests in order).
      await persistence?.clearData()
    },
    destroy,
  }
}

/** `ws://host/collab` (or `wss://`) for the page's own host. */
export function defaultServerUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/collab`
}
