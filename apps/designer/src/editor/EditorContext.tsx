import type { FormView, PeerPresence } from '@yardstick/doc'
import { createContext, useContext } from 'react'
import type { FormDetail } from '../api/types'
import type { FormSession } from '../collab/form-session'
import { type Store, useStore, useStoreSelect } from '../collab/store'

/**
 * What every part of the editor shares: things that stay put while people type. What changes
 * all the time — the view, the other editors, the selection — lives in stores that each panel
 * reads a part of (`useViewSelect`, `usePeersSelect`, `useSelected`): a keystroke then renders
 * the row and the field it changed, not every panel under one context.
 */
export interface EditorState {
  form: FormDetail
  session: FormSession
  /** The selected node or item id (`ROOT` for the form's own settings). */
  selection: Store<string | null>
  select: (id: string | null) => void
  /** False for reviewers and while the socket is refused: nothing may be edited. */
  canWrite: boolean
  /** Opens the form again in a fresh session: after `session.discardUnsaved()`. */
  reopen: () => void
  /** Tells screen readers what just happened (moved, removed, added). */
  announce: (message: string) => void
  /** Shows why an edit was refused (it would take the form past its limits: `useLimitedEdit`). */
  refused: (message: string) => void
  /** Changes when a version was published here, so the history reloads. */
  versionsKey: number
  versionPublished: () => void
}

export const EditorContext = createContext<EditorState | null>(null)

/** The editor's state; only inside `EditorPage`. */
export function useEditor(): EditorState {
  const value = useContext(EditorContext)
  if (!value) throw new Error('useEditor outside the editor')
  return value
}

/** The whole view, rendering again on every edit: for what is shown only now and then. */
export function useView(): FormView {
  return useStore(useEditor().session.view)
}

/** A part of the view; the component renders again only when that part changes. */
export function useViewSelect<S>(
  select: (view: FormView) => S,
  isEqual?: (a: S, b: S) => boolean,
): S {
  return useStoreSelect(useEditor().session.view, select, isEqual)
}

/** Everyone with the form open (this tab included). */
export function usePeers(): PeerPresence[] {
  return useStore(useEditor().session.peers)
}

/** A part of the presence list; renders again only when that part changes. */
export function usePeersSelect<S>(
  select: (peers: PeerPresence[]) => S,
  isEqual?: (a: S, b: S) => boolean,
): S {
  return useStoreSelect(useEditor().session.peers, select, isEqual)
}

/** The selected node or item id. */
export function useSelected(): string | null {
  return useStore(useEditor().selection)
}

/** The other editors (not this tab) who selected an id. */
export function peersOn(peers: readonly PeerPresence[], id: string): PeerPresence[] {
  return peers.filter((p) => !p.local && p.selection === id)
}

/** The same editors, shown the same way (presence objects are new on every awareness change). */
export function samePeers(a: readonly PeerPresence[], b: readonly PeerPresence[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as PeerPresence
      return (
        p.clientId === q.clientId &&
        p.user.name === q.user.name &&
        p.user.color === q.user.color &&
        p.local === q.local
      )
    })
  )
}

/** The other editors (not this tab) who selected an id, as a row shows them. */
export function usePeersOn(id: string): PeerPresence[] {
  return usePeersSelect((peers) => peersOn(peers, id), samePeers)
}
