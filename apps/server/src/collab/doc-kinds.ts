import type * as Y from 'yjs'
import type { Admission } from './authorize'
import type { CloseReason } from './close-codes'
import type { SharedDoc } from './shared-doc'

/**
 * Behaviour bound to one loaded document, e.g. writing a co-filled response back to its row.
 * The endpoint calls `refresh` when it revalidates connections and `flush` before the document
 * unloads or the server shuts down.
 */
export interface DocBinding {
  /** Re-reads whatever the document mirrors; runs before its connections are re-admitted. */
  refresh: () => Promise<void>
  /** Writes out what is pending. */
  flush: () => Promise<void>
  /** Stops observing the document (it is about to be destroyed). */
  dispose: () => void
}

/**
 * One kind of co-edited document: which `/collab/…` path opens it, its name in storage
 * (`<prefix>:<id>`), who may open it, how its first state is seeded and what is bound to it
 * once loaded. The endpoint's machinery (loading, durability, relaying, unloading, fan-out) is
 * the same for every kind.
 *
 * @example
 * const forms: DocKind = { prefix: 'form', path: /^\/collab\/(\d+)\/?$/, admit }
 */
export interface DocKind {
  /** Names this kind's documents `<prefix>:<id>`. */
  prefix: string
  /** The URL path of this kind; its one capture group is the numeric id. */
  path: RegExp
  /** Decides a connection to the document of `id`. */
  admit: (token: string | null, id: number) => Promise<Admission>
  /** The first state of a document with none stored, built on the server once (COL19). */
  seed?: (id: number) => Promise<Uint8Array | null>
  /**
   * Why a writer's update must be refused before it is applied (the connection is closed with
   * that reason and the document stays as it was), or null to apply it.
   */
  checkUpdate?: (doc: Y.Doc, update: Uint8Array) => CloseReason | null
  /** Binds behaviour to the loaded document before anyone is served; a throw fails the load. */
  bind?: (shared: SharedDoc, id: number) => Promise<DocBinding>
}

/** A document a path or a name points at. */
export interface DocTarget {
  kind: DocKind
  id: number
  name: string
}

/**
 * The document a `/collab/…` path opens, or null when no kind matches.
 *
 * @example
 * targetOfPath(kinds, '/collab/response/7') // { kind: responses, id: 7, name: 'response:7' }
 */
export function targetOfPath(kinds: readonly DocKind[], pathname: string): DocTarget | null {
  for (const kind of kinds) {
    const match = kind.path.exec(pathname)
    if (match) return { kind, id: Number(match[1]), name: `${kind.prefix}:${match[1]}` }
  }
  return null
}

/**
 * The kind and id of a document name (`form:12`); throws on a name of no known kind.
 *
 * @example
 * targetOfName(kinds, 'form:12').id // 12
 */
export function targetOfName(kinds: readonly DocKind[], name: string): DocTarget {
  const colon = name.indexOf(':')
  const kind = kinds.find((k) => k.prefix === name.slice(0, colon))
  if (!kind || colon < 0) throw new Error(`collab: no document kind for ${name}`)
  return { kind, id: Number(name.slice(colon + 1)), name }
}
