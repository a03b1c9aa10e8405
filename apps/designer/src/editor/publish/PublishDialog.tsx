import { validateForm } from '@yardstick/sdk'
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { ApiError } from '../../api/client'
import type { Published } from '../../api/types'
import { useApi } from '../../api/useApi'
import { useErrorText } from '../../api/useErrorText'
import { useStore } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useViewSelect } from '../EditorContext'

/** Issues listed in the dialog; the validation tab has them all. */
const MAX_LISTED = 5

/**
 * Asks for a note (required: the version history is read by people who were not in the room)
 * and publishes the shared document as the next immutable version. Refused here while
 * `validateForm` finds errors, listed so they can be fixed (the server refuses too), or while not
 * synced: the server publishes the document as it has it.
 */
export function PublishDialog({
  onClose,
  onPublished,
}: {
  onClose: () => void
  onPublished: (version: number) => void
}) {
  const { t, locale } = useI18n()
  const api = useApi()
  const { form, session, versionPublished } = useEditor()
  const json = useViewSelect((view) => view.json)
  const connection = useStore(session.connection)
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const errorText = useErrorText()
  const issues = useMemo(() => validateForm(json, { locale }).errors, [json, locale])
  const errors = issues.length
  const synced = connection.state === 'synced'
  const noted = note.trim().length > 0

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (errors > 0 || !synced || !noted) return
    setBusy(true)
    setMessage(null)
    setFailure(null)
    try {
      const published = await api<Published>(`/api/forms/${form.id}/publish`, {
        method: 'POST',
        body: { note: note.trim() },
      })
      versionPublished()
      onPublished(published.version)
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.code === 'conflict') setMessage(t('publish.nothing'))
      else setFailure(error)
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={onClose}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-h`}>{t('publish.title')}</h2>
        <label htmlFor={`${id}-note`}>{t('publish.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={2000}
          value={note}
          required
          aria-describedby={`${id}-note-hint`}
          placeholder={t('publish.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={`${id}-note-hint`} className="muted">
          {t('publish.noteRequired')}
        </p>
        {errors > 0 && (
          <div role="alert" className="error">
            <p>{t('publish.refused', { n: errors })}</p>
            <ul className="publish-issues">
              {issues.slice(0, MAX_LISTED).map((issue) => (
                <li key={`${issue.path}:${issue.code}:${issue.message}`}>{issue.message}</li>
              ))}
              {errors > MAX_LISTED && (
                <li>{t('publish.moreIssues', { n: errors - MAX_LISTED })}</li>
              )}
            </ul>
          </div>
        )}
        {errors === 0 && !synced && (
          <p role="alert" className="error">
            {t('publish.offline')}
          </p>
        )}
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        {failure !== null && (
          <p role="alert" className="error">
            {t('publish.failed', { message: errorText(failure) })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('publish.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || errors > 0 || !synced || !noted}
          >
            {t('publish.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
