import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type DocBinding, type DocKind, targetOfName } from './doc-kinds'
import type { DocStore } from './doc-store'
import type { FanOutMessage, RedisFanOut } from './redis-fan-out'
import { type DocLimits, LOAD_ORIGIN, RemoteOrigin, SharedDoc } from './shared-doc'

interface Entry {
  state: 'loading' | 'ready' | 'unloading'
  ready: Promise<SharedDoc>
  shared?: SharedDoc
  unloadTimer?: NodeJS.Timeout
  unloaded?: Promise<void>
}

/** What the registry needs to load, keep and unload documents. */
export interface DocRegistryOptions {
  store: DocStore
  fanOut: RedisFanOut | null
  kinds: readonly DocKind[]
  limits: DocLimits
  unloadDelayMs: number
}

const logFailure = (what: string) => (error: unknown) =>
  console.error(`collab: ${what} failed: ${(error as Error).message}`)

/**
 * The documents loaded in this process: each loaded once for every connection that asks
 * meanwhile (COL11), a failed load leaving nothing behind (COL12), unloaded a grace period
 * after its last connection left and only after a successful flush (COL5, COL14), subscribed
 * to the other processes' updates before it reads the database (COL18).
 */
export class DocRegistry {
  private readonly docs = new Map<string, Entry>()
  private readonly bindings = new WeakMap<SharedDoc, DocBinding>()

  constructor(private readonly options: DocRegistryOptions) {}

  /** The loaded document of `name`, loading it once; waits for an unload under way first. */
  open(name: string, id: number): Promise<SharedDoc> {
    const entry = this.docs.get(name)
    if (entry?.state === 'unloading')
      return (entry.unloaded ?? Promise.resolve()).then(() => this.open(name, id))
    if (entry) return entry.ready
    const created: Entry = { state: 'loading', ready: this.load(name, id) }
    this.docs.set(name, created)
    created.ready.then(
      (shared) => {
        created.state = 'ready'
        created.shared = shared
      },
      () => this.docs.delete(name),
    )
    return created.ready
  }

  /** A document is in use again: its pending unload, if any, is called off. */
  retain(name: string): void {
    const entry = this.docs.get(name)
    if (entry?.unloadTimer) {
      clearTimeout(entry.unloadTimer)
      entry.unloadTimer = undefined
    }
  }

  /** A document may be unused now: it unloads after the grace period if nobody came back. */
  release(shared: SharedDoc): void {
    const entry = this.docs.get(shared.name)
    if (entry?.state !== 'ready' || shared.conns.size > 0 || entry.unloadTimer) return
    entry.unloadTimer = setTimeout(
      () => void this.unload(entry, shared),
      this.options.unloadDelayMs,
    )
    entry.unloadTimer.unref()
  }

  /** The loaded document of `name`, if it is loaded now. */
  get(name: string): SharedDoc | undefined {
    return this.docs.get(name)?.shared
  }

  /** Every document loaded now. */
  loaded(): SharedDoc[] {
    return [...this.docs.values()].flatMap((entry) => (entry.shared ? [entry.shared] : []))
  }

  /** What is bound to a loaded document (e.g. a co-filled response's write-back). */
  bindingOf(shared: SharedDoc): DocBinding | undefined {
    return this.bindings.get(shared)
  }

  /**
   * Shutdown: `beforeFlush` runs on each document (closing its sockets), then each is flushed,
   * compacted and destroyed; loads under way are waited for.
   */
  async closeAll(beforeFlush: (shared: SharedDoc) => void): Promise<void> {
    const entries = [...this.docs.values()]
    await Promise.allSettled(
      entries.map(async (entry) => {
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
        const shared = await entry.ready.catch(() => null)
        if (!shared) return
        beforeFlush(shared)
        await this.flush(shared)
        shared.destroy()
      }),
    )
    this.docs.clear()
  }

  private async load(name: string, id: number): Promise<SharedDoc> {
    const { kind } = targetOfName(this.options.kinds, name)
    const { store, fanOut, limits } = this.options
    const shared = new SharedDoc(name, store, fanOut, limits)
    const { checkUpdate } = kind
    if (checkUpdate) shared.checkUpdate = (update) => checkUpdate(shared.doc, update)
    const early: FanOutMessage[] = []
    let loaded = false
    try {
      // Subscribe before reading the database, so nothing published meanwhile is missed.
      await fanOut?.subscribe(name, (message) =>
        loaded ? fromRemote(shared, message) : early.push(message),
      )
      const seed = kind.seed
      if (seed) await store.seedIfEmpty(name, () => seed(id))
      const stored = await store.load(name)
      Y.transact(
        shared.doc,
        () => {
          if (stored.snapshot) Y.applyUpdate(shared.doc, stored.snapshot, LOAD_ORIGIN)
          for (const { update } of stored.updates) Y.applyUpdate(shared.doc, update, LOAD_ORIGIN)
        },
        LOAD_ORIGIN,
      )
      shared.folded = stored.updates.map((u) => u.id)
      loaded = true
      for (const message of early) fromRemote(shared, message)
      // Before anyone is served: what is bound may reconcile the document first (COL26).
      const binding = await kind.bind?.(shared, id)
      if (binding) this.bindings.set(shared, binding)
      return shared
    } catch (error) {
      // A failed load writes nothing and serves nobody (docs/COLLABORATION.md item 3).
      console.error(`collab: loading ${name} failed: ${(error as Error).message}`)
      await fanOut?.unsubscribe(name).catch(logFailure(`unsubscribing ${name}`))
      shared.destroy()
      throw error
    }
  }

  /** Unloads after a successful flush; a connection arriving meanwhile waits and reloads. */
  private async unload(entry: Entry, shared: SharedDoc): Promise<void> {
    entry.unloadTimer = undefined
    if (shared.conns.size > 0) return
    entry.state = 'unloading'
    entry.unloaded = (async () => {
      await this.flush(shared)
      await this.options.fanOut
        ?.unsubscribe(shared.name)
        .catch(logFailure(`unsubscribing ${shared.name}`))
      shared.destroy()
      this.docs.delete(shared.name)
    })()
    await entry.unloaded
  }

  /** Writes out what is bound, waits until every update is durable, folds the log. */
  private async flush(shared: SharedDoc): Promise<void> {
    const binding = this.bindings.get(shared)
    await binding?.flush()
    binding?.dispose()
    await shared.idle()
    await shared.compact().catch(logFailure(`compacting ${shared.name} (its update log stays)`))
  }
}

function fromRemote(shared: SharedDoc, message: FanOutMessage): void {
  if (message.kind === 'update')
    Y.applyUpdate(shared.doc, message.payload, new RemoteOrigin(message.updateId))
  else
    awarenessProtocol.applyAwarenessUpdate(
      shared.awareness,
      message.payload,
      new RemoteOrigin(null),
    )
}
