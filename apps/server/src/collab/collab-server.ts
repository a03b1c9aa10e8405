import { randomUUID } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Database } from '@yardstick/db'
import { applySurveyJson, toSurveyJson, updateLimitIssue } from '@yardstick/doc'
import type { FormJson } from '@yardstick/sdk'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { hashToken } from '../auth/sessions'
import { type Admission, admitToForm, upgradeCredentials } from './authorize'
import { type CloseReason, closeWith } from './close-codes'
import { type Admitting, closeEndedSessions, revalidateDoc } from './connection-access'
import { type DocKind, type DocTarget, targetOfPath } from './doc-kinds'
import { DocRegistry } from './doc-registry'
import { DocStore } from './doc-store'
import type { FormDocuments } from './form-documents'
import { type MessageLimits, receiveMessage, requestSync } from './messages'
import { encodeAwarenessStates } from './protocol'
import { RedisFanOut, type SessionsEnded } from './redis-fan-out'
import type { ResponseDocuments } from './response-docs'
import { responseDocKind } from './response-docs'
import type { Connection, SharedDoc } from './shared-doc'
import type { UserConnections } from './user-connections'

/**
 * Options of the co-editing endpoint. Every limit has a default that suits a form designer; the
 * defaults are written once, in the constructor's signature, and each limit's TSDoc says what it
 * bounds, in which unit, and why that default (SPEC.md beside this file numbers the rules).
 */
export interface CollabOptions {
  database: Pick<Database, 'db' | 'appendDocUpdates'>
  /** Storage of documents (default: the database's update log; a test passes one that fails). */
  store?: DocStore
  /** With it, processes share documents through Redis ([COL18]); without it, one process. */
  redisUrl?: string
  /** Channel prefix on Redis (default `yardstick:collab:`, kept by `RedisFanOut`). */
  redisPrefix?: string
  /** First state of a form's document, built on the server once ([COL19]: templates seed here). */
  seed?: (formId: number) => Promise<Uint8Array | null>
  /** Decides who may open a form (default: roles on the form's organisation, `admitToForm`). */
  admit?: (token: string | null, formId: number) => Promise<Admission>
  /**
   * Largest WebSocket message a client may send, in bytes (default 8 MiB). Bounds what one frame
   * can make the server buffer and decode; larger is refused by `ws` with 1009 ([COL8]). A client's
   * first sync step 2 carries its whole offline state: a 500-question form's snapshot is about
   * 0.5 MiB (BENCHMARKS.md), so the default leaves room for far larger forms and long offline
   * edits.
   */
  maxMessageBytes?: number
  /**
   * Bytes waiting in one socket's send buffer past which that reader is closed with 4508
   * `slowReader` (default 4 MiB, [COL10]). Bounds the memory a slow or stalled client makes the
   * server hold; the client reconnects and resyncs, so nothing is lost. Several full syncs of a
   * large form fit under it, so a client on a slow link is not closed for one.
   */
  maxBufferedBytes?: number
  /**
   * Largest awareness message, in bytes (default 64 KiB, [COL6]). Presence is a user, a selection
   * and the field being typed in, each string at most 200 characters (`@yardstick/doc`'s
   * [DOC17]): a few hundred bytes per client. The default is generous to that and still refuses
   * a state used to push bulk data to every editor of the form.
   */
  maxAwarenessBytes?: number
  /**
   * Awareness messages accepted per second per socket (default 20, [COL6]): a token bucket of
   * that size, refilled at that rate. A presence update per keystroke of fast typing fits; a
   * client flooding every other editor is refused, and after 100 refusals closed (4429).
   */
  awarenessPerSecond?: number
  /**
   * How long a document stays loaded after its last client leaves, in ms (default 2,000,
   * [COL5]). A reload or a reconnect within it finds the document still in memory instead of
   * reloading it from the database; longer would only hold memory for documents nobody edits.
   */
  unloadDelayMs?: number
  /**
   * Interval of WebSocket pings, in ms (default 30,000, [COL10]). A peer that has not answered
   * the previous ping by the next one is terminated, so a dead peer is reaped within two
   * intervals; y-websocket's own idle timeout is 30 s too.
   */
  pingIntervalMs?: number
  /**
   * Interval of access revalidation, in ms (default 10,000, [COL9]). Bounds how long a revoked
   * session or a lost role keeps editing; each pass costs a few queries per loaded document,
   * which is why it is not shorter.
   */
  revalidateMs?: number
  /**
   * Updates appended to a loaded document's log before it is compacted into one snapshot
   * (default 500, [COL5]; it is compacted at unload too). Bounds the rows a later load replays.
   * Not smaller because a compaction rewrites the whole snapshot in a transaction that holds
   * the document's appends back (about 54 ms for a 500-question form, BENCHMARKS.md).
   */
  compactEvery?: number
  /**
   * How long after a change a co-filled response is written back to its self-check, in ms
   * (default 200, [COL24]). Changes within that window share one write; short enough that a
   * submit or an approval made right after typing reads the edit.
   */
  writeBackMs?: number
}

