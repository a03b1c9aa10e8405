import type { PeerPresence } from '@yardstick/doc'
import { createContext, useContext } from 'react'
import type { FormDetail } from '../api/types'
import type { FormSession } from '../collab/form-session'
import type { FormView } from './form-view'

/** What every part of the editor reads: the session, the current view, the selection. */
export interface EditorState {
  form: FormDetail
  session: FormSession
  view: FormView
  peers: PeerPresence[]
  /** The selected node or item id (`ROOT` for the form's own settings). */
  selected: string | null
  select: (id: string | null) => void
  /** False for reviewers and while the socket is refused: nothing may be edited. */
  canWrite: boolean
  /** Tells screen readers what just happened (moved, removed, added). */
  announce: (message: string) => void
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

/** The other editors (not this tab) who selected an id. */
export function peersOn(peers: readonly PeerPresence[], id: string): PeerPresence[] {
  return peers.filter((p) => !p.local && p.selection === id)
}
