import { ROOT } from '@yardstick/doc'
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import type { FormDetail } from '../api/types'
import { useSignedIn } from '../auth/SessionProvider'
import { canEdit } from '../auth/session'
import type { FormSession } from '../collab/form-session'
import { createStore, useStore, useStoreSelect } from '../collab/store'
import { useI18n } from '../i18n/I18nProvider'
import { CommentsProvider } from '../review/CommentsContext'
import { EditorBar } from './bar/EditorBar'
import { EditorContext, type EditorState } from './EditorContext'
import { EmptyDocNotice } from './EmptyDocNotice'
import { PropertyPanel } from './properties/PropertyPanel'
import { SidePanels } from './SidePanels'
import { useEditorMode } from './simple/editor-mode'
import { ModeSwitch } from './simple/ModeSwitch'
import { SimpleEditor } from './simple/SimpleEditor'
import { Toolbox } from './toolbox/Toolbox'
import { EditorDnd } from './tree/EditorDnd'
import { TreePanel } from './tree/TreePanel'
import { useUndoShortcuts } from './useUndoShortcuts'

/** What `Editor` shows: the form's record, its open session, and how to open a fresh one. */
export interface EditorProps {
  form: FormDetail
  session: FormSession
  /** Opens the form again in a fresh session (this one's unsynced changes discarded). */
  reopen: () => void
}

/** The editor of one open form: bar, toolbox and tree, properties, preview and checks. */
export function Editor({ form, session, reopen }: EditorProps) {
  const { t } = useI18n()
  const { user } = useSignedIn()
  const empty = useStoreSelect(session.view, (view) => view.empty)
  const connection = useStore(session.connection)
  const everSynced = useStore(session.everSynced)
  const [selection] = useState(() => createStore<string | null>(ROOT))
  const [announcement, setAnnouncement] = useState('')
  const [refusal, setRefusal] = useState('')
  const [versionsKey, setVersionsKey] = useState(0)
  // Simple mode unless this user chose expert on this device (issue 19).
  const [mode, setMode] = useEditorMode(user.id)
  const versionPublished = useCallback(() => setVersionsKey((k) => k + 1), [])
  // An archived form is read-only for everybody: the server ignores edits to it ([COL3]).
  const writer = canEdit(user) && !form.archived
  const canWrite = writer && connection.state !== 'closed'

  const select = useCallback(
    (id: string | null) => {
      selection.set(id)
      session.select(id)
    },
    [session, selection],
  )
  useUndoShortcuts(session.undo, canWrite)
  useEffect(() => session.select(ROOT), [session])

  const state = useMemo<EditorState>(
    () => ({
      form,
      session,
      selection,
      select,
      canWrite,
      reopen,
      announce: setAnnouncement,
      refused: setRefusal,
      versionsKey,
      versionPublished,
    }),
    [form, session, selection, select, canWrite, reopen, versionsKey, versionPublished],
  )

  let body: ReactNode
  if (empty && everSynced) body = <EmptyDocNotice />
  else if (empty) body = <p className="editor-waiting muted">{t('editor.waiting')}</p>
  else if (mode === 'simple') body = <SimpleEditor />
  else {
    body = (
      <div className="editor-body">
        <aside className="editor-left">
          <EditorDnd>
            <Toolbox />
            <TreePanel />
          </EditorDnd>
        </aside>
        <section className="editor-center" aria-label={t('props.label')}>
          <PropertyPanel />
        </section>
        <section className="editor-right" aria-label={t('editor.tabs')}>
          <SidePanels />
        </section>
      </div>
    )
  }

  return (
    <EditorContext.Provider value={state}>
      <CommentsProvider formId={form.id}>
        <main className="editor" data-form-id={form.id}>
          <EditorBar />
          <ModeSwitch mode={mode} onChange={setMode} />
          {!writer && (
            <p className="notice" role="note">
              {t(form.archived ? 'editor.archived' : 'editor.readOnly')}
            </p>
          )}
          {refusal && (
            <p className="notice" role="alert" data-testid="edit-refused">
              {refusal}
            </p>
          )}
          {body}
          <div aria-live="polite" className="visually-hidden">
            {announcement}
          </div>
        </main>
      </CommentsProvider>
    </EditorContext.Provider>
  )
}