const FORM_PATH = /^\/collab\/(\d+)\/?$/

/** Origin of edits the server makes itself (restoring a version, saving through the API). */
const SERVER_ORIGIN = Symbol('server')

/**
 * The co-editing endpoint `ws(s)://host/collab/:formId` (signed in by the session cookie or an
 * `Authorization: Bearer` header, never a token in the URL): speaks the y-websocket
 * protocol (sync + awareness) so `y-websocket`'s own `WebsocketProvider` connects; admits by
 * role (accept, then close with a code from `CLOSE_REASONS`); loads each document once for all
 * its connections; makes every update durable before relaying it; unloads after the last
 * client leaves; shares documents between processes through Redis. See SPEC.md beside it.
 */
export class CollabServer implements FormDocuments, ResponseDocuments, UserConnections {
  readonly processId = randomUUID()
  private readonly wss: WebSocketServer
  private readonly store: DocStore
  private readonly fanOut: RedisFanOut | null
  /** What a path can open: co-filled responses and forms (see doc-kinds.ts). */
  private readonly kinds: readonly DocKind[]
  private readonly docs: DocRegistry
  private readonly timers: NodeJS.Timeout[] = []
  private readonly messageLimits: MessageLimits
  /** Sockets between their upgrade and joining their document (see `closeEndedSessions`). */
  private readonly admitting = new Set<Admitting>()
  private closing = false

  constructor({
    database,
    store = new DocStore(database),
    redisUrl,
    redisPrefix,
    seed,
    admit = (token, formId) => admitToForm(database.db, token, formId),
    maxMessageBytes = 8 * 1024 * 1024,
    maxBufferedBytes = 4 * 1024 * 1024,
    maxAwarenessBytes = 64 * 1024,
    awarenessPerSecond = 20,
    unloadDelayMs = 2000,
    pingIntervalMs = 30_000,
    revalidateMs = 10_000,
    compactEvery = 500,
    writeBackMs = 200,
  }: CollabOptions) {
    this.messageLimits = { maxAwarenessBytes, awarenessPerSecond }
    this.store = store
    this.kinds = [
      responseDocKind(database.db, { delayMs: writeBackMs }),
      { prefix: 'form', path: FORM_PATH, admit, seed, checkUpdate: refuseOverFormLimits },
    ]
    this.fanOut = redisUrl ? new RedisFanOut(redisUrl, this.processId, redisPrefix) : null
    this.docs = new DocRegistry({
      store: this.store,
      fanOut: this.fanOut,
      kinds: this.kinds,
      unloadDelayMs,
      limits: {
        maxBufferedBytes,
        compactEvery,
        onPersistError: (doc, error, attempt) =>
          console.error(
            `collab: saving ${doc} failed (attempt ${attempt}), keeping it in memory: ${(error as Error).message}`,
          ),
      },
    })
    this.wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes })
    this.fanOut
      ?.onSessionsEnded((ended) => closeEndedSessions(this.docs, this.admitting, ended))
      .catch((error) =>
        console.error(`collab: hearing ended sessions failed: ${(error as Error).message}`),
      )
    this.timers.push(setInterval(() => this.ping(), pingIntervalMs))
    this.timers.push(setInterval(() => void this.revalidate(), revalidateMs))
    for (const timer of this.timers) timer.unref()
  }

  /** Routes `upgrade` requests for `/collab/…` to this endpoint. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!this.handleUpgrade(request, socket, head)) socket.destroy()
    })
  }

  /**
   * Takes an upgrade request if its path is a co-editing one; false otherwise. A browser's
   * upgrade from a page of another origin is refused with 403 before any WebSocket exists
   * ([COL2]: cross-site WebSocket hijacking would otherwise ride the session cookie).
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const target = targetOfPath(this.kinds, url.pathname)
    if (!target || this.closing) return false
    const { origin, token } = upgradeCredentials(request)
    if (origin === 'foreign') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return true
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => void this.connect(ws, target, token))
    return true
  }

  private async connect(socket: WebSocket, target: DocTarget, token: string | null): Promise<void> {
    // Messages that arrive while we authorise and load wait, in order.
    const early: RawData[] = []
    const onEarly = (data: RawData) => early.push(data)
    socket.on('message', onEarly)
    socket.on('error', () => socket.terminate())
    // A session that ends while this socket is admitted and its document loads closes it too.
    const pending: Admitting = { socket, token, userId: null, recheck: false }
    const admit = () => {
      this.admitting.add(pending)
      return target.kind
        .admit(token, target.id)
        .catch((error): Admission => {
          console.error(`collab: admitting to ${target.name} failed: ${(error as Error).message}`)
          return { refused: 'loadFailed' }
        })
        .finally(() => this.admitting.delete(pending))
    }
    let admission = await admit()
    // A user's sessions ended while this one was read (deactivation, a password reset): the
    // read may predate it, so it is asked once more, now that the change is committed.
    if (pending.recheck && !('refused' in admission)) admission = await admit()
    if ('refused' in admission) {
      closeWith(socket, admission.refused)
      return
    }
    pending.userId = admission.user.id
    this.admitting.add(pending)
    let shared: SharedDoc
    try {
      shared = await this.docs.open(target.name, target.id)
    } catch {
      // The registry logged why; the client hears that it may try again later.
      closeWith(socket, 'loadFailed')
      return
    } finally {
      this.admitting.delete(pending)
    }
    if (socket.readyState !== socket.OPEN) {
      this.docs.release(shared)
      return
    }
    const conn: Connection = {
      socket,
      user: admission.user,
      token: token ?? '',
      canWrite: admission.canWrite,
      clientIds: new Set(),
      alive: true,
      awarenessTokens: this.messageLimits.awarenessPerSecond,
      awarenessRefilledAt: Date.now(),
      strikes: 0,
      syncRequests: 0,
    }
    shared.conns.set(socket, conn)
    this.docs.retain(shared.name)
    socket.off('message', onEarly)
    socket.on('message', (data) => receiveMessage(shared, conn, toBytes(data), this.messageLimits))
    socket.on('pong', () => {
      conn.alive = true
    })
    socket.on('close', () => {
      shared.remove(conn)
      this.docs.release(shared)
    })
    requestSync(shared, conn)
    const states = encodeAwarenessStates(shared.awareness)
    if (states) shared.send(conn, states)
    for (const data of early) receiveMessage(shared, conn, toBytes(data), this.messageLimits)
  }

  private ping(): void {
    for (const shared of this.docs.loaded()) {
      for (const conn of shared.conns.values()) {
        // No pong since the last ping: a dead peer (docs/COLLABORATION.md item 11).
        if (!conn.alive) {
          conn.socket.terminate()
          continue
        }
        conn.alive = false
        conn.socket.ping()
      }
    }
  }

  /** Checks every live connection's token and role again; revoked access is closed. */
  async revalidate(): Promise<void> {
    for (const shared of this.docs.loaded()) {
      await revalidateDoc(this.docs, this.kinds, shared)
      // With PGlite on this thread a query settles in microtasks alone, so a pass over every
      // document would hold the event loop (and every edit) until it ends: 150 ms or more for
      // a hundred documents (BENCHMARKS.md). Between documents, waiting messages go first.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async accessChanged(formId: number): Promise<void> {
    const shared = this.docs.get(`form:${formId}`)
    if (shared) await revalidateDoc(this.docs, this.kinds, shared)
  }

  async selfCheckLeftDraft(selfCheckId: number): Promise<void> {
    const shared = this.docs.get(`response:${selfCheckId}`)
    if (shared) await revalidateDoc(this.docs, this.kinds, shared)
  }

  /**
   * Closes every live socket of a user at once ([COL9]): deactivation and password resets end
   * their co-editing now, not at the next revalidation — in this process, and through Redis in
   * the others. Sockets signed in with `keepToken` stay (the session that changed its own
   * password). Returns how many closed in this process.
   *
   * @example
   * collab.closeUserConnections(userId) // each closes with 4401 `unauthenticated`
   */
  closeUserConnections(
    userId: number,
    reason: CloseReason = 'unauthenticated',
    keepToken?: string,
  ): number {
    const ended: SessionsEnded =
      keepToken === undefined
        ? { userId, reason }
        : { userId, keepTokenHash: hashToken(keepToken), reason }
    this.fanOut?.publishSessionsEnded(ended)
    return closeEndedSessions(this.docs, this.admitting, ended)
  }

  /**
   * Closes every live socket of one session at once ([COL9]): signing out ends its co-editing
   * now, not at the next revalidation — in this process, and through Redis in the others.
   * Returns how many closed in this process.
   *
   * @example
   * collab.closeSessionConnections(token) // each closes with 4401 `unauthenticated`
   */
  closeSessionConnections(token: string, reason: CloseReason = 'unauthenticated'): number {
    const ended: SessionsEnded = { tokenHash: hashToken(token), reason }
    this.fanOut?.publishSessionsEnded(ended)
    return closeEndedSessions(this.docs, this.admitting, ended)
  }

  /** What is loaded now: for tests, benchmarks and health. */
  stats(): { docs: number; connections: number; loaded: string[] } {
    const loaded = this.docs.loaded()
    return {
      docs: loaded.length,
      connections: loaded.reduce((n, s) => n + s.conns.size, 0),
      loaded: loaded.map((s) => s.name),
    }
  }

  async currentJson(formId: number): Promise<FormJson | null> {
    const loaded = this.loadedDoc(formId)
    if (loaded) return toSurveyJson(loaded.doc)
    const stored = await this.store.load(`form:${formId}`)
    if (!stored.snapshot && stored.updates.length === 0) return null
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const { update } of stored.updates) Y.applyUpdate(doc, update)
    const json = toSurveyJson(doc)
    doc.destroy()
    return json
  }

  async applyJson(formId: number, json: FormJson): Promise<void> {
    const shared = await this.docs.open(`form:${formId}`, formId)
    try {
      // An origin that is no connection: relayed to every editor, made durable like theirs.
      applySurveyJson(shared.doc, json, SERVER_ORIGIN)
      await shared.idle()
    } finally {
      this.docs.release(shared)
    }
  }

  /** The live document of a form if loaded (for publishing and restoring from the server). */
  loadedDoc(formId: number): SharedDoc | undefined {
    return this.docs.get(`form:${formId}`)
  }

  /** Shutdown: closes every socket (clients reconnect elsewhere), flushes and compacts. */
  async close(): Promise<void> {
    this.closing = true
    for (const timer of this.timers) clearInterval(timer)
    await this.docs.closeAll((shared) => {
      for (const conn of [...shared.conns.values()]) shared.close(conn, 'shuttingDown')
    })
    this.wss.close()
    await this.fanOut?.close()
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** A form's update that would nest or grow it past `FORM_LIMITS` is refused (SPEC [COL27]). */
function refuseOverFormLimits(doc: Y.Doc, update: Uint8Array): CloseReason | null {
  return updateLimitIssue(doc, update) ? 'overFormLimits' : null
}
